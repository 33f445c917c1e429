#pragma once

#include <QtCore/QCache>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtGui/QColor>

class QProcess;

#include <functional>

namespace hearth::ui {

// Colours code through GNU source-highlight, run as its own program (not
// linked: it is GPL, and a program keeps Hearth's licence its own choice).
// Each block is one short run, at most two at a time, off the event loop;
// answers are cached, and a block that changes while it waits (a reply
// being streamed) is asked for once, with its newest text. Without the
// program, or for a language it does not know, code stays plain.
class CodeHighlighter final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &xhtml)>;

    explicit CodeHighlighter(QObject *parent = nullptr);
    // `program`: source-highlight's path ("" for none).
    CodeHighlighter(const QString &program, QObject *parent);
    ~CodeHighlighter() override;

    bool isAvailable() const { return !m_program.isEmpty(); }
    // Runs under way or waiting (tests and benchmarks).
    bool isBusy() const { return m_running > 0 || !m_waiting.isEmpty(); }
    // Calls `done` on `receiver` with source-highlight's xhtml-css for
    // `code`, unless the language is unknown or the program fails. A
    // request from a receiver that has one waiting replaces it.
    void highlight(const QString &fenceLanguage, const QString &code, QObject *receiver, Done done);

    // The source-highlight language for a fence's info word ("py", "c++",
    // "ts"…), or "" when it has none.
    static QString languageFor(const QString &fenceLanguage);
    // One coloured token of source-highlight's answer: where it lies in the
    // code, and how it looks on a light and on a dark background.
    struct Run
    {
        int start = 0;
        int length = 0;
        QColor light;
        QColor dark;
        bool italic = false;
        bool bold = false;
    };
    // source-highlight's xhtml-css output read back: the code it coloured
    // (`code`, entities decoded) and its coloured tokens, in our colours;
    // plain text and symbols are not runs.
    static QList<Run> colouredRuns(const QString &xhtml, QString *code = nullptr);

private:
    struct Job
    {
        QString language;
        QString code;
        QString key;
        QPointer<QObject> receiver;
        Done done;
    };
    void startNext();
    void finish(const Job &job, const QString &xhtml);

    QString m_program;
    QCache<QString, QString> m_cache;
    QList<Job> m_waiting;
    QSet<QString> m_unknownLanguages;
    QList<QPointer<QProcess>> m_processes;
    int m_running = 0;
};

} // namespace hearth::ui
