#include "api/chat/ChatTurn.h"

#include "api/JsonViews.h"
#include "api/ServerContext.h"
#include "api/attachments/AttachmentParts.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "llm/ChatStream.h"
#include "llm/HistoryBuilder.h"
#include "storage/GroupCommit.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcCall)

namespace hearth {

namespace {
constexpr int defaultReplyReserve = 1024;
constexpr int historyWindow = 400; // newest messages considered for the context
} // namespace

ChatTurn::ChatTurn(ServerContext &context, UpstreamCall::Setup call, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_callSetup(std::move(call))
{
    m_save.setInterval(m_context.config.replySaveIntervalMs);
    connect(&m_save, &QTimer::timeout, this, &ChatTurn::saveProgress);
}

Outcome<ChatTurn *> ChatTurn::open(ServerContext &context, const Question &question,
                                   UpstreamCall::Setup call, QObject *parent)
{
    Message asked;
    asked.id = newId();
    asked.conversationId = question.conversationId;
    asked.role = QStringLiteral("user");
    asked.content = question.content;
    asked.model = question.model;
    asked.createdAt = Clock::system().nowMs();
    if (const auto stored = context.messages.insert(asked); !stored)
        return stored.error();
    if (!question.attachmentIds.isEmpty()) {
        const auto attached = context.attachments.attach(question.attachmentIds, question.userId,
                                                         question.conversationId, asked.id);
        if (!attached || !attached.value()) {
            context.messages.remove(asked.id);
            return attached ? ApiError::notFound(QStringLiteral("Attachment")) : attached.error();
        }
    }
    const auto recent = context.messages.page(question.conversationId, historyWindow, 0, {});
    if (!recent)
        return recent.error();
    const auto attachments = context.attachments.listForConversation(question.conversationId);
    if (!attachments) {
        context.messages.remove(asked.id);
        return attachments.error();
    }
    Message reply;
    reply.id = newId();
    reply.conversationId = question.conversationId;
    reply.role = QStringLiteral("assistant");
    reply.model = question.model;
    reply.finishReason = FinishReason::Streaming;
    // Strictly after the question, so the two never swap places in a listing.
    reply.createdAt = std::max(Clock::system().nowMs(), asked.createdAt + 1);
    if (const auto stored = context.messages.insert(reply); !stored)
        return stored.error();
    context.conversations.touch(question.conversationId, reply.createdAt);

    ChatRequest &request = call.request;
    request.model = question.model;
    request.temperature = question.temperature;
    request.maxTokens = question.maxTokens;
    auto *turn = new ChatTurn(context, std::move(call), parent);
    turn->m_question = asked;
    turn->m_contextTokens = question.contextTokens;
    turn->m_history = {question.systemPrompt, recent.value(), attachments.value(),
                       question.maxTokens.value_or(defaultReplyReserve),
                       question.modelSeesPictures};
    for (const AttachmentRecord &a : attachments.value())
        if (a.messageId == asked.id)
            turn->m_questionAttachments << a;
    turn->m_reply = reply;
    return turn;
}

void ChatTurn::start()
{
    m_save.start();
    if (m_history.attachments.isEmpty()) {
        callProvider({});
        return;
    }
    // Reading the files, and a picture's base64, take tens of milliseconds
    // for a large one: on a worker, not the server's thread.
    const AttachmentParts::Reader reader{m_contextTokens, m_history.seesPictures};
    QtConcurrent::run(&m_context.fileWorkers, [&repository = m_context.attachments,
                                               db = m_context.db.get(),
                                               attachments = m_history.attachments,
                                               recent = m_history.recent, reader] {
        auto parts = AttachmentParts::forConversation(repository, attachments, recent, reader);
        db->releaseConnection();
        return parts;
    }).then(this, [this](const Outcome<QHash<QString, QList<ChatPart>>> &parts) {
        if (m_ended)
            return; // cancelled meanwhile
        if (!parts) {
            store(FinishReason::Error, {});
            emit failed(ChatFailure{ChatFailure::Kind::Upstream, 0, parts.error().message, {}});
            end();
            return;
        }
        callProvider(parts.value());
    });
}

void ChatTurn::callProvider(const QHash<QString, QList<ChatPart>> &parts)
{
    m_callSetup.request.messages = buildHistory(m_history.systemPrompt, m_history.recent,
                                                m_contextTokens, m_history.replyReserve, parts);
    m_history = {}; // in the request now
    m_call = new UpstreamCall(m_context, m_callSetup, this);
    connect(m_call, &UpstreamCall::reasoning, this, &ChatTurn::onReasoning);
    connect(m_call, &UpstreamCall::delta, this, &ChatTurn::onDelta);
    connect(m_call, &UpstreamCall::completed, this, [this](const ChatCompletion &completion) {
        store(completion.finishReason == QLatin1String("length") ? FinishReason::Length
                                                                 : FinishReason::Stop,
              completion.usage);
        emit completed(completion.usage);
        end();
    });
    connect(m_call, &UpstreamCall::failed, this, [this](const ChatFailure &failure) {
        store(FinishReason::Error, producedUsage());
        emit failed(failure);
        end();
    });
    m_call->start();
}

QJsonObject ChatTurn::questionJson() const
{
    return messageJson(m_question, m_questionAttachments,
                       AttachmentParts::maxDocumentCharacters(m_contextTokens));
}

qint64 ChatTurn::upstreamLatencyMs() const
{
    return m_call ? m_call->latencyMs() : 0;
}

void ChatTurn::cancel()
{
    if (m_ended)
        return;
    if (m_call)
        m_call->cancel();
    store(FinishReason::Cancelled, producedUsage());
    end();
}

void ChatTurn::onReasoning(const QString &text)
{
    if (!m_thinking.isValid())
        m_thinking.start();
    m_reply.reasoning += text;
    emit reasoning(text);
}

void ChatTurn::onDelta(const QString &text)
{
    reasoningEnded();
    m_reply.content += text;
    emit delta(text);
}

void ChatTurn::reasoningEnded()
{
    if (m_thinking.isValid() && m_reply.reasoningMs == 0)
        m_reply.reasoningMs = qMax<qint64>(1, m_thinking.elapsed());
}

TokenUsage ChatTurn::producedUsage() const
{
    return estimateUsage(m_callSetup.request, m_reply.content, m_reply.reasoning);
}

void ChatTurn::saveProgress()
{
    if (!m_context.writes)
        return;
    // With the usage rows of this pass, in one commit; skipped by the
    // database if the reply has ended by then.
    m_context.writes->add(
        [&messages = m_context.messages, id = m_reply.id, content = m_reply.content,
         reasoning = m_reply.reasoning, now = Clock::system().nowMs()] {
            return bool(messages.saveProgress(id, content, reasoning, now));
        },
        {});
}

void ChatTurn::store(const QString &finishReason, const TokenUsage &usage)
{
    reasoningEnded();
    m_reply.finishReason = finishReason;
    m_reply.usage = usage;
    // A reply that produced nothing before failing is not kept; the question is.
    const bool keep = !(finishReason == FinishReason::Error && m_reply.content.isEmpty() &&
                        m_reply.reasoning.isEmpty());
    const auto stored =
        keep ? m_context.messages.finish(m_reply) : m_context.messages.remove(m_reply.id);
    if (!stored)
        qCWarning(lcCall) << "could not store reply" << m_reply.id;
    m_context.conversations.touch(m_reply.conversationId, Clock::system().nowMs());
}

void ChatTurn::end()
{
    m_ended = true;
    m_save.stop();
}

} // namespace hearth
