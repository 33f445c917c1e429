#include "llm/DemoProvider.h"

#include "llm/ChatStream.h"

#include <QtCore/QTimer>

namespace hearth {

namespace {

bool looksChinese(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() >= 0x4E00 && ch.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

class DemoStream final : public ChatStream
{
public:
    DemoStream(const ChatRequest &request, int delayMs, QObject *parent)
        : ChatStream(parent)
        , m_request(request)
        , m_pieces(DemoProvider::replyPieces(request))
    {
        m_timer.setInterval(delayMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
        m_timer.start();
    }

    void abort() override { m_timer.stop(); }

private:
    void step()
    {
        if (m_next < m_pieces.size()) {
            m_text += m_pieces.at(m_next);
            emitDelta(m_pieces.at(m_next++));
            emitChunkEnd();
            return;
        }
        m_timer.stop();
        emit completed(ChatCompletion{QStringLiteral("stop"), estimateUsage(m_request, m_text)});
    }

    ChatRequest m_request;
    QStringList m_pieces;
    QString m_text;
    int m_next = 0;
    QTimer m_timer;
};

} // namespace

QList<ModelInfo> DemoProvider::models() const
{
    ModelInfo demo;
    demo.id = modelId;
    demo.name = QStringLiteral("Hearth Demo (offline)");
    demo.ownedBy = QStringLiteral("hearth");
    demo.provider = name();
    demo.description = QStringLiteral("Built-in demo that answers without any provider. Add a "
                                      "provider to chat with a real model.");
    demo.context = 8192;
    demo.vision = true; // takes pictures, so attachments can be tried offline
    demo.maxTokens = 1024;
    demo.created = 1767225600; // 2026-01-01
    return {demo};
}

QStringList DemoProvider::replyPieces(const ChatRequest &request)
{
    QString question;
    for (const ChatMessage &m : request.messages) {
        if (m.role == QLatin1String("user"))
            question = m.content;
    }
    const QString quoted = question.left(80).simplified();
    QString reply;
    if (looksChinese(question)) {
        reply = QStringLiteral("你好！我是 Hearth 的内置演示模型，不连接任何真实的 AI 服务。"
                               "你刚才说的是：“%1”。要和真正的模型对话，请在管理面板中添加"
                               "一个模型提供方（例如 DeepSeek、OpenAI 或本机的 Ollama），"
                               "或设置 OPENAI_API_BASE_URL 和 OPENAI_API_KEY。")
                    .arg(quoted);
    } else {
        reply =
            QStringLiteral("Hello! I am Hearth's built-in demo model and I am not connected to any "
                           "real AI service. You said: \"%1\". To chat with a real model, add a "
                           "provider (such as DeepSeek, OpenAI or Ollama on this computer) in the "
                           "admin panel, or set OPENAI_API_BASE_URL and OPENAI_API_KEY.")
                .arg(quoted);
    }
    // Pieces of a few characters, like the deltas of a real model.
    QStringList pieces;
    const int step = looksChinese(question) ? 2 : 6;
    for (qsizetype i = 0; i < reply.size(); i += step)
        pieces << reply.mid(i, step);
    return pieces;
}

ChatStream *DemoProvider::startChat(const ChatRequest &request, QObject *parent)
{
    return new DemoStream(request, m_delayMs, parent);
}

} // namespace hearth
