#pragma once

#include "core/Outcome.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

class QIODevice;

namespace hearth {

class Database;

// An uploaded picture or document as stored (its bytes apart, in pieces).
struct AttachmentRecord
{
    QString id;
    QString userId;
    QString conversationId; // empty until it is sent with a message
    QString messageId;
    QString name;
    QByteArray mediaType;
    QString kind; // "image" | "document"
    qint64 size = 0;
    QByteArray sha256; // hex
    qint64 createdAt = 0;
    // A document's length in characters (of a PDF, its text's); 0 for pictures.
    qint64 characters = 0;
    // A PDF's text, written by store(); read apart (documentText()).
    QString textContent;
};

// Attachments and their bytes, in the database on every backend (so that
// backups and `db copy` carry them), in pieces of at most pieceBytes.
// Usable from any thread (each has its own connection): storing 20 MB is
// work for a worker, not the server thread.
class AttachmentRepository
{
public:
    static constexpr qint64 pieceBytes = 1024 * 1024;

    explicit AttachmentRepository(Database &db)
        : m_db(db)
    {}

    // Writes the row, then `content` from its start piece by piece, then
    // marks the row complete. What a failure leaves is removed at once, or
    // by sweep() after a crash.
    Outcome<Done> store(const AttachmentRecord &record, QIODevice &content);
    // A complete attachment of this user's; nullopt for anyone else's.
    Outcome<std::optional<AttachmentRecord>> findOwned(const QString &id, const QString &userId);
    // Sends this user's complete attachments with a message: false when one
    // of them is not there, is another user's, or went with another
    // conversation (then none is changed).
    Outcome<bool> attach(const QStringList &ids, const QString &userId,
                         const QString &conversationId, const QString &messageId);
    // How many of these ids are pictures of this user's.
    Outcome<int> countPictures(const QStringList &ids, const QString &userId);
    // A conversation's attachments, oldest first.
    Outcome<QList<AttachmentRecord>> listForConversation(const QString &conversationId);
    // All of an attachment's bytes (for the provider; a download goes piece
    // by piece instead).
    Outcome<QByteArray> content(const QString &id);
    // The text read from a PDF when it was stored; empty for anything else.
    Outcome<QString> documentText(const QString &id);
    // Piece `seq` (from 0) of a stored attachment; empty past the end.
    Outcome<QByteArray> piece(const QString &id, qint64 seq);
    // False when there is no such attachment of this user's.
    Outcome<bool> remove(const QString &id, const QString &userId);
    // The bytes this user's attachments take.
    Outcome<qint64> storedBytes(const QString &userId);
    // Removes incomplete attachments (an upload cut off by a crash) made
    // before `incompleteBefore`, and ones never sent with a message made
    // before `unsentBefore`. Returns how many went.
    Outcome<int> sweep(qint64 incompleteBefore, qint64 unsentBefore);

private:
    Database &m_db;
};

} // namespace hearth
