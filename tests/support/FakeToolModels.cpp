#include "FakeToolModels.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>

namespace {

QByteArray event(const QJsonObject &delta, const QJsonValue &finishReason = {},
                 const QJsonValue &logprobs = {})
{
    const QJsonObject chunk{
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("delta"), delta},
                                {QStringLiteral("logprobs"), logprobs},
                                {QStringLiteral("finish_reason"), finishReason}}}}};
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArrayList ending(const QString &finishReason, bool withUsage = true)
{
    const QJsonObject usage{
        {QStringLiteral("choices"), QJsonArray()},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 21},
                                              {QStringLiteral("completion_tokens"), 9},
                                              {QStringLiteral("total_tokens"), 30}}}};
    if (!withUsage)
        return {event({}, finishReason), "data: [DONE]\n\n"};
    return {event({}, finishReason),
            "data: " + QJsonDocument(usage).toJson(QJsonDocument::Compact) + "\n\n",
            "data: [DONE]\n\n"};
}

FakeScriptedReply refuse(const QString &message, const QString &param)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                            {QStringLiteral("param"), param},
                            {QStringLiteral("code"), QJsonValue()}};
    return {400, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(), {}};
}

QJsonObject toolCall(const QJsonObject &call)
{
    return {{QStringLiteral("tool_calls"), QJsonArray{call}}};
}

QJsonObject argumentsPiece(const QString &piece)
{
    return toolCall(
        {{QStringLiteral("index"), 0},
         {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), piece}}}});
}

QJsonObject callStart(const QString &name)
{
    QJsonObject delta = toolCall(
        {{QStringLiteral("index"), 0},
         {QStringLiteral("id"), QStringLiteral("call_fake1")},
         {QStringLiteral("type"), QStringLiteral("function")},
         {QStringLiteral("function"),
          QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("arguments"), QString()}}}});
    delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
    delta.insert(QStringLiteral("content"), QJsonValue());
    return delta;
}

// Content pieces, with a logprobs entry for each when the request asked.
QByteArrayList answer(const QStringList &pieces, bool logprobs)
{
    QByteArrayList events;
    for (const QString &piece : pieces) {
        QJsonValue probs;
        if (logprobs) {
            QJsonArray bytes;
            for (char c : piece.toUtf8())
                bytes.append(int(static_cast<unsigned char>(c)));
            probs = QJsonObject{
                {QStringLiteral("content"),
                 QJsonArray{QJsonObject{{QStringLiteral("token"), piece},
                                        {QStringLiteral("logprob"), -0.25},
                                        {QStringLiteral("bytes"), bytes},
                                        {QStringLiteral("top_logprobs"), QJsonArray()}}}},
                {QStringLiteral("refusal"), QJsonValue()}};
        }
        // With reasoning_content null in every delta, as some servers send it.
        events << event({{QStringLiteral("content"), piece},
                         {QStringLiteral("reasoning_content"), QJsonValue()}},
                        {}, probs);
    }
    return events + ending(QStringLiteral("stop"));
}

// What a strict provider refuses before answering; empty when nothing.
std::optional<FakeScriptedReply> strictCheck(const QJsonObject &request)
{
    static const QStringList known =
        QStringLiteral("model messages stream stream_options tools tool_choice "
                       "parallel_tool_calls response_format seed logprobs "
                       "top_logprobs temperature top_p max_tokens n user stop "
                       "metadata max_completion_tokens")
            .split(u' ');
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!known.contains(it.key()))
            return refuse(
                QStringLiteral("Unrecognized request argument supplied: %1").arg(it.key()),
                it.key());
    const QJsonValue tools = request.value(QLatin1String("tools"));
    if (!tools.isUndefined()) {
        bool valid = tools.isArray();
        for (const QJsonValue &tool : tools.toArray())
            valid = valid && tool[QLatin1String("type")].toString() == QLatin1String("function") &&
                    tool[QLatin1String("function")][QLatin1String("name")].isString();
        if (!valid)
            // With the provider's key in it, as careless providers do.
            return refuse(QStringLiteral("Invalid 'tools': each tool needs type function and a "
                                         "function name (key sk-test-abcdef1234567890)"),
                          QStringLiteral("tools"));
    }
    QSet<QString> calls;
    for (const QJsonValue &message : request.value(QLatin1String("messages")).toArray()) {
        for (const QJsonValue &call : message[QLatin1String("tool_calls")].toArray())
            calls.insert(call[QLatin1String("id")].toString());
        if (message[QLatin1String("role")].toString() == QLatin1String("tool") &&
            !calls.contains(message[QLatin1String("tool_call_id")].toString()))
            return refuse(QStringLiteral("Invalid parameter: messages with role 'tool' must be a "
                                         "response to a preceding message with 'tool_calls'."),
                          QStringLiteral("messages"));
    }
    return std::nullopt;
}

int imageParts(const QJsonArray &messages)
{
    int images = 0;
    for (const QJsonValue &message : messages)
        for (const QJsonValue &part : message[QLatin1String("content")].toArray())
            images += part[QLatin1String("type")].toString() == QLatin1String("image_url");
    return images;
}

} // namespace

QStringList fakeToolModels()
{
    return {QStringLiteral("fake-tools"), QStringLiteral("fake-refusal"),
            QStringLiteral("fake-tool-big")};
}

std::optional<FakeScriptedReply> fakeToolReply(const QString &model, const QJsonObject &request)
{
    if (model == QLatin1String("fake-refusal")) {
        FakeScriptedReply reply;
        reply.events << event({{QStringLiteral("role"), QStringLiteral("assistant")},
                               {QStringLiteral("content"), QJsonValue()},
                               {QStringLiteral("refusal"), QJsonValue()}})
                     << event({{QStringLiteral("refusal"), QStringLiteral("I can't")}})
                     << event({{QStringLiteral("refusal"), QStringLiteral(" help with that.")}})
                     << ending(QStringLiteral("stop"));
        return reply;
    }
    if (model == QLatin1String("fake-tool-big")) {
        FakeScriptedReply reply;
        reply.events << event(callStart(QStringLiteral("save")))
                     << event(argumentsPiece(QStringLiteral("{\"data\":\"")));
        const QString piece(2048, QLatin1Char('a'));
        for (int i = 0; i < 1024; ++i)
            reply.events << event(argumentsPiece(piece));
        reply.events << event(argumentsPiece(QStringLiteral("\"}")))
                     << ending(QStringLiteral("tool_calls"), false);
        return reply;
    }
    if (model != QLatin1String("fake-tools"))
        return std::nullopt;
    if (auto refused = strictCheck(request))
        return refused;
    const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    const bool logprobs = request.value(QLatin1String("logprobs")).toBool();
    const QJsonArray tools = request.value(QLatin1String("tools")).toArray();
    FakeScriptedReply reply;
    if (messages.last()[QLatin1String("role")].toString() == QLatin1String("tool")) {
        reply.events =
            answer({QStringLiteral("It is "), messages.last()[QLatin1String("content")].toString()},
                   logprobs);
    } else if (!tools.isEmpty() &&
               request.value(QLatin1String("tool_choice")).toString() != QLatin1String("none")) {
        const QString name =
            tools.first()[QLatin1String("function")][QLatin1String("name")].toString();
        reply.events << event(callStart(name))
                     << event(argumentsPiece(QStringLiteral("{\"city\":")))
                     << event(argumentsPiece(QStringLiteral(" \"Paris\"}")))
                     << ending(QStringLiteral("tool_calls"));
    } else if (request.value(QLatin1String("response_format"))[QLatin1String("type")]
                   .toString()
                   .startsWith(QLatin1String("json"))) {
        reply.events = answer({QStringLiteral("{\"answer\":"), QStringLiteral(" 4}")}, logprobs);
    } else if (const int images = imageParts(messages)) {
        reply.events = answer({QStringLiteral("I see %1 image(s).").arg(images)}, logprobs);
    } else {
        reply.events = answer({QStringLiteral("O"), QStringLiteral("K")}, logprobs);
    }
    return reply;
}
