#pragma once

#include "core/Outcome.h"
#include "llm/ChatTypes.h"

#include <QtCore/QHash>

namespace hearth {

class AttachmentRepository;
struct Message;
struct AttachmentRecord;

// What a conversation's attachments add to the history sent upstream, by
// the id of the message they came with:
// - pictures as image_url parts (data: URLs), for the newest
//   picturesSentAgain user messages that have any; older ones only as a
//   line saying a picture was there (a provider needs the picture being
//   asked about, not every picture since the start, each costing about a
//   thousand tokens);
// - documents as a text part "File: <name>" and their text, cut at
//   maxDocumentCharacters (at most 200,000, and about twice the model's
//   context in characters) with a line telling the model how much it got.
// A model that reads text only gets every picture as such a line.
struct AttachmentParts
{
    static constexpr int picturesSentAgain = 3;

    struct Reader
    {
        int contextTokens = 0;
        bool seesPictures = true;
    };

    static Outcome<QHash<QString, QList<ChatPart>>>
    forConversation(AttachmentRepository &repository, const QList<AttachmentRecord> &attachments,
                    const QList<Message> &messages, Reader model);
    static qsizetype maxDocumentCharacters(int contextTokens);
};

} // namespace hearth
