#pragma once

#include "core/Domain.h"

#include <QtCore/QJsonObject>

namespace hearth {

struct ModelInfo;
struct UsageTotals;
struct UsageRecordRow;
struct ApiKeyRecord;
struct AttachmentRecord;

// The API's JSON shapes (camelCase, RFC 3339 times), one function each.
QJsonObject meJson(const User &user);
QJsonObject conversationJson(const Conversation &conversation);
QJsonObject messageJson(const Message &message);
QJsonObject usageJson(const TokenUsage &usage);
QJsonObject modelJson(const ModelInfo &model);
QJsonObject adminUserJson(const User &user);
QJsonObject usageTotalsJson(const UsageTotals &totals);
QJsonObject usageRecordJson(const UsageRecordRow &row);
QJsonObject apiKeyJson(const ApiKeyRecord &key);
QJsonObject attachmentJson(const AttachmentRecord &attachment);
// As a message lists it: a document longer than `maxCharacters` (what the
// model of that turn could take) says how much was sent, as charactersSent.
QJsonObject attachmentJson(const AttachmentRecord &attachment, qsizetype maxCharacters);
// A message with the attachments it came with, for a model that could take
// `maxCharacters` of a document.
QJsonObject messageJson(const Message &message, const QList<AttachmentRecord> &attachments,
                        qsizetype maxCharacters);

} // namespace hearth
