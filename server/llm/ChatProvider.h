#pragma once

#include "llm/ChatTypes.h"

#include <QtCore/QObject>

namespace hearth {

class ChatStream;

// A source of replies: an OpenAI-compatible endpoint or the built-in demo.
class ChatProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    virtual QList<ModelInfo> models() const = 0;
    bool serves(const QString &model) const;
    // The stream is parented to `parent`; the caller deletes it when done.
    virtual ChatStream *startChat(const ChatRequest &request, QObject *parent) = 0;

signals:
    void modelsChanged();
    void modelsUnavailable(const QString &reason);
};

} // namespace hearth
