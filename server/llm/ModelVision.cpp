#include "llm/ModelVision.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

namespace hearth {

namespace {

bool listsImages(const QJsonValue &list)
{
    for (const QJsonValue &item : list.toArray()) {
        const QString name = item.toString().toLower();
        if (name == QLatin1String("image") || name == QLatin1String("vision") ||
            name == QLatin1String("image_input"))
            return true;
    }
    return false;
}

} // namespace

std::optional<bool> visionFromModelEntry(const QJsonObject &entry)
{
    const QJsonObject architecture = entry.value(QLatin1String("architecture")).toObject();
    for (const QJsonValue &list :
         {architecture.value(QLatin1String("input_modalities")),
          entry.value(QLatin1String("input_modalities")), entry.value(QLatin1String("modalities")),
          entry.value(QLatin1String("capabilities"))}) {
        if (list.isArray())
            return listsImages(list);
    }
    const QJsonValue capabilities = entry.value(QLatin1String("capabilities"));
    if (capabilities.isObject()) {
        const QJsonObject c = capabilities.toObject();
        for (const QLatin1String key : {QLatin1String("vision"), QLatin1String("image_input")}) {
            if (c.value(key).isBool())
                return c.value(key).toBool();
        }
    }
    const QString type = entry.value(QLatin1String("type")).toString();
    if (type == QLatin1String("vlm"))
        return true;
    if (type == QLatin1String("llm"))
        return false;
    return std::nullopt;
}

std::optional<bool> visionByModelName(const QString &modelId)
{
    // The last path component ("openai/gpt-4o" on routers) without an
    // Ollama tag (":7b"), lower case.
    QString name = modelId.section(QLatin1Char('/'), -1).section(QLatin1Char(':'), 0, 0).toLower();
    static const QRegularExpression seeing(
        QStringLiteral("^(gpt-4o|gpt-4\\.1|gpt-4-turbo|gpt-4-vision|gpt-5|chatgpt-4o|o1$|o1-20|o3$|"
                       "o3-20|o3-pro|o4-|"
                       "claude-3|claude-(sonnet|opus|haiku)-4|claude-.*-4|gemini|llava|bakllava|"
                       "minicpm-v|pixtral|gemma3|llama3\\.2-vision|llama-3\\.2-.*vision|llama4|"
                       "mistral-small3\\.[12]|moondream|granite3\\.2-vision)|(-vl\\b|-vl-|vl$|-"
                       "vision\\b|vision-)"));
    static const QRegularExpression textOnly(QStringLiteral(
        "^(deepseek-(chat|reasoner|coder|r1|v2|v3)|gpt-3\\.5|o1-mini|o3-mini|qwq|qwen2\\.5-coder|"
        "codellama|llama2|llama3$|llama3\\.1|llama3\\.3|mistral$|mixtral|phi3|phi4$|"
        "text-embedding|nomic-embed)"));
    if (seeing.match(name).hasMatch())
        return true;
    if (textOnly.match(name).hasMatch())
        return false;
    return std::nullopt;
}

} // namespace hearth
