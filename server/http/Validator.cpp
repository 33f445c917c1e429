#include "http/Validator.h"

#include <QtCore/QRegularExpression>

#include <cmath>

namespace hearth {

std::optional<QString> Validator::text(const QString &field, bool required, int minLength,
                                       int maxLength)
{
    const QJsonValue value = m_body.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            m_errors << QStringLiteral("%1 is required").arg(field);
        return std::nullopt;
    }
    if (!value.isString()) {
        m_errors << QStringLiteral("%1 must be a string").arg(field);
        return std::nullopt;
    }
    const QString s = value.toString();
    // Length in characters as a person counts them (a Chinese character or
    // an emoji is one), not in UTF-16 units.
    const qsizetype length = s.toUcs4().size();
    if (length < minLength || length > maxLength) {
        if (minLength > 0 && s.trimmed().isEmpty())
            m_errors << QStringLiteral("%1 is required").arg(field);
        else
            m_errors << QStringLiteral("%1 must be %2–%3 characters long")
                            .arg(field)
                            .arg(minLength)
                            .arg(maxLength);
        return std::nullopt;
    }
    if (minLength > 0 && s.trimmed().isEmpty()) {
        m_errors << QStringLiteral("%1 must not be blank").arg(field);
        return std::nullopt;
    }
    return s;
}

std::optional<QString> Validator::email(const QString &field)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const auto value = text(field, true, 3, 254);
    if (!value)
        return std::nullopt;
    if (!shape.match(value->trimmed()).hasMatch()) {
        m_errors << QStringLiteral("%1 must be an email address").arg(field);
        return std::nullopt;
    }
    return value->trimmed();
}

std::optional<double> Validator::number(const QString &field, double min, double max)
{
    const QJsonValue value = m_body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
        m_errors
            << QStringLiteral("%1 must be a number from %2 to %3").arg(field).arg(min).arg(max);
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<int> Validator::integer(const QString &field, int min, int max)
{
    const QJsonValue value = m_body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double d = value.toDouble();
    if (!value.isDouble() || std::floor(d) != d || d < min || d > max) {
        m_errors << QStringLiteral("%1 must be a whole number from %2 to %3")
                        .arg(field)
                        .arg(min)
                        .arg(max);
        return std::nullopt;
    }
    return int(d);
}

std::optional<bool> Validator::boolean(const QString &field)
{
    const QJsonValue value = m_body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        m_errors << QStringLiteral("%1 must be true or false").arg(field);
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QJsonObject> Validator::object(const QString &field)
{
    const QJsonValue value = m_body.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject()) {
        m_errors << QStringLiteral("%1 must be a JSON object").arg(field);
        return std::nullopt;
    }
    return value.toObject();
}

} // namespace hearth
