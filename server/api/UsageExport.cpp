#include "api/UsageExport.h"

#include "api/ServerContext.h"
#include "core/TimeFormat.h"
#include "http/DownloadPacer.h"

namespace hearth {

namespace {
constexpr int pageRows = 1000;

QByteArray cell(const QString &text)
{
    QString value = text;
    // A cell starting with = + - @ would run as a formula in a spreadsheet.
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
        value = QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                QLatin1Char('"');
    return value.toUtf8();
}
} // namespace

UsageExport::UsageExport(ServerContext &context, UsageRecordQuery query, ResponderPtr responder,
                         QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_query(std::move(query))
    , m_responder(std::move(responder))
{
    m_query.limit = pageRows;
}

QByteArray UsageExport::csvHeader()
{
    return "id,createdAt,userId,userEmail,apiKeyId,provider,model,promptTokens,completionTokens,"
           "totalTokens,estimated,latencyMs,status\r\n";
}

QByteArray UsageExport::csvLine(const UsageRecordRow &row)
{
    const UsageRecord &r = row.record;
    const QList<QByteArray> cells{cell(r.id),
                                  cell(toRfc3339(r.createdAt)),
                                  cell(r.userId),
                                  cell(row.userEmail),
                                  cell(r.apiKeyId),
                                  cell(r.provider),
                                  cell(r.model),
                                  QByteArray::number(r.usage.promptTokens),
                                  QByteArray::number(r.usage.completionTokens),
                                  QByteArray::number(r.usage.totalTokens),
                                  r.usage.estimated ? "true" : "false",
                                  QByteArray::number(r.latencyMs),
                                  cell(r.status)};
    QByteArray line;
    for (const QByteArray &c : cells)
        line += c + ',';
    line.chop(1);
    return line + "\r\n";
}

void UsageExport::start()
{
    // UTF-8 byte order mark: spreadsheet programs then read Chinese names right.
    m_responder->beginStream(
        200, "text/csv; charset=utf-8",
        {{"Content-Disposition", "attachment; filename=\"hearth-usage.csv\""}});
    m_responder->writeChunk("\xEF\xBB\xBF" + csvHeader());
    (new DownloadPacer(
         m_responder, [this] { return writeNextPage(); }, this))
        ->start();
}

bool UsageExport::writeNextPage()
{
    const auto rows = m_context.usage.records(m_query);
    if (!rows) {
        m_responder->endStream(); // the file ends early; a database outage cannot be hidden
        return false;
    }
    QByteArray chunk;
    const qsizetype count = qMin<qsizetype>(rows->size(), pageRows);
    for (qsizetype i = 0; i < count; ++i)
        chunk += csvLine(rows->at(i));
    m_responder->writeChunk(chunk);
    if (rows->size() <= pageRows) {
        m_responder->endStream();
        return false;
    }
    const UsageRecord &last = rows->at(pageRows - 1).record;
    m_query.beforeTime = last.createdAt;
    m_query.beforeId = last.id;
    return true;
}

} // namespace hearth
