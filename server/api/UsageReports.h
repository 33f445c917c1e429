#pragma once

#include "http/Router.h"

namespace hearth {

struct ServerContext;

// Answers GET …/usage?from&to&groupBy: totals and groups for a time range
// (default: this month so far, in the server's time zone). With an empty
// userId everyone's rows count and groupBy may be user, model or day; with a
// userId only that user's rows, grouped by model (default) or day.
void replyUsageBreakdown(ServerContext &context, const HttpRequest &request,
                         const ResponderPtr &responder, const QString &userId);
// Answers GET …/usage/records?from&to&limit&before (JSON pages, or CSV with
// Accept: text/csv) for `userId`; empty: everyone, with userId and model
// filters from the query.
void replyUsageRecords(ServerContext &context, const HttpRequest &request,
                       const ResponderPtr &responder, const QString &userId);

} // namespace hearth
