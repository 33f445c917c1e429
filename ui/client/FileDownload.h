#pragma once

#include <QtCore/QObject>
#include <QtCore/QSaveFile>

class QNetworkReply;

namespace hearth::client {

// One streamed download (a CSV export, a backup) written to a file as it arrives.
// The file appears only when the whole answer arrived: a failed or
// cancelled download leaves nothing behind. Deletes itself after finished().
class FileDownload final : public QObject
{
    Q_OBJECT
public:
    FileDownload(QNetworkReply *reply, const QString &fileName, QObject *parent = nullptr);
    ~FileDownload() override;

    void cancel();
    qint64 lines() const { return m_lines; }

signals:
    // Lines written so far (a CSV's rows plus its header).
    void progress(qint64 lines);
    // Bytes written so far, of `total` when the server announced the size
    // (X-File-Size), else 0.
    void bytesReceived(qint64 bytes, qint64 total);
    // error is empty on success.
    void finished(const QString &error);

private:
    void writeAvailable();
    void finish();

    QNetworkReply *m_reply;
    QSaveFile m_file;
    qint64 m_lines = 0;
    qint64 m_bytes = 0;
    QString m_error;
};

} // namespace hearth::client
