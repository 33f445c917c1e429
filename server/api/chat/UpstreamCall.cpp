#include "api/chat/UpstreamCall.h"

#include "api/ServerContext.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "llm/ChatProvider.h"
#include "llm/ChatStream.h"
#include "storage/GroupCommit.h"

#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcCall, "hearth.relay")

namespace hearth {

UpstreamCall::UpstreamCall(ServerContext &context, Setup setup, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_setup(std::move(setup))
{}

UpstreamCall::~UpstreamCall()
{
    if (m_stream)
        m_stream->abort();
}

void UpstreamCall::start()
{
    m_elapsed.start();
    if (!startNext())
        emit failed(ChatFailure{ChatFailure::Kind::Upstream,
                                0,
                                QStringLiteral("No provider serves the model \"%1\" any more")
                                    .arg(m_setup.request.model),
                                {}});
}

bool UpstreamCall::startNext()
{
    while (m_next < m_setup.candidates.size()) {
        ChatProvider *provider = m_setup.candidates.at(m_next++);
        if (!provider)
            continue; // removed by the admin meanwhile
        m_providerName = provider->name();
        m_attempt.start();
        m_stream = provider->startChat(m_setup.request, this);
        connect(m_stream, &ChatStream::reasoning, this, [this](const QString &text) {
            m_reasoning += text;
            emit reasoning(text);
        });
        connect(m_stream, &ChatStream::delta, this, [this](const QString &text) {
            m_text += text;
            emit delta(text);
        });
        connect(m_stream, &ChatStream::chunkEnded, this, &UpstreamCall::chunkEnded);
        connect(m_stream, &ChatStream::completed, this, [this](const ChatCompletion &completion) {
            m_done = true;
            record(usageRow(QStringLiteral("ok"), completion.usage),
                   [self = QPointer(this), completion] {
                       if (self)
                           emit self->completed(completion);
                   });
        });
        connect(m_stream, &ChatStream::failed, this, &UpstreamCall::onFailed);
        return true;
    }
    return false;
}

void UpstreamCall::onFailed(const ChatFailure &failure)
{
    // Anything already shown to the client — answer, reasoning, tool calls,
    // a refusal — counts as produced: another provider cannot take over
    // from there.
    const bool producedNothing = !(m_stream && m_stream->producedAnything());
    // Nothing was produced, so nothing is charged; what was, is estimated.
    // (The row is made before a failover moves on to the next provider.)
    TokenUsage nothing;
    nothing.estimated = true;
    const UsageRecord row =
        usageRow(QStringLiteral("error"), producedNothing ? nothing : producedUsage());
    if (producedNothing) {
        qCWarning(lcCall).noquote() << "provider" << m_providerName << "failed:" << failure.message;
        if (m_stream)
            m_stream->deleteLater();
        if (startNext()) {
            record(row); // failover: the next provider serving the model
            return;
        }
    }
    m_done = true;
    record(row, [self = QPointer(this), failure] {
        if (self)
            emit self->failed(failure);
    });
}

void UpstreamCall::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (m_stream)
        m_stream->abort();
    record(usageRow(QStringLiteral("cancelled"), producedUsage()));
}

TokenUsage UpstreamCall::producedUsage() const
{
    const QString extra = m_stream ? m_stream->extraText() : QString();
    return estimateUsage(m_setup.request, m_text + extra, m_reasoning);
}

UsageRecord UpstreamCall::usageRow(const QString &status, const TokenUsage &usage) const
{
    UsageRecord row;
    row.id = newId();
    row.userId = m_setup.userId;
    row.apiKeyId = m_setup.apiKeyId;
    row.provider = m_providerName;
    row.model = m_setup.request.model;
    row.usage = usage;
    row.latencyMs = m_attempt.elapsed();
    row.status = status;
    row.createdAt = Clock::system().nowMs();
    return row;
}

void UpstreamCall::record(const UsageRecord &row, std::function<void()> then)
{
    UsageRepository *ledger = &m_context.usage;
    m_context.writes->add([ledger, row] { return bool(ledger->record(row)); },
                          [provider = row.provider, then = std::move(then)](bool ok) {
                              if (!ok)
                                  qCWarning(lcCall)
                                      << "could not record usage of a call to" << provider;
                              if (then)
                                  then();
                          });
}

QString UpstreamCall::systemFingerprint() const
{
    return m_stream ? m_stream->systemFingerprint() : QString();
}

} // namespace hearth
