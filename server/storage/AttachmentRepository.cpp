#include "storage/AttachmentRepository.h"

#include "storage/SqlRun.h"

#include <QtCore/QIODevice>

namespace hearth {

namespace {
const QString selectAttachment =
    QStringLiteral("SELECT id, user_id, conversation_id, message_id, name, media_type, kind,"
                   " size, sha256, created_at, text_characters FROM attachments");

AttachmentRecord readAttachment(const SqlRun &row)
{
    return AttachmentRecord{
        row.value(0).toString(),   row.value(1).toString(),   row.value(2).toString(),
        row.value(3).toString(),   row.value(4).toString(),   row.value(5).toString().toUtf8(),
        row.value(6).toString(),   row.value(7).toLongLong(), row.value(8).toString().toLatin1(),
        row.value(9).toLongLong(), row.value(10).toLongLong()};
}
} // namespace

Outcome<Done> AttachmentRepository::store(const AttachmentRecord &a, QIODevice &content)
{
    {
        SqlRun q(m_db, QStringLiteral("INSERT INTO attachments (id, user_id, conversation_id,"
                                      " message_id, name, media_type, kind, size, sha256,"
                                      " complete, created_at, text_content, text_characters)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
        q.bind(a.id)
            .bind(a.userId)
            .bind(nullIfEmpty(a.conversationId))
            .bind(nullIfEmpty(a.messageId))
            .bind(a.name)
            .bind(QString::fromUtf8(a.mediaType))
            .bind(a.kind)
            .bind(a.size)
            .bind(QString::fromLatin1(a.sha256))
            .bind(a.createdAt)
            .bind(nullIfEmpty(a.textContent))
            .bind(a.kind == QLatin1String("document") ? QVariant(a.characters) : QVariant());
        if (!q.exec())
            return q.error();
    }
    const auto undo = [this, &a](const ApiError &error) -> Outcome<Done> {
        SqlRun q(m_db, QStringLiteral("DELETE FROM attachments WHERE id = ?"));
        q.bind(a.id);
        q.exec(); // else sweep() takes it: it stays incomplete
        return error;
    };
    if (!content.seek(0))
        return undo(ApiError::internal());
    for (qint64 seq = 0; !content.atEnd(); ++seq) {
        const QByteArray bytes = content.read(pieceBytes);
        if (bytes.isEmpty())
            return undo(ApiError::internal());
        SqlRun q(m_db, QStringLiteral("INSERT INTO attachment_pieces (attachment_id, seq, data)"
                                      " VALUES (?, ?, ?)"));
        q.bind(a.id).bind(seq).bind(bytes);
        if (!q.exec())
            return undo(q.error());
    }
    SqlRun q(m_db, QStringLiteral("UPDATE attachments SET complete = 1 WHERE id = ?"));
    q.bind(a.id);
    if (!q.exec())
        return undo(q.error());
    return Done{};
}

Outcome<std::optional<AttachmentRecord>> AttachmentRepository::findOwned(const QString &id,
                                                                         const QString &userId)
{
    SqlRun q(m_db,
             selectAttachment + QStringLiteral(" WHERE id = ? AND user_id = ? AND complete = 1"));
    q.bind(id).bind(userId);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<AttachmentRecord>();
    return std::optional<AttachmentRecord>(readAttachment(q));
}

Outcome<bool> AttachmentRepository::attach(const QStringList &ids, const QString &userId,
                                           const QString &conversationId, const QString &messageId)
{
    for (const QString &id : ids) {
        SqlRun q(m_db,
                 QStringLiteral("SELECT COUNT(*) FROM attachments WHERE id = ? AND user_id = ?"
                                " AND complete = 1"
                                " AND (conversation_id IS NULL OR conversation_id = ?)"));
        q.bind(id).bind(userId).bind(conversationId);
        if (!q.exec())
            return q.error();
        if (!q.next() || q.value(0).toInt() != 1)
            return false;
    }
    for (const QString &id : ids) {
        SqlRun q(m_db, QStringLiteral("UPDATE attachments SET conversation_id = ?, message_id = ?"
                                      " WHERE id = ? AND user_id = ?"));
        q.bind(conversationId).bind(messageId).bind(id).bind(userId);
        if (!q.exec())
            return q.error();
    }
    return true;
}

Outcome<int> AttachmentRepository::countPictures(const QStringList &ids, const QString &userId)
{
    int pictures = 0;
    for (const QString &id : ids) {
        SqlRun q(m_db, QStringLiteral("SELECT COUNT(*) FROM attachments WHERE id = ? AND"
                                      " user_id = ? AND kind = 'image'"));
        q.bind(id).bind(userId);
        if (!q.exec())
            return q.error();
        if (q.next())
            pictures += q.value(0).toInt();
    }
    return pictures;
}

Outcome<QList<AttachmentRecord>>
AttachmentRepository::listForConversation(const QString &conversationId)
{
    SqlRun q(m_db, selectAttachment + QStringLiteral(" WHERE conversation_id = ? AND complete = 1"
                                                     " ORDER BY created_at, id"));
    q.bind(conversationId);
    if (!q.exec())
        return q.error();
    QList<AttachmentRecord> found;
    while (q.next())
        found << readAttachment(q);
    return found;
}

Outcome<QByteArray> AttachmentRepository::content(const QString &id)
{
    SqlRun q(m_db, QStringLiteral("SELECT data FROM attachment_pieces WHERE attachment_id = ?"
                                  " ORDER BY seq"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    QByteArray bytes;
    while (q.next())
        bytes += q.value(0).toByteArray();
    return bytes;
}

Outcome<QString> AttachmentRepository::documentText(const QString &id)
{
    SqlRun q(m_db, QStringLiteral("SELECT text_content FROM attachments WHERE id = ?"));
    q.bind(id);
    if (!q.exec())
        return q.error();
    return q.next() ? q.value(0).toString() : QString();
}

Outcome<QByteArray> AttachmentRepository::piece(const QString &id, qint64 seq)
{
    SqlRun q(m_db, QStringLiteral("SELECT data FROM attachment_pieces"
                                  " WHERE attachment_id = ? AND seq = ?"));
    q.bind(id).bind(seq);
    if (!q.exec())
        return q.error();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Outcome<bool> AttachmentRepository::remove(const QString &id, const QString &userId)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM attachments WHERE id = ? AND user_id = ?"));
    q.bind(id).bind(userId);
    if (!q.exec())
        return q.error();
    return q.rowsAffected() > 0;
}

Outcome<qint64> AttachmentRepository::storedBytes(const QString &userId)
{
    SqlRun q(m_db, QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM attachments"
                                  " WHERE user_id = ?"));
    q.bind(userId);
    if (!q.exec())
        return q.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Outcome<int> AttachmentRepository::sweep(qint64 incompleteBefore, qint64 unsentBefore)
{
    SqlRun q(m_db, QStringLiteral("DELETE FROM attachments"
                                  " WHERE (complete = 0 AND created_at < ?)"
                                  " OR (message_id IS NULL AND created_at < ?)"));
    q.bind(incompleteBefore).bind(unsentBefore);
    if (!q.exec())
        return q.error();
    return q.rowsAffected();
}

} // namespace hearth
