#pragma once

#include <QtCore/QJsonObject>

#include <memory>

namespace hearth {

// Gathers the pieces of a streamed chat.completion.chunk delta (or of a
// choice's logprobs) into the whole a non-streamed answer carries: text
// pieces concatenate, tool calls gather by their `index`, other lists
// (logprobs' tokens) grow, nulls change nothing. Identifiers and names
// (id, type, name, role, index) are taken whole, since some providers
// repeat them in every chunk. Linear in what it is given: a 2 MiB tool-call
// argument is appended to, never copied per piece.
class DeltaGatherer final
{
public:
    DeltaGatherer();
    ~DeltaGatherer();
    DeltaGatherer(const DeltaGatherer &) = delete;
    DeltaGatherer &operator=(const DeltaGatherer &) = delete;

    void add(const QJsonObject &delta);
    bool isEmpty() const;
    QJsonObject result() const;

private:
    struct Node;
    std::unique_ptr<Node> m_root;
};

// A gathered message's tool calls without the stream's `index`, as the
// non-streamed format has them.
QJsonObject withoutStreamIndexes(QJsonObject message);

} // namespace hearth
