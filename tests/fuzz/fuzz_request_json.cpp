// Request bodies as the API reads them: the JSON body check, then the
// OpenAI-compatible chat request and the field validator on whatever
// object came out. No crash, no hang, and every refusal says why.
#include "api/openai/OpenAiCompat.h"
#include "core/ApiError.h"
#include "http/JsonBody.h"
#include "http/Validator.h"

#include <cstdint>
#include <cstdlib>

using namespace hearth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HttpRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/chat/completions");
    request.headers.insert("content-type", "application/json");
    request.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    const JsonBody body = parseJsonBody(request);
    if (!body.ok()) {
        if (body.message.isEmpty())
            std::abort();
        return 0;
    }
    ApiError error;
    QString param;
    const auto chat = parseOpenAiChat(body.object, &error, &param);
    if (!chat && error.message.isEmpty())
        std::abort();
    if (chat && chat->request.messages.isEmpty())
        std::abort(); // a chat request always has messages

    Validator v(body.object);
    v.text(QStringLiteral("content"), false, 1, 100000);
    v.text(QStringLiteral("model"), false, 1, 200);
    v.email(QStringLiteral("email"));
    v.number(QStringLiteral("temperature"), 0, 2);
    v.integer(QStringLiteral("maxTokens"), 1, 1000000);
    v.boolean(QStringLiteral("stream"));
    v.object(QStringLiteral("options"));
    if (!v.ok() && v.errors().first().isEmpty())
        std::abort();
    return 0;
}
