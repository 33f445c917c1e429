#include "storage/Schema.h"

namespace hearth {

// Written once for every dialect that speaks this much standard SQL (SQLite
// and PostgreSQL): ids are TEXT (UUIDs), times BIGINT milliseconds since the
// epoch (SQLite stores them as INTEGER), flags 0/1.
QList<SqlDialect::Migration> portableMigrations()
{
    SqlDialect::Migration initial{1, QStringLiteral("initial schema"), {}};
    initial.statements = QStringList{
        QStringLiteral("CREATE TABLE users ("
                       " id TEXT PRIMARY KEY,"
                       " email TEXT NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " avatar TEXT NOT NULL DEFAULT '',"
                       " password_hash TEXT NOT NULL,"
                       " role TEXT NOT NULL DEFAULT 'user',"
                       " disabled BIGINT NOT NULL DEFAULT 0,"
                       " token_version BIGINT NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " last_login_at BIGINT)"),
        QStringLiteral("CREATE UNIQUE INDEX users_email ON users (email)"),
        QStringLiteral("CREATE TABLE refresh_tokens ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " family_id TEXT NOT NULL,"
                       " token_hash TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " expires_at BIGINT NOT NULL,"
                       " revoked_at BIGINT,"
                       " replaced_by TEXT)"),
        QStringLiteral("CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash)"),
        QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)"),
        QStringLiteral("CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)"),
        QStringLiteral("CREATE TABLE conversations ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " title TEXT NOT NULL,"
                       " metadata TEXT NOT NULL DEFAULT '{}',"
                       " model TEXT NOT NULL DEFAULT '',"
                       " system_prompt TEXT NOT NULL DEFAULT '',"
                       " pinned BIGINT NOT NULL DEFAULT 0,"
                       " archived BIGINT NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX conversations_user_updated"
                       " ON conversations (user_id, archived, updated_at DESC, id DESC)"),
        QStringLiteral(
            "CREATE TABLE messages ("
            " id TEXT PRIMARY KEY,"
            " conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            " role TEXT NOT NULL,"
            " content TEXT NOT NULL,"
            " model TEXT NOT NULL DEFAULT '',"
            " finish_reason TEXT,"
            " prompt_tokens BIGINT,"
            " completion_tokens BIGINT,"
            " total_tokens BIGINT,"
            " usage_estimated BIGINT NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX messages_conversation_created"
                       " ON messages (conversation_id, created_at, id)"),
        QStringLiteral("CREATE INDEX messages_finish_reason ON messages (finish_reason)"),
        QStringLiteral("CREATE TABLE usage_ledger ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
                       " api_key_id TEXT,"
                       " provider TEXT NOT NULL,"
                       " model TEXT NOT NULL,"
                       " prompt_tokens BIGINT NOT NULL,"
                       " completion_tokens BIGINT NOT NULL,"
                       " total_tokens BIGINT NOT NULL,"
                       " estimated BIGINT NOT NULL DEFAULT 0,"
                       " latency_ms BIGINT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral(
            "CREATE INDEX usage_ledger_user_created ON usage_ledger (user_id, created_at)"),
        QStringLiteral("CREATE INDEX usage_ledger_created ON usage_ledger (created_at)"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    };
    SqlDialect::Migration multiUser{
        2, QStringLiteral("multi-user: keys, providers, quotas, limits, access log"), {}};
    multiUser.statements = QStringList{
        QStringLiteral("ALTER TABLE users ADD COLUMN quota_daily_tokens BIGINT"),
        QStringLiteral("ALTER TABLE users ADD COLUMN quota_monthly_tokens BIGINT"),
        QStringLiteral("CREATE TABLE api_keys ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " prefix TEXT NOT NULL,"
                       " key_hash TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " last_used_at BIGINT,"
                       " revoked_at BIGINT)"),
        QStringLiteral("CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash)"),
        QStringLiteral("CREATE INDEX api_keys_user ON api_keys (user_id, created_at)"),
        QStringLiteral("CREATE TABLE providers ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " base_url TEXT NOT NULL,"
                       " api_key_sealed TEXT NOT NULL DEFAULT '',"
                       " api_key_hint TEXT NOT NULL DEFAULT '',"
                       " models TEXT NOT NULL DEFAULT '[]',"
                       " models_manual BIGINT NOT NULL DEFAULT 0,"
                       " enabled BIGINT NOT NULL DEFAULT 1,"
                       " priority BIGINT NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE rate_events ("
                       " subject TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX rate_events_subject ON rate_events (subject, created_at)"),
        QStringLiteral("CREATE TABLE access_log ("
                       " id TEXT PRIMARY KEY,"
                       " time BIGINT NOT NULL,"
                       " client_address TEXT NOT NULL,"
                       " user_id TEXT,"
                       " method TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " status BIGINT NOT NULL,"
                       " latency_ms BIGINT NOT NULL,"
                       " upstream_latency_ms BIGINT)"),
        QStringLiteral("CREATE INDEX access_log_time ON access_log (time, id)"),
        QStringLiteral("CREATE INDEX access_log_user_time ON access_log (user_id, time)"),
        // Covering indexes: usage statistics are read from the index alone.
        QStringLiteral("DROP INDEX usage_ledger_user_created"),
        QStringLiteral("DROP INDEX usage_ledger_created"),
        QStringLiteral("CREATE INDEX usage_ledger_user_created ON usage_ledger"
                       " (user_id, created_at, prompt_tokens, completion_tokens, total_tokens)"),
        QStringLiteral(
            "CREATE INDEX usage_ledger_created ON usage_ledger"
            " (created_at, user_id, model, prompt_tokens, completion_tokens, total_tokens)"),
    };
    return {initial, multiUser};
}

} // namespace hearth
