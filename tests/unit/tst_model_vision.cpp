#include "llm/ModelVision.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

using namespace hearth;

Q_DECLARE_METATYPE(std::optional<bool>)

class TestModelVision final : public QObject
{
    Q_OBJECT
private slots:
    void fromTheProvidersList_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<std::optional<bool>>("vision");
        QTest::newRow("plain OpenAI")
            << QByteArray(R"({"id":"gpt-4o","object":"model"})") << std::optional<bool>();
        QTest::newRow("OpenRouter image")
            << QByteArray(R"({"id":"x","architecture":{"input_modalities":["text","image"]}})")
            << std::optional<bool>(true);
        QTest::newRow("OpenRouter text")
            << QByteArray(R"({"id":"x","architecture":{"input_modalities":["text"]}})")
            << std::optional<bool>(false);
        QTest::newRow("capabilities list")
            << QByteArray(R"({"id":"x","capabilities":["completion","vision"]})")
            << std::optional<bool>(true);
        QTest::newRow("capabilities object")
            << QByteArray(R"({"id":"x","capabilities":{"vision":false}})")
            << std::optional<bool>(false);
        QTest::newRow("LM Studio vlm")
            << QByteArray(R"({"id":"x","type":"vlm"})") << std::optional<bool>(true);
        QTest::newRow("LM Studio llm")
            << QByteArray(R"({"id":"x","type":"llm"})") << std::optional<bool>(false);
    }
    void fromTheProvidersList()
    {
        QFETCH(QByteArray, entry);
        QFETCH(std::optional<bool>, vision);
        QCOMPARE(visionFromModelEntry(QJsonDocument::fromJson(entry).object()), vision);
    }

    void byName_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<std::optional<bool>>("vision");
        const std::optional<bool> sees(true), blind(false), unknown;
        QTest::newRow("deepseek-chat") << QStringLiteral("deepseek-chat") << blind;
        QTest::newRow("deepseek-reasoner") << QStringLiteral("deepseek-reasoner") << blind;
        QTest::newRow("gpt-4o-mini") << QStringLiteral("gpt-4o-mini") << sees;
        QTest::newRow("gpt-4.1") << QStringLiteral("gpt-4.1") << sees;
        QTest::newRow("gpt-3.5-turbo") << QStringLiteral("gpt-3.5-turbo") << blind;
        QTest::newRow("o3-mini") << QStringLiteral("o3-mini") << blind;
        QTest::newRow("o4-mini") << QStringLiteral("o4-mini") << sees;
        QTest::newRow("router path") << QStringLiteral("openai/gpt-4o") << sees;
        QTest::newRow("ollama llava tag") << QStringLiteral("llava:13b") << sees;
        QTest::newRow("ollama qwen vl") << QStringLiteral("qwen2.5vl:7b") << sees;
        QTest::newRow("qwen vl api") << QStringLiteral("qwen-vl-max") << sees;
        QTest::newRow("gemma3") << QStringLiteral("gemma3:4b") << sees;
        QTest::newRow("llama3.1") << QStringLiteral("llama3.1:8b") << blind;
        QTest::newRow("unheard of") << QStringLiteral("my-finetune") << unknown;
    }
    void byName()
    {
        QFETCH(QString, model);
        QFETCH(std::optional<bool>, vision);
        QCOMPARE(visionByModelName(model), vision);
    }
};

QTEST_APPLESS_MAIN(TestModelVision)
#include "tst_model_vision.moc"
