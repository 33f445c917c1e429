#pragma once

#include "api/chat/UpstreamCall.h"
#include "core/Domain.h"
#include "core/Outcome.h"
#include "storage/AttachmentRepository.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace hearth {

struct ServerContext;

// One turn of a conversation, from the question to the stored reply, and
// the only owner of that reply's row: open() stores the question and a
// placeholder reply; the turn then runs the upstream call (which writes the
// ledger row), saves what the reply has said every few seconds so that a
// crash keeps it, and finishes the row as the call ends — completed,
// failed (kept only if it said anything), or cancelled. A relay carries its
// signals to the client and owns it.
class ChatTurn final : public QObject
{
    Q_OBJECT
public:
    struct Question
    {
        QString conversationId;
        QString systemPrompt;
        QString content;
        QString model;
        std::optional<double> temperature;
        std::optional<int> maxTokens;
        int contextTokens = 0;         // the model's context window
        bool modelSeesPictures = true; // false: earlier pictures go as a line of text
        QString userId;
        QStringList attachmentIds; // the asker's uploads sent with it
    };
    // Stores the question and the placeholder; the turn starts with start().
    // `call` names the providers and the caller; open() fills in its request.
    static Outcome<ChatTurn *> open(ServerContext &context, const Question &question,
                                    UpstreamCall::Setup call, QObject *parent);

    const Message &question() const { return m_question; }
    // The question with its attachments, as the send's answer shows it.
    QJsonObject questionJson() const;
    const Message &reply() const { return m_reply; }
    qint64 upstreamLatencyMs() const;

    // Builds the provider's request (pictures and files read on a worker
    // when there are any) and calls it.
    void start();
    // The client left or the server stops: the provider is stopped and what
    // the reply said so far is kept. Emits nothing more.
    void cancel();

signals:
    void reasoning(const QString &text);
    void delta(const QString &text);
    // reply() is stored.
    void completed(const hearth::TokenUsage &usage);
    void failed(const hearth::ChatFailure &failure);

private:
    ChatTurn(ServerContext &context, UpstreamCall::Setup call, QObject *parent);
    void callProvider(const QHash<QString, QList<ChatPart>> &parts);
    void onReasoning(const QString &text);
    void onDelta(const QString &text);
    // The thinking has ended (the answer began, or the reply ended): its
    // duration is known.
    void reasoningEnded();
    // Estimated usage of what was produced so far.
    TokenUsage producedUsage() const;
    void saveProgress();
    void store(const QString &finishReason, const TokenUsage &usage);
    void end();

    ServerContext &m_context;
    UpstreamCall::Setup m_callSetup;
    Message m_question;
    QList<AttachmentRecord> m_questionAttachments;
    int m_contextTokens = 0;
    // What the request is built from, until start() builds it.
    struct History
    {
        QString systemPrompt;
        QList<Message> recent;
        QList<AttachmentRecord> attachments;
        int replyReserve = 0;
        bool seesPictures = true;
    } m_history;
    Message m_reply; // stored with finishReason "streaming" until it ends
    UpstreamCall *m_call = nullptr;
    QTimer m_save;
    QElapsedTimer m_thinking; // from the first reasoning delta
    bool m_ended = false;
};

} // namespace hearth
