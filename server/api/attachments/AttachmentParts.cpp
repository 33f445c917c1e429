#include "api/attachments/AttachmentParts.h"

#include "core/Domain.h"
#include "storage/AttachmentRepository.h"

#include <QtCore/QSet>
#include <QtCore/QStringDecoder>

namespace hearth {

namespace {

QString documentText(const AttachmentRecord &a, const QByteArray &bytes)
{
    const bool gb = a.mediaType.contains("charset=gb18030");
    QStringDecoder decoder(gb ? "GB18030" : "UTF-8");
    QString text = decoder.decode(bytes);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

} // namespace

qsizetype AttachmentParts::maxDocumentCharacters(int contextTokens)
{
    return qBound(qsizetype(4000), qsizetype(contextTokens) * 2, qsizetype(200000));
}

Outcome<QHash<QString, QList<ChatPart>>>
AttachmentParts::forConversation(AttachmentRepository &repository,
                                 const QList<AttachmentRecord> &attachments,
                                 const QList<Message> &messages, Reader model)
{
    QHash<QString, QList<ChatPart>> parts;
    if (attachments.isEmpty())
        return parts;

    // The user messages whose pictures go again: the newest few with any.
    QSet<QString> withPictures;
    for (const AttachmentRecord &a : attachments)
        if (a.kind == QLatin1String("image"))
            withPictures.insert(a.messageId);
    QSet<QString> picturesSent;
    const int picturesWanted = model.seesPictures ? picturesSentAgain : 0;
    for (qsizetype i = messages.size() - 1; i >= 0 && picturesSent.size() < picturesWanted; --i)
        if (withPictures.contains(messages.at(i).id))
            picturesSent.insert(messages.at(i).id);

    const qsizetype maxCharacters = maxDocumentCharacters(model.contextTokens);
    for (const AttachmentRecord &a : attachments) {
        const bool picture = a.kind == QLatin1String("image");
        if (picture && !picturesSent.contains(a.messageId)) {
            parts[a.messageId] << ChatPart{
                model.seesPictures
                    ? QStringLiteral("[A picture, %1, was shown here; it is not sent again.]")
                          .arg(a.name)
                    : QStringLiteral("[A picture, %1, was shown here; this model cannot see "
                                     "pictures.]")
                          .arg(a.name),
                {}};
            continue;
        }
        QString text;
        if (a.mediaType == "application/pdf") {
            const auto read = repository.documentText(a.id); // read at upload
            if (!read)
                return read.error();
            if (read->isEmpty()) {
                parts[a.messageId] << ChatPart{
                    QStringLiteral("[A PDF, %1, is attached, but it has no text Hearth can read "
                                   "(a scan, perhaps).]")
                        .arg(a.name),
                    {}};
                continue;
            }
            text = read.value();
        } else {
            const auto bytes = repository.content(a.id);
            if (!bytes)
                return bytes.error();
            if (picture) {
                parts[a.messageId] << ChatPart{{},
                                               QStringLiteral("data:%1;base64,%2")
                                                   .arg(QString::fromUtf8(a.mediaType),
                                                        QString::fromLatin1(bytes->toBase64()))};
                continue;
            }
            text = documentText(a, bytes.value());
        }
        if (text.size() > maxCharacters) {
            const qsizetype whole = text.size();
            text.truncate(maxCharacters);
            text += QStringLiteral("\n\n[Hearth sent only the first %1 of %2 characters of %3.]")
                        .arg(maxCharacters)
                        .arg(whole)
                        .arg(a.name);
        }
        parts[a.messageId] << ChatPart{QStringLiteral("File: %1\n\n%2").arg(a.name, text), {}};
    }
    return parts;
}

} // namespace hearth
