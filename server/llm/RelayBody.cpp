#include "llm/RelayBody.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace hearth {

namespace {

class Scanner
{
public:
    explicit Scanner(const QByteArray &json)
        : m_json(json)
    {}

    qsizetype pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_json.size(); }
    char peek() const { return atEnd() ? '\0' : m_json.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // A string starting at the current quote; false when unterminated.
    bool skipString()
    {
        if (peek() != '"')
            return false;
        for (++m_pos; !atEnd(); ++m_pos) {
            const char c = m_json.at(m_pos);
            if (c == '\\')
                ++m_pos;
            else if (c == '"') {
                ++m_pos;
                return true;
            } else if (static_cast<unsigned char>(c) < 0x20)
                return false;
        }
        return false;
    }

    // Any value; nested containers by depth, strings with their escapes.
    bool skipValue()
    {
        skipSpace();
        const char first = peek();
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char c = peek();
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[')
                    ++depth;
                else if (c == '}' || c == ']')
                    --depth;
                ++m_pos;
                if (depth == 0)
                    return true;
            }
            return false;
        }
        const qsizetype start = m_pos;
        while (!atEnd() && !QByteArrayView(",}] \t\r\n").contains(peek()))
            ++m_pos;
        return m_pos > start;
    }

private:
    const QByteArray &m_json;
    qsizetype m_pos = 0;
};

QString decodeKey(const QByteArray &quoted)
{
    if (!quoted.contains('\\'))
        return QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
    return QJsonDocument::fromJson('[' + quoted + ']').array().first().toString();
}

} // namespace

QByteArray jsonString(const QString &text)
{
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

std::optional<QList<JsonMemberSpan>> topLevelMembers(const QByteArray &json)
{
    // Only the structure is scanned (strings, nesting, separators): the
    // bodies relayed were parsed as JSON already, and a second full parse
    // per request costs more than the relay's own work.
    Scanner scan(json);
    QList<JsonMemberSpan> members;
    if (!scan.take('{'))
        return std::nullopt;
    if (scan.take('}'))
        return members;
    do {
        scan.skipSpace();
        JsonMemberSpan member;
        member.begin = scan.pos();
        if (!scan.skipString())
            return std::nullopt;
        member.key = decodeKey(json.mid(member.begin, scan.pos() - member.begin));
        if (!scan.take(':') || !scan.skipValue())
            return std::nullopt;
        member.end = scan.pos();
        members << member;
    } while (scan.take(','));
    if (!scan.take('}'))
        return std::nullopt;
    scan.skipSpace();
    if (!scan.atEnd())
        return std::nullopt;
    return members;
}

QByteArray rewriteMembers(const QByteArray &json, const QList<QPair<QString, QByteArray>> &members)
{
    const auto spans = topLevelMembers(json);
    if (!spans)
        return json;
    auto valueOf = [&](const QString &key) -> const QByteArray * {
        for (const auto &member : members)
            if (member.first == key)
                return &member.second;
        return nullptr;
    };
    auto member = [](const QString &key, const QByteArray &value) {
        return jsonString(key) + ':' + value;
    };
    QByteArrayList parts;
    QStringList written;
    for (const JsonMemberSpan &span : *spans) {
        const QByteArray *value = valueOf(span.key);
        if (!value) {
            parts << json.mid(span.begin, span.end - span.begin);
            continue;
        }
        if (written.contains(span.key))
            continue;
        written << span.key;
        if (!value->isEmpty())
            parts << member(span.key, *value);
    }
    for (const auto &[key, value] : members)
        if (!written.contains(key) && !value.isEmpty())
            parts << member(key, value);
    return '{' + parts.join(',') + '}';
}

} // namespace hearth
