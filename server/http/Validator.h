#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

#include <optional>

namespace hearth {

// Checks the fields of a request body and collects every problem, so one
// 400 VALIDATION_ERROR lists all bad fields at once. Each getter returns
// nullopt when the field is absent or invalid (and records why if invalid).
class Validator
{
public:
    explicit Validator(const QJsonObject &body)
        : m_body(body)
    {}

    bool has(const QString &field) const { return m_body.contains(field); }
    std::optional<QString> text(const QString &field, bool required, int minLength, int maxLength);
    std::optional<QString> email(const QString &field);
    std::optional<double> number(const QString &field, double min, double max);
    std::optional<int> integer(const QString &field, int min, int max);
    std::optional<bool> boolean(const QString &field);
    std::optional<QJsonObject> object(const QString &field);
    void fail(const QString &problem) { m_errors << problem; }

    bool ok() const { return m_errors.isEmpty(); }
    const QStringList &errors() const { return m_errors; }

private:
    QJsonObject m_body;
    QStringList m_errors;
};

} // namespace hearth
