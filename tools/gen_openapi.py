#!/usr/bin/env python3
"""Writes resources/openapi.json, the API description served at /v1/openapi.json.

Edit this file, run it, commit both. tst_health_api checks that every route of
the server's route table is described here.
"""
import json
import pathlib


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def err(desc):
    return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}


def ok(desc, schema, status="200"):
    return {status: {"description": desc, "content": {"application/json": {"schema": schema}}}}


def body(schema):
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def array_of(name, desc="A bare array"):
    return {"200": {"description": desc, "headers": LINK,
                    "content": {"application/json": {"schema": {"type": "array", "items": ref(name)}}}}}


COMMON = {"401": err("No token, or not a valid one"), "403": err("The account is disabled")}
ADMIN = {"401": err("No token, or not a valid one"), "403": err("Not an administrator")}
ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
PAGE = [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}},
        {"name": "before", "in": "query", "description": "Opaque cursor from the previous page's Link header",
         "schema": {"type": "string"}}]
RANGE = [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date-time"}},
         {"name": "to", "in": "query", "schema": {"type": "string", "format": "date-time"}}]
LINK = {"Link": {"description": '`<url>; rel="next"` when there is a next page', "schema": {"type": "string"}}}
LIMIT_HEADERS = {h: {"schema": {"type": "integer"}} for h in
                 ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")}
CODES = ["INVALID_JSON", "VALIDATION_ERROR", "UNAUTHORIZED", "INVALID_CREDENTIALS", "FORBIDDEN", "NOT_FOUND",
         "METHOD_NOT_ALLOWED", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED",
         "QUOTA_EXCEEDED", "INTERNAL_ERROR", "UPSTREAM_ERROR", "NO_PROVIDER", "SERVICE_UNAVAILABLE",
         "UPSTREAM_TIMEOUT"]
TOTALS = {"type": "object", "properties": {k: {"type": "integer"} for k in
                                           ("requests", "promptTokens", "completionTokens", "totalTokens")}}
NULLABLE_INT = {"type": ["integer", "null"]}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "code"],
              "properties": {"error": {"type": "string"}, "code": {"type": "string", "enum": CODES},
                             "details": {"type": "object",
                                         "properties": {"errors": {"type": "array", "items": {"type": "string"}}}}}},
    "OpenAIError": {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "message": {"type": "string"}, "type": {"type": "string"}, "param": {"type": ["string", "null"]},
        "code": {"type": ["string", "null"]}}}}},
    "Health": {"type": "object", "properties": {"status": {"enum": ["ok", "degraded"]}, "version": {"type": "string"},
                                                "database": {"enum": ["ok", "unavailable"]},
                                                "uptimeSeconds": {"type": "integer"},
                                                "tlsFingerprint": {"type": ["string", "null"],
                                                                   "description": "SHA-256 of the TLS certificate in use (AB:CD:…), null over HTTP"}}},
    "Me": {"type": "object", "properties": {"id": {"type": "string"}, "email": {"type": "string"},
                                            "name": {"type": "string"}, "avatar": {"type": "string"},
                                            "role": {"enum": ["admin", "user"]},
                                            "createdAt": {"type": "string", "format": "date-time"}}},
    "Quota": {"type": ["object", "null"], "properties": {"dailyTokens": NULLABLE_INT, "monthlyTokens": NULLABLE_INT}},
    "User": {"allOf": [ref("Me"), {"type": "object", "properties": {
        "disabled": {"type": "boolean"}, "lastLoginAt": {"type": ["string", "null"], "format": "date-time"},
        "quota": ref("Quota")}}]},
    "Tokens": {"type": "object", "properties": {"accessToken": {"type": "string"}, "refreshToken": {"type": "string"},
                                                "expiresIn": {"type": "integer"}, "tokenType": {"const": "Bearer"}}},
    # The refresh answer also spells them as the original Go backend's web client reads them.
    "RefreshedTokens": {"allOf": [ref("Tokens"), {"type": "object", "properties": {
        "access_token": {"type": "string"}, "refresh_token": {"type": "string"},
        "expires_in": {"type": "integer"}, "token_type": {"const": "Bearer"}}}]},
    "Usage": {"type": "object", "properties": {"promptTokens": {"type": "integer"},
                                               "completionTokens": {"type": "integer"},
                                               "totalTokens": {"type": "integer"}, "estimated": {"type": "boolean"},
                                               "reasoningTokens": {"type": "integer",
                                                                   "description": "of completionTokens; only when above 0"}}},
    "Message": {"type": "object", "properties": {
        "id": {"type": "string"}, "role": {"enum": ["user", "assistant"]}, "content": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"}, "model": {"type": "string"},
        "finishReason": {"type": ["string", "null"],
                         "enum": [None, "streaming", "stop", "length", "cancelled", "error", "interrupted"]},
        "usage": ref("Usage"),
        "reasoning": {"type": "string", "description": "a reasoning model's thinking, apart from content; "
                                                       "only on replies that reasoned"},
        "reasoningMs": {"type": "integer", "description": "how long it thought"}}},
    "Conversation": {"type": "object", "properties": {
        "id": {"type": "string"}, "title": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"},
        "messageCount": {"type": "integer"}, "metadata": {"type": "object"}, "model": {"type": "string"},
        "systemPrompt": {"type": "string"}, "pinned": {"type": "boolean"}, "archived": {"type": "boolean"},
        "messages": {"type": "array", "items": ref("Message"), "description": "only with ?include=messages"}}},
    "ConversationInput": {"type": "object", "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": 200}, "metadata": {"type": "object"},
        "model": {"type": "string"}, "systemPrompt": {"type": "string"}, "pinned": {"type": "boolean"},
        "archived": {"type": "boolean"}}},
    "SendMessage": {"type": "object", "required": ["role", "content"], "properties": {
        "role": {"const": "user"}, "content": {"type": "string", "minLength": 1, "maxLength": 100000},
        "model": {"type": "string"}, "temperature": {"type": "number", "minimum": 0, "maximum": 2},
        "maxTokens": {"type": "integer", "minimum": 1, "maximum": 128000}, "stream": {"type": "boolean"}}},
    "Model": {"type": "object", "properties": {
        "id": {"type": "string"}, "object": {"const": "model"}, "created": {"type": "integer"},
        "owned_by": {"type": "string"}, "name": {"type": "string"}, "context": NULLABLE_INT,
        "maxTokens": NULLABLE_INT, "description": {"type": "string"}, "available": {"type": "boolean"},
        "provider": {"type": "string"}}},
    "UsageSummary": {"type": "object", "properties": {"today": TOTALS, "week": TOTALS, "month": TOTALS,
                                                      "total": TOTALS, "timeZone": {"type": "string"}}},
    "UsageRecord": {"type": "object", "properties": {
        "id": {"type": "string"}, "userId": {"type": ["string", "null"]}, "userEmail": {"type": "string"},
        "apiKeyId": {"type": ["string", "null"]}, "provider": {"type": "string"}, "model": {"type": "string"},
        "promptTokens": {"type": "integer"}, "completionTokens": {"type": "integer"},
        "totalTokens": {"type": "integer"}, "reasoningTokens": {"type": "integer"},
        "estimated": {"type": "boolean"}, "latencyMs": {"type": "integer"},
        "status": {"enum": ["ok", "error", "cancelled"]}, "createdAt": {"type": "string", "format": "date-time"}}},
    "UsageReport": {"type": "object", "properties": {
        "totals": TOTALS, "groups": {"type": "array", "items": {"allOf": [TOTALS, {"type": "object", "properties": {
            "key": {"type": "string"}, "label": {"type": "string"}}}]}},
        "groupBy": {"enum": ["user", "model", "day"]}, "from": {"type": "string"}, "to": {"type": "string"},
        "timeZone": {"type": "string"}}},
    "ApiKey": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "prefix": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "lastUsedAt": {"type": ["string", "null"], "format": "date-time"},
        "key": {"type": "string", "description": "hk-…, only in the answer to POST"}}},
    "Provider": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "baseUrl": {"type": "string"},
        "apiKey": {"type": ["string", "null"], "description": "masked, e.g. sk-…a1b2"},
        "models": {"type": "array", "items": {"type": "string"}}, "enabled": {"type": "boolean"},
        "priority": {"type": "integer"}, "createdAt": {"type": "string", "format": "date-time"}}},
    "ProviderInput": {"type": "object", "properties": {
        "name": {"type": "string"}, "baseUrl": {"type": "string", "format": "uri"}, "apiKey": {"type": "string"},
        "models": {"type": "array", "items": {"type": "string"}}, "enabled": {"type": "boolean"},
        "priority": {"type": "integer"}}},
    "DatabaseJob": {"type": "object", "properties": {
        "kind": {"enum": ["backup", "copy", None]},
        "state": {"enum": ["idle", "running", "done", "failed"]},
        "target": {"type": ["string", "null"], "description": "backup file name, or the destination without its password"},
        "done": {"type": "integer", "description": "rows copied so far"},
        "total": {"type": "integer"},
        "error": {"type": ["string", "null"]},
        "tables": {"type": "array", "items": {"type": "object", "properties": {
            "table": {"type": "string"}, "source": {"type": "integer"}, "destination": {"type": "integer"}}}},
        "startedAt": {"type": ["string", "null"], "format": "date-time"},
        "finishedAt": {"type": ["string", "null"], "format": "date-time"}}},
    "Settings": {"type": "object", "properties": {
        "chatRateLimit": {"type": "object", "properties": {"perMinute": NULLABLE_INT, "perDay": NULLABLE_INT,
                                                           "perWeek": NULLABLE_INT}},
        "defaultQuota": ref("Quota"), "defaultModel": {"type": "string"}, "signupEnabled": {"type": "boolean"},
        "timeZone": {"type": "string"}, "logRetentionDays": {"type": "integer"},
        "locked": {"type": "array", "items": {"type": "string"}}}},
    "LogEntry": {"type": "object", "properties": {
        "id": {"type": "string"}, "time": {"type": "string", "format": "date-time"},
        "clientAddress": {"type": "string"}, "userId": {"type": ["string", "null"]}, "method": {"type": "string"},
        "path": {"type": "string"}, "status": {"type": "integer"}, "latencyMs": {"type": "integer"},
        "upstreamLatencyMs": NULLABLE_INT}},
}

CHAT_BODY = {"type": "object", "required": ["model", "messages"], "additionalProperties": True,
             "description": "Relayed to the provider as sent, but for model, stream and stream_options; "
                            "tools, tool_choice, response_format, seed, logprobs and any other field pass through",
             "properties": {
    "model": {"type": "string"},
    "messages": {"type": "array", "items": {"type": "object", "additionalProperties": True, "properties": {
        "role": {"enum": ["system", "developer", "user", "assistant", "tool", "function"]},
        "content": {"type": ["string", "array", "null"]}}}},
    "stream": {"type": "boolean"}, "temperature": {"type": "number"}, "max_tokens": {"type": "integer"},
    "top_p": {"type": "number"}, "stop": {"type": ["string", "array"]},
    "stream_options": {"type": "object", "properties": {"include_usage": {"type": "boolean"}}}}}

REFRESH_BODY = {"type": "object", "description": "refreshToken, or refresh_token as the original web client spells it",
                 "properties": {"refreshToken": {"type": "string"}, "refresh_token": {"type": "string"}}}

PATHS = {
    "/health": {"get": {"summary": "Server and database health", "security": [],
                        "responses": {**ok("Healthy", ref("Health")),
                                      "503": {"description": "Degraded",
                                              "content": {"application/json": {"schema": ref("Health")}}}}}},
    "/v1/openapi.json": {"get": {"summary": "This document", "security": [],
                                 "responses": {"200": {"description": "OpenAPI 3.1"}}}},
    "/v1/auth/login": {"post": {"summary": "Sign in", "security": [], "requestBody": body(
        {"type": "object", "required": ["email", "password"],
         "properties": {"email": {"type": "string", "format": "email"},
                        "password": {"type": "string", "minLength": 8, "maxLength": 128}}}),
        "responses": {**ok("Signed in", {"allOf": [ref("Tokens"), {"type": "object", "properties": {"user": ref("Me")}}]}),
                      "400": err("Invalid body"), "401": err("INVALID_CREDENTIALS"), "403": err("Disabled account"),
                      "429": err("Too many failed attempts (Retry-After)")}}},
    "/v1/auth/refresh": {"post": {"summary": "Rotate the refresh token", "security": [],
                                  "requestBody": body(REFRESH_BODY),
                                  "responses": {**ok("New tokens", ref("RefreshedTokens")), "400": err("Invalid body"),
                                                "401": err("Unknown, expired, revoked or reused token")}}},
    "/v1/auth/logout": {"post": {"summary": "Revoke this login's refresh tokens", "security": [],
                                 "requestBody": body(REFRESH_BODY),
                                 "responses": {"204": {"description": "Signed out"}, "400": err("Invalid body")}}},
    "/v1/me": {
        "get": {"summary": "The signed-in user", "responses": {**ok("User", ref("Me")), **COMMON}},
        "patch": {"summary": "Change own name or avatar", "requestBody": body(
            {"type": "object", "properties": {"name": {"type": "string"}, "avatar": {"type": "string"}}}),
            "responses": {**ok("Updated", ref("Me")), "400": err("Invalid body"), **COMMON}}},
    "/v1/me/password": {"post": {"summary": "Change own password; every other login is signed out",
                                 "requestBody": body({"type": "object", "required": ["currentPassword", "newPassword"],
                                                      "properties": {"currentPassword": {"type": "string"},
                                                                     "newPassword": {"type": "string", "minLength": 8}}}),
                                 "responses": {"204": {"description": "Changed"},
                                               "400": err("Invalid body or wrong current password"), **COMMON}}},
    "/v1/me/usage": {"get": {"summary": "Own token usage today, this week (from Monday), this month and in total",
                             "responses": {**ok("Usage", ref("UsageSummary")), **COMMON}}},
    "/v1/me/usage/breakdown": {"get": {"summary": "Own usage for a range (default: this month) by model or by day",
                                       "parameters": RANGE + [{"name": "groupBy", "in": "query",
                                                               "schema": {"enum": ["model", "day"]}}],
                                       "responses": {**ok("Report", ref("UsageReport")), "400": err("Bad query"),
                                                     **COMMON}}},
    "/v1/me/usage/records": {"get": {"summary": "Own ledger rows, newest first (text/csv with Accept: text/csv)",
                                     "parameters": PAGE + RANGE,
                                     "responses": {**array_of("UsageRecord"), "400": err("Bad query"), **COMMON}}},
    "/v1/me/api-keys": {
        "get": {"summary": "Own personal API keys", "responses": {**array_of("ApiKey"), **COMMON}},
        "post": {"summary": "Create a key; the answer is the only time it is shown",
                 "requestBody": body({"type": "object", "required": ["name"],
                                      "properties": {"name": {"type": "string"}}}),
                 "responses": {**ok("Created", ref("ApiKey"), "201"), "400": err("Invalid body"), **COMMON}}},
    "/v1/me/api-keys/{id}": {"parameters": ID, "delete": {"summary": "Revoke a key", "responses": {
        "204": {"description": "Revoked"}, "404": err("Not found (or not yours)"), **COMMON}}},
    "/v1/models": {"get": {"summary": "Models (OpenAI list shape, extended); without a token "
                                      "(unless HEARTH_PUBLIC_MODELS=off) the same list without `provider`",
                           "security": [{}, {"bearer": []}],
                           "responses": {**ok("Models", {"type": "object", "properties": {
                               "object": {"const": "list"}, "data": {"type": "array", "items": ref("Model")}}}),
                               **COMMON}}},
    "/v1/chat/completions": {"post": {
        "summary": "OpenAI-compatible chat completion (stream or not); errors in the OpenAI shape",
        "requestBody": body(CHAT_BODY),
        "responses": {"200": {"description": "chat.completion, or chat.completion.chunk events ending with [DONE]",
                              "headers": LIMIT_HEADERS},
                      "400": {"description": "invalid_request_error, Hearth's or the provider's own", "content": {"application/json": {"schema": ref("OpenAIError")}}},
                      "401": {"description": "invalid_api_key", "content": {"application/json": {"schema": ref("OpenAIError")}}},
                      "404": {"description": "model_not_found", "content": {"application/json": {"schema": ref("OpenAIError")}}},
                      "429": {"description": "rate_limit_exceeded / insufficient_quota", "content": {"application/json": {"schema": ref("OpenAIError")}}},
                      "502": {"description": "upstream error", "content": {"application/json": {"schema": ref("OpenAIError")}}}}}},
    "/v1/conversations": {
        "get": {"summary": "The caller's conversations, newest updatedAt first",
                "parameters": PAGE + [{"name": "q", "in": "query", "schema": {"type": "string"}},
                                      {"name": "archived", "in": "query", "schema": {"type": "boolean"}}],
                "responses": {**array_of("Conversation"), "400": err("Bad query"), **COMMON}},
        "post": {"summary": "Create a conversation",
                 "requestBody": body({"allOf": [ref("ConversationInput"), {"required": ["title"]}]}),
                 "responses": {**ok("Created", ref("Conversation"), "201"), "400": err("Invalid body"), **COMMON}}},
    "/v1/conversations/{id}": {
        "parameters": ID,
        "get": {"summary": "One conversation",
                "parameters": [{"name": "include", "in": "query", "schema": {"const": "messages"}}],
                "responses": {**ok("Conversation", ref("Conversation")), "404": err("Not found (or not yours)"), **COMMON}},
        "put": {"summary": "Update (only the fields given)", "requestBody": body(ref("ConversationInput")),
                "responses": {**ok("Updated", ref("Conversation")), "400": err("Invalid body"), "404": err("Not found"), **COMMON}},
        "patch": {"summary": "Update (only the fields given)", "requestBody": body(ref("ConversationInput")),
                  "responses": {**ok("Updated", ref("Conversation")), "400": err("Invalid body"), "404": err("Not found"), **COMMON}},
        "delete": {"summary": "Delete with its messages",
                   "responses": {"204": {"description": "Deleted"}, "404": err("Not found"), **COMMON}}},
    "/v1/conversations/{id}/messages": {
        "parameters": ID,
        "get": {"summary": "Message history, oldest first; rel=next pages to older messages", "parameters": PAGE,
                "responses": {**array_of("Message"), "404": err("Not found"), **COMMON}},
        "post": {"summary": "Send a message and get the reply (JSON, or SSE with stream:true or Accept: text/event-stream)",
                 "requestBody": body(ref("SendMessage")),
                 "responses": {"200": {"description": "Reply. SSE events: message.created {userMessage, messageId}, "
                                                      "message.delta {delta}, message.done {message, usage}, "
                                                      "error {error, code}; ': ping' comments while waiting.",
                                       "headers": LIMIT_HEADERS,
                                       "content": {"application/json": {"schema": {"type": "object", "properties": {
                                           "message": ref("Message"), "userMessage": ref("Message"), "usage": ref("Usage")}}},
                                           "text/event-stream": {"schema": {"type": "string"}}}},
                               "400": err("Invalid body (every bad field listed)"), "404": err("Not found"),
                               "429": err("RATE_LIMITED or QUOTA_EXCEEDED, with Retry-After"),
                               "502": err("UPSTREAM_ERROR"), "503": err("NO_PROVIDER"), "504": err("UPSTREAM_TIMEOUT"),
                               **COMMON}}},
    "/v1/conversations/{id}/rewind": {
        "parameters": ID,
        "post": {"summary": "Delete a message and every later one (edit and resend, regenerate); usage stays counted",
                 "requestBody": body({"type": "object", "required": ["messageId"],
                                      "properties": {"messageId": {"type": "string"}}}),
                 "responses": {**ok("Deleted", {"type": "object", "properties": {"deleted": {"type": "integer"}}}),
                               "400": err("Invalid body"), "404": err("Conversation or message not found"),
                               "409": err("CONFLICT: a reply from that point on is still streaming"), **COMMON}}},
    "/v1/admin/users": {
        "get": {"summary": "Users, oldest first",
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}},
                               {"name": "after", "in": "query", "schema": {"type": "string"}}],
                "responses": {**array_of("User"), **ADMIN}},
        "post": {"summary": "Create a user", "requestBody": body({"type": "object", "required": ["email", "password"],
                                                                  "properties": {"email": {"type": "string"},
                                                                                 "password": {"type": "string"},
                                                                                 "name": {"type": "string"},
                                                                                 "role": {"enum": ["admin", "user"]}}}),
                 "responses": {**ok("Created", ref("User"), "201"), "400": err("Invalid body"),
                               "409": err("Email taken"), **ADMIN}}},
    "/v1/admin/users/{id}": {
        "parameters": ID,
        "get": {"summary": "One user", "responses": {**ok("User", ref("User")), "404": err("Not found"), **ADMIN}},
        "patch": {"summary": "Update role, disabled, password, name or quota (role, disabled and password end the user's sessions)",
                  "requestBody": body({"type": "object", "properties": {
                      "name": {"type": "string"}, "role": {"enum": ["admin", "user"]}, "disabled": {"type": "boolean"},
                      "password": {"type": "string"}, "quota": ref("Quota")}}),
                  "responses": {**ok("Updated", ref("User")), "400": err("Invalid body"), "404": err("Not found"),
                                "409": err("Would leave no enabled administrator"), **ADMIN}},
        "delete": {"summary": "Delete a user with their conversations and keys (usage rows stay, unattributed)",
                   "responses": {"204": {"description": "Deleted"}, "404": err("Not found"),
                                 "409": err("The last administrator"), **ADMIN}}},
    "/v1/admin/providers": {
        "get": {"summary": "Providers (keys masked)", "responses": {**array_of("Provider"), **ADMIN}},
        "post": {"summary": "Add a provider; models are fetched from it when not given",
                 "requestBody": body({"allOf": [ref("ProviderInput"), {"required": ["name", "baseUrl"]}]}),
                 "responses": {**ok("Created", ref("Provider"), "201"), "400": err("Invalid body"), **ADMIN}}},
    "/v1/admin/providers/{id}": {
        "parameters": ID,
        "get": {"summary": "One provider", "responses": {**ok("Provider", ref("Provider")), "404": err("Not found"), **ADMIN}},
        "patch": {"summary": "Update (a new apiKey replaces the stored one; null removes it)",
                  "requestBody": body(ref("ProviderInput")),
                  "responses": {**ok("Updated", ref("Provider")), "400": err("Invalid body"), "404": err("Not found"), **ADMIN}},
        "delete": {"summary": "Remove", "responses": {"204": {"description": "Removed"}, "404": err("Not found"), **ADMIN}}},
    "/v1/admin/providers/{id}/test": {"parameters": ID, "post": {
        "summary": "Ask the provider for its models", "responses": {
            **ok("Result", {"type": "object", "properties": {"ok": {"type": "boolean"},
                                                             "models": {"type": "array", "items": {"type": "string"}},
                                                             "latencyMs": {"type": "integer"},
                                                             "error": {"type": ["string", "null"]}}}),
            "404": err("Not found"), **ADMIN}}},
    "/v1/admin/usage": {"get": {"summary": "Totals and groups for a range (default: this month)",
                                "parameters": RANGE + [{"name": "groupBy", "in": "query",
                                                        "schema": {"enum": ["user", "model", "day"]}}],
                                "responses": {**ok("Report", ref("UsageReport")), "400": err("Bad query"), **ADMIN}}},
    "/v1/admin/usage/records": {"get": {"summary": "Ledger rows with filters; CSV with Accept: text/csv",
                                        "parameters": PAGE + RANGE + [
                                            {"name": "userId", "in": "query", "schema": {"type": "string"}},
                                            {"name": "model", "in": "query", "schema": {"type": "string"}}],
                                        "responses": {**array_of("UsageRecord"), "400": err("Bad query"), **ADMIN}}},
    "/v1/admin/settings": {
        "get": {"summary": "Settings in force", "responses": {**ok("Settings", ref("Settings")), **ADMIN}},
        "patch": {"summary": "Change settings", "requestBody": body(ref("Settings")),
                  "responses": {**ok("Settings", ref("Settings")), "400": err("Invalid body"),
                                "409": err("Locked by the environment"), **ADMIN}}},
    "/v1/admin/database/backup": {
        "post": {"summary": "Start a backup of the live database to a new SQLite file in the data folder",
                 "responses": {**ok("Started", ref("DatabaseJob"), "202"),
                               "409": err("A backup or copy is already running"), **ADMIN}},
        "get": {"summary": "Download the last finished backup (application/vnd.sqlite3)",
                "responses": {"200": {"description": "The SQLite file",
                                      "content": {"application/vnd.sqlite3": {}}},
                              "404": err("No backup yet"), **ADMIN}}},
    "/v1/admin/database/copy": {"post": {
        "summary": "Start copying the whole installation into another, empty database",
        "requestBody": body({"type": "object", "required": ["to"], "properties": {
            "to": {"type": "string", "description": "an SQLite file path, or postgres:// or mysql:// URL"}}}),
        "responses": {**ok("Started", ref("DatabaseJob"), "202"), "400": err("Invalid destination"),
                      "409": err("A backup or copy is already running"), **ADMIN}}},
    "/v1/admin/database/job": {"get": {"summary": "The state of the last backup or copy",
                                       "responses": {**ok("Job", ref("DatabaseJob")), **ADMIN}}},
    "/v1/admin/logs": {"get": {"summary": "The access log, newest first",
                               "parameters": PAGE + RANGE + [
                                   {"name": "userId", "in": "query", "schema": {"type": "string"}},
                                   {"name": "status", "in": "query", "schema": {"type": "integer"}},
                                   {"name": "path", "in": "query", "description": "path prefix",
                                    "schema": {"type": "string"}}],
                               "responses": {**array_of("LogEntry"), "400": err("Bad query"), **ADMIN}}},
}

DOC = {
    "openapi": "3.1.0",
    "info": {"title": "Hearth API", "version": "1",
             "description": "The /v1 API of Hearth. Errors (except on /v1/chat/completions) are "
                            "{error, code, details?}. docs/API.md records the decisions the contract leaves open."},
    "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                  "bearerFormat": "JWT access token or hk- personal API key"}},
                   "schemas": SCHEMAS},
    "security": [{"bearer": []}],
    "paths": PATHS,
}

if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "resources" / "openapi.json"
    out.write_text(json.dumps(DOC, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
