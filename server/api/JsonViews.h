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

} // namespace hearth
