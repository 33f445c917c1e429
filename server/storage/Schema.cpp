#include "storage/Schema.h"

namespace hearth {

namespace {

// Statements are written once with type tokens that each dialect fills in:
// {id} (UUID keys and references), {idx} (other indexed text), {text},
// {long} (message bodies, JSON), {bytes} and {table} (after every CREATE
// TABLE).
QString expand(QString statement, const SqlDialect &dialect)
{
    using Column = SqlDialect::Column;
    statement.replace(QLatin1String("{id}"), dialect.columnType(Column::Id));
    statement.replace(QLatin1String("{idx}"), dialect.columnType(Column::Indexed));
    statement.replace(QLatin1String("{text}"), dialect.columnType(Column::Text));
    statement.replace(QLatin1String("{long}"), dialect.columnType(Column::LongText));
    statement.replace(QLatin1String("{bytes}"), dialect.columnType(Column::Bytes));
    statement.replace(QLatin1String("{table}"), dialect.tableOptions());
    return statement;
}

QStringList expandAll(const QStringList &statements, const SqlDialect &dialect)
{
    QStringList result;
    for (const QString &statement : statements)
        result << expand(statement, dialect);
    return result;
}

} // namespace

// Ids are UUID text, times BIGINT milliseconds since the epoch, flags 0/1.
// Foreign keys are table constraints (MySQL ignores them on a column).
QList<SqlDialect::Migration> portableMigrations(const SqlDialect &dialect)
{
    SqlDialect::Migration initial{1, QStringLiteral("initial schema"), {}};
    initial.statements = expandAll(
        {
            QStringLiteral("CREATE TABLE users ("
                           " id {id} PRIMARY KEY,"
                           " email {idx} NOT NULL,"
                           " name {text} NOT NULL DEFAULT '',"
                           " avatar {text} NOT NULL DEFAULT '',"
                           " password_hash {text} NOT NULL,"
                           " role {text} NOT NULL DEFAULT 'user',"
                           " disabled BIGINT NOT NULL DEFAULT 0,"
                           " token_version BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL,"
                           " last_login_at BIGINT){table}"),
            QStringLiteral("CREATE UNIQUE INDEX users_email ON users (email)"),
            QStringLiteral("CREATE TABLE refresh_tokens ("
                           " id {id} PRIMARY KEY,"
                           " user_id {id} NOT NULL,"
                           " family_id {idx} NOT NULL,"
                           " token_hash {idx} NOT NULL,"
                           " created_at BIGINT NOT NULL,"
                           " expires_at BIGINT NOT NULL,"
                           " revoked_at BIGINT,"
                           " replaced_by {id},"
                           " FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE){table}"),
            QStringLiteral(
                "CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash)"),
            QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)"),
            QStringLiteral("CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)"),
            QStringLiteral("CREATE TABLE conversations ("
                           " id {id} PRIMARY KEY,"
                           " user_id {id} NOT NULL,"
                           " title {text} NOT NULL,"
                           " metadata {long} NOT NULL DEFAULT '{}',"
                           " model {text} NOT NULL DEFAULT '',"
                           " system_prompt {long} NOT NULL DEFAULT '',"
                           " pinned BIGINT NOT NULL DEFAULT 0,"
                           " archived BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL,"
                           " FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE){table}"),
            QStringLiteral("CREATE INDEX conversations_user_updated"
                           " ON conversations (user_id, archived, updated_at DESC, id DESC)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id {id} PRIMARY KEY,"
                           " conversation_id {id} NOT NULL,"
                           " role {text} NOT NULL,"
                           " content {long} NOT NULL,"
                           " model {text} NOT NULL DEFAULT '',"
                           " finish_reason {idx},"
                           " prompt_tokens BIGINT,"
                           " completion_tokens BIGINT,"
                           " total_tokens BIGINT,"
                           " usage_estimated BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " FOREIGN KEY (conversation_id) REFERENCES conversations(id)"
                           " ON DELETE CASCADE){table}"),
            QStringLiteral("CREATE INDEX messages_conversation_created"
                           " ON messages (conversation_id, created_at, id)"),
            QStringLiteral("CREATE INDEX messages_finish_reason ON messages (finish_reason)"),
            QStringLiteral(
                "CREATE TABLE usage_ledger ("
                " id {id} PRIMARY KEY,"
                " user_id {id},"
                " api_key_id {id},"
                " provider {text} NOT NULL,"
                " model {idx} NOT NULL,"
                " prompt_tokens BIGINT NOT NULL,"
                " completion_tokens BIGINT NOT NULL,"
                " total_tokens BIGINT NOT NULL,"
                " estimated BIGINT NOT NULL DEFAULT 0,"
                " latency_ms BIGINT NOT NULL,"
                " status {text} NOT NULL,"
                " created_at BIGINT NOT NULL,"
                " FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL){table}"),
            QStringLiteral(
                "CREATE INDEX usage_ledger_user_created ON usage_ledger (user_id, created_at)"),
            QStringLiteral("CREATE INDEX usage_ledger_created ON usage_ledger (created_at)"),
            // "key" is quoted: MySQL reserves the word.
            QStringLiteral(
                "CREATE TABLE settings (\"key\" {idx} PRIMARY KEY, value {long} NOT NULL){table}"),
        },
        dialect);
    SqlDialect::Migration multiUser{
        2, QStringLiteral("multi-user: keys, providers, quotas, limits, access log"), {}};
    multiUser.statements = expandAll(
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN quota_daily_tokens BIGINT"),
            QStringLiteral("ALTER TABLE users ADD COLUMN quota_monthly_tokens BIGINT"),
            QStringLiteral("CREATE TABLE api_keys ("
                           " id {id} PRIMARY KEY,"
                           " user_id {id} NOT NULL,"
                           " name {text} NOT NULL,"
                           " prefix {text} NOT NULL,"
                           " key_hash {idx} NOT NULL,"
                           " created_at BIGINT NOT NULL,"
                           " last_used_at BIGINT,"
                           " revoked_at BIGINT,"
                           " FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE){table}"),
            QStringLiteral("CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash)"),
            QStringLiteral("CREATE INDEX api_keys_user ON api_keys (user_id, created_at)"),
            QStringLiteral("CREATE TABLE providers ("
                           " id {id} PRIMARY KEY,"
                           " name {text} NOT NULL,"
                           " base_url {text} NOT NULL,"
                           " api_key_sealed {text} NOT NULL DEFAULT '',"
                           " api_key_hint {text} NOT NULL DEFAULT '',"
                           " models {long} NOT NULL DEFAULT '[]',"
                           " models_manual BIGINT NOT NULL DEFAULT 0,"
                           " enabled BIGINT NOT NULL DEFAULT 1,"
                           " priority BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL){table}"),
            QStringLiteral("CREATE TABLE rate_events ("
                           " subject {idx} NOT NULL,"
                           " created_at BIGINT NOT NULL){table}"),
            QStringLiteral("CREATE INDEX rate_events_subject ON rate_events (subject, created_at)"),
            QStringLiteral("CREATE TABLE access_log ("
                           " id {id} PRIMARY KEY,"
                           " time BIGINT NOT NULL,"
                           " client_address {text} NOT NULL,"
                           " user_id {id},"
                           " method {text} NOT NULL,"
                           " path {text} NOT NULL,"
                           " status BIGINT NOT NULL,"
                           " latency_ms BIGINT NOT NULL,"
                           " upstream_latency_ms BIGINT){table}"),
            QStringLiteral("CREATE INDEX access_log_time ON access_log (time, id)"),
            QStringLiteral("CREATE INDEX access_log_user_time ON access_log (user_id, time)"),
        },
        dialect);
    // Covering indexes: usage statistics are read from the index alone. The
    // per-user one is made before its predecessor goes, because MySQL keeps
    // an index on user_id for the foreign key at all times (databases made
    // before MySQL support call it usage_ledger_user_created).
    multiUser.statements
        << QStringLiteral("CREATE INDEX usage_ledger_user_totals ON usage_ledger"
                          " (user_id, created_at, prompt_tokens, completion_tokens, total_tokens)")
        << dialect.dropIndex(QStringLiteral("usage_ledger_user_created"),
                             QStringLiteral("usage_ledger"))
        << dialect.dropIndex(QStringLiteral("usage_ledger_created"), QStringLiteral("usage_ledger"))
        << QStringLiteral(
               "CREATE INDEX usage_ledger_created ON usage_ledger"
               " (created_at, user_id, model, prompt_tokens, completion_tokens, total_tokens)");
    // Usage records are listed newest first by (created_at, id): MySQL sorts
    // by an index only when it holds both columns.
    SqlDialect::Migration recordsOrder{3, QStringLiteral("usage records in time order"), {}};
    recordsOrder.statements = QStringList{
        QStringLiteral("CREATE INDEX usage_ledger_time_id ON usage_ledger (created_at, id)")};
    // A reply being written is saved every few seconds with the time of the
    // save: a crash keeps its text, and a reply whose saves stopped has no
    // server relaying it any more (see OrphanedReplies).
    SqlDialect::Migration replyProgress{4, QStringLiteral("replies saved while written"), {}};
    replyProgress.statements =
        QStringList{QStringLiteral("ALTER TABLE messages ADD COLUMN saved_at BIGINT")};
    // A reasoning model's thinking, apart from its answer (never sent back
    // upstream), how long it thought, and its share of the tokens.
    SqlDialect::Migration reasoning{5, QStringLiteral("reasoning apart from the answer"), {}};
    reasoning.statements = expandAll(
        {QStringLiteral("ALTER TABLE messages ADD COLUMN reasoning {long}"),
         QStringLiteral("ALTER TABLE messages ADD COLUMN reasoning_ms BIGINT"),
         QStringLiteral("ALTER TABLE messages ADD COLUMN reasoning_tokens BIGINT"),
         QStringLiteral(
             "ALTER TABLE usage_ledger ADD COLUMN reasoning_tokens BIGINT NOT NULL DEFAULT 0")},
        dialect);
    // Uploaded pictures and documents, in the database on every backend so
    // that backups and copies carry them: a row each, and their bytes in
    // pieces of at most 1 MiB (MySQL's packet limit; never a whole file in
    // one statement). `complete` turns 1 once every piece is in: a crash
    // half-way leaves a row the sweep removes. Not yet sent with a message:
    // conversation_id and message_id NULL.
    SqlDialect::Migration attachments{6, QStringLiteral("attachments"), {}};
    attachments.statements = expandAll(
        {QStringLiteral("CREATE TABLE attachments ("
                        " id {id} PRIMARY KEY,"
                        " user_id {id} NOT NULL,"
                        " conversation_id {id},"
                        " message_id {id},"
                        " name {text} NOT NULL,"
                        " media_type {text} NOT NULL,"
                        " kind {text} NOT NULL,"
                        " size BIGINT NOT NULL,"
                        " sha256 {text} NOT NULL,"
                        " complete BIGINT NOT NULL DEFAULT 0,"
                        " created_at BIGINT NOT NULL,"
                        " FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,"
                        " FOREIGN KEY (conversation_id) REFERENCES conversations(id)"
                        " ON DELETE CASCADE){table}"),
         QStringLiteral("CREATE INDEX attachments_user ON attachments (user_id, created_at)"),
         QStringLiteral("CREATE INDEX attachments_conversation ON attachments (conversation_id)"),
         QStringLiteral("CREATE TABLE attachment_pieces ("
                        " attachment_id {id} NOT NULL,"
                        " seq BIGINT NOT NULL,"
                        " data {bytes} NOT NULL,"
                        " PRIMARY KEY (attachment_id, seq),"
                        " FOREIGN KEY (attachment_id) REFERENCES attachments(id)"
                        " ON DELETE CASCADE){table}")},
        dialect);
    // A user's own limit for what their attachments take (NULL: the default).
    SqlDialect::Migration storageQuota{7, QStringLiteral("attachment storage quota"), {}};
    storageQuota.statements =
        QStringList{QStringLiteral("ALTER TABLE users ADD COLUMN quota_storage_bytes BIGINT")};
    // The text of an attached PDF, read once when it is uploaded.
    SqlDialect::Migration documentText{8, QStringLiteral("text of attached PDFs"), {}};
    documentText.statements = expandAll(
        {QStringLiteral("ALTER TABLE attachments ADD COLUMN text_content {long}")}, dialect);
    // The admin's word per model on whether it accepts pictures.
    SqlDialect::Migration modelVision{9, QStringLiteral("which models accept pictures"), {}};
    modelVision.statements = expandAll(
        {QStringLiteral("ALTER TABLE providers ADD COLUMN model_vision {long}")}, dialect);
    // How long a document is, so people can be told how much a model got.
    SqlDialect::Migration documentLength{10, QStringLiteral("length of attached documents"), {}};
    documentLength.statements =
        QStringList{QStringLiteral("ALTER TABLE attachments ADD COLUMN text_characters BIGINT")};
    return {initial,     multiUser,    recordsOrder, replyProgress, reasoning,
            attachments, storageQuota, documentText, modelVision,   documentLength};
}

} // namespace hearth
