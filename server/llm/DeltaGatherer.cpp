#include "llm/DeltaGatherer.h"

#include <QtCore/QJsonArray>

#include <algorithm>
#include <vector>

namespace hearth {

namespace {

bool takenWhole(const QString &key)
{
    return key == QLatin1String("id") || key == QLatin1String("type") ||
           key == QLatin1String("name") || key == QLatin1String("role") ||
           key == QLatin1String("index");
}

} // namespace

struct DeltaGatherer::Node
{
    enum class Kind { Empty, Text, Object, Array, Scalar } kind = Kind::Empty;
    QString text;
    std::vector<QString> keys; // in the order they first came
    std::vector<Node> values;
    std::vector<Node> elements;
    QJsonValue scalar;

    Node &member(const QString &key)
    {
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key)
                return values[i];
        keys.push_back(key);
        values.emplace_back();
        return values.back();
    }

    // The element whose `index` member is `index`, or none.
    Node *elementAt(const QJsonValue &index)
    {
        for (Node &element : elements)
            for (size_t i = 0; i < element.keys.size(); ++i)
                if (element.keys[i] == QLatin1String("index") && element.values[i].scalar == index)
                    return &element;
        return nullptr;
    }

    void reset(Kind to)
    {
        if (kind == to)
            return;
        *this = Node();
        kind = to;
    }

    void merge(const QString &key, const QJsonValue &piece)
    {
        if (piece.isNull() || piece.isUndefined())
            return;
        if (piece.isString()) {
            if (kind != Kind::Text || takenWhole(key))
                reset(Kind::Text), text.clear();
            text += piece.toString();
        } else if (piece.isObject()) {
            reset(Kind::Object);
            const QJsonObject object = piece.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                member(it.key()).merge(it.key(), it.value());
        } else if (piece.isArray()) {
            reset(Kind::Array);
            for (const QJsonValue &element : piece.toArray()) {
                const QJsonValue index = element.toObject().value(QLatin1String("index"));
                Node *existing = index.isDouble() ? elementAt(index) : nullptr;
                if (!existing) {
                    elements.emplace_back();
                    existing = &elements.back();
                }
                existing->merge(QString(), element);
            }
        } else {
            reset(Kind::Scalar);
            scalar = piece;
        }
    }

    QJsonValue toJson() const
    {
        switch (kind) {
        case Kind::Text:
            return text;
        case Kind::Object: {
            QJsonObject object;
            for (size_t i = 0; i < keys.size(); ++i)
                if (values[i].kind != Kind::Empty)
                    object.insert(keys[i], values[i].toJson());
            return object;
        }
        case Kind::Array: {
            QJsonArray array;
            for (const Node &element : elements)
                array.append(element.toJson());
            return array;
        }
        case Kind::Scalar:
            return scalar;
        case Kind::Empty:
            break;
        }
        return {};
    }
};

DeltaGatherer::DeltaGatherer()
    : m_root(std::make_unique<Node>())
{
    m_root->kind = Node::Kind::Object;
}

DeltaGatherer::~DeltaGatherer() = default;

void DeltaGatherer::add(const QJsonObject &delta)
{
    m_root->merge(QString(), delta);
}

bool DeltaGatherer::isEmpty() const
{
    // Members are made before their value is known to be null: the same
    // test result() applies.
    return std::all_of(m_root->values.begin(), m_root->values.end(),
                       [](const Node &value) { return value.kind == Node::Kind::Empty; });
}

QJsonObject DeltaGatherer::result() const
{
    return m_root->toJson().toObject();
}

QJsonObject withoutStreamIndexes(QJsonObject message)
{
    const QJsonValue calls = message.value(QLatin1String("tool_calls"));
    if (!calls.isArray())
        return message;
    QJsonArray cleaned;
    for (const QJsonValue &call : calls.toArray()) {
        QJsonObject object = call.toObject();
        object.remove(QLatin1String("index"));
        cleaned.append(object);
    }
    message.insert(QLatin1String("tool_calls"), cleaned);
    return message;
}

} // namespace hearth
