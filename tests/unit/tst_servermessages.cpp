#include "app/Language.h"
#include "client/ServerMessages.h"

#include <QtTest/QTest>

using hearth::client::localizedServerMessage;

// The server's English errors as the app shows them: in Chinese when the app
// is, template parts and field names included; unknown ones untouched.
class TestServerMessages final : public QObject
{
    Q_OBJECT
private slots:
    void cleanupTestCase() { hearth::ui::installLanguage(QStringLiteral("en")); }

    void englishStaysAsTheServerWroteIt()
    {
        hearth::ui::installLanguage(QStringLiteral("en"));
        for (const QString &message : {QStringLiteral("Email or password is incorrect"),
                                       QStringLiteral("password must be 8–128 characters long"),
                                       QStringLiteral("Something nobody translated")})
            QCOMPARE(localizedServerMessage(message), message);
    }

    void chinese_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("shown");
        QTest::newRow("sentence") << QStringLiteral("Email or password is incorrect")
                                  << QStringLiteral("邮箱或密码不正确");
        QTest::newRow("template and field")
            << QStringLiteral("password must be 8–128 characters long")
            << QStringLiteral("密码的长度必须为 8–128 个字符");
        QTest::newRow("what was not found")
            << QStringLiteral("Conversation not found") << QStringLiteral("找不到对话");
        QTest::newRow("unknown field keeps its name")
            << QStringLiteral("age must be a whole number from 1 to 5")
            << QStringLiteral("age必须是 1 到 5 之间的整数");
        QTest::newRow("quoted model")
            << QStringLiteral("No configured provider serves the model \"gpt-x\"")
            << QStringLiteral("没有已配置的服务商提供模型“gpt-x”");
        QTest::newRow("a provider's refusal, its own words kept")
            << QStringLiteral("The provider did not accept the API key (401): Authentication "
                              "Fails, Your api key: sk-…cdef is invalid")
            << QStringLiteral("服务商不接受这个 API 密钥（401）：Authentication Fails, Your api "
                              "key: sk-…cdef is invalid");
        QTest::newRow("nothing listening")
            << QStringLiteral("Nothing answers at 127.0.0.1:11434 (the connection was refused): "
                              "is the server running, and is the port right?")
            << QStringLiteral(
                   "127.0.0.1:11434 没有响应（连接被拒绝）：服务是否在运行？端口是否正确？");
        QTest::newRow("unknown sentence") << QStringLiteral("The upstream closed the stream")
                                          << QStringLiteral("The upstream closed the stream");
        QTest::newRow("a template must match whole")
            << QStringLiteral("Conversation not found, twice")
            << QStringLiteral("Conversation not found, twice");
    }
    void chinese()
    {
        QFETCH(QString, english);
        QFETCH(QString, shown);
        hearth::ui::installLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(localizedServerMessage(english), shown);
    }
};

QTEST_MAIN(TestServerMessages)
#include "tst_servermessages.moc"
