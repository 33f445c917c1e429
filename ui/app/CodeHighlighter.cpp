#include "app/CodeHighlighter.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QHash>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>

namespace hearth::ui {

namespace {
constexpr int maxRunning = 2;         // this machine's cores; the UI keeps its own
constexpr int timeoutMs = 5000;       // a run that hangs is given up
constexpr int cachedBlocks = 400;     // answers kept, each one block of code
constexpr qsizetype maxCode = 200000; // longer code is left plain

struct TokenStyle
{
    const char *token;
    const char *light;
    const char *dark;
    bool italic;
    bool bold;
};
// GitHub's colours, which people read code in every day, for both themes.
constexpr TokenStyle tokenStyles[] = {
    {"keyword", "#cf222e", "#ff7b72", false, false},
    {"preproc", "#cf222e", "#ff7b72", false, false},
    {"type", "#953800", "#ffa657", false, false},
    {"usertype", "#953800", "#ffa657", false, false},
    {"classname", "#953800", "#ffa657", false, false},
    {"string", "#0a3069", "#a5d6ff", false, false},
    {"specialchar", "#0a3069", "#a5d6ff", false, false},
    {"regexp", "#116329", "#7ee787", false, false},
    {"comment", "#6e7781", "#8b949e", true, false},
    {"todo", "#cf222e", "#ff7b72", false, true},
    {"number", "#0550ae", "#79c0ff", false, false},
    {"function", "#8250df", "#d2a8ff", false, false},
    {"variable", "#953800", "#ffa657", false, false},
    {"label", "#0550ae", "#79c0ff", false, false},
    {"property", "#0550ae", "#79c0ff", false, false},
};
} // namespace

CodeHighlighter::CodeHighlighter(QObject *parent)
    : CodeHighlighter(QStandardPaths::findExecutable(QStringLiteral("source-highlight")), parent)
{}

CodeHighlighter::CodeHighlighter(const QString &program, QObject *parent)
    : QObject(parent)
    , m_program(program)
    , m_cache(cachedBlocks)
{}

CodeHighlighter::~CodeHighlighter()
{
    // Runs still going end on their own; nobody waits for them.
    for (const QPointer<QProcess> &process : std::as_const(m_processes)) {
        if (!process || process->state() == QProcess::NotRunning)
            continue; // a child of this object, deleted with it
        process->disconnect(this);
        process->setParent(nullptr);
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
}

QString CodeHighlighter::languageFor(const QString &fenceLanguage)
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("c++"), QStringLiteral("cpp")},
        {QStringLiteral("objc"), QStringLiteral("c")},
        {QStringLiteral("bash"), QStringLiteral("sh")},
        {QStringLiteral("shell"), QStringLiteral("sh")},
        {QStringLiteral("console"), QStringLiteral("sh")},
        {QStringLiteral("shellsession"), QStringLiteral("sh")},
        {QStringLiteral("ts"), QStringLiteral("javascript")},
        {QStringLiteral("typescript"), QStringLiteral("javascript")},
        {QStringLiteral("tsx"), QStringLiteral("javascript")},
        {QStringLiteral("jsx"), QStringLiteral("javascript")},
        {QStringLiteral("mjs"), QStringLiteral("javascript")},
        {QStringLiteral("golang"), QStringLiteral("go")},
        {QStringLiteral("rust"), QStringLiteral("rs")},
        {QStringLiteral("yaml"), QStringLiteral("conf")},
        {QStringLiteral("yml"), QStringLiteral("conf")},
        {QStringLiteral("toml"), QStringLiteral("ini")},
        {QStringLiteral("dockerfile"), QStringLiteral("sh")},
        {QStringLiteral("csharp"), QStringLiteral("cs")},
        {QStringLiteral("c#"), QStringLiteral("cs")},
        {QStringLiteral("kotlin"), QStringLiteral("scala")},
        {QStringLiteral("vue"), QStringLiteral("html")},
    };
    const QString name = fenceLanguage.trimmed().toLower();
    if (name.isEmpty() || name == QLatin1String("text") || name == QLatin1String("plaintext") ||
        name == QLatin1String("math"))
        return {};
    for (const QChar c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('+') && c != QLatin1Char('#') &&
            c != QLatin1Char('-') && c != QLatin1Char('_'))
            return {}; // never pass anything odd to the program
    return aliases.value(name, name);
}

namespace {
// Appends `escaped` (xhtml text) to `out` with its entities decoded.
void appendDecoded(QString &out, QStringView escaped)
{
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped.at(i);
        const qsizetype end = c == QLatin1Char('&') ? escaped.indexOf(QLatin1Char(';'), i) : -1;
        if (end < 0) {
            out += c;
            continue;
        }
        const QStringView name = escaped.mid(i + 1, end - i - 1);
        if (name == QLatin1String("lt"))
            out += QLatin1Char('<');
        else if (name == QLatin1String("gt"))
            out += QLatin1Char('>');
        else if (name == QLatin1String("amp"))
            out += QLatin1Char('&');
        else if (name == QLatin1String("quot"))
            out += QLatin1Char('"');
        else if (name == QLatin1String("apos"))
            out += QLatin1Char('\'');
        else if (name.startsWith(QLatin1Char('#')))
            out += QChar(name.mid(1).toUInt());
        else
            out += escaped.mid(i, end - i + 1); // not an entity it writes
        i = end;
    }
}
} // namespace

QList<CodeHighlighter::Run> CodeHighlighter::colouredRuns(const QString &xhtml, QString *code)
{
    static const QRegularExpression span(QStringLiteral("<span class=\"([a-z_]+)\">(.*?)</span>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    // Only what lies between <pre><tt> and </tt></pre>: no generator comment.
    QStringView body(xhtml);
    const qsizetype start = body.indexOf(QLatin1String("<pre><tt>"));
    const qsizetype end = body.lastIndexOf(QLatin1String("</tt></pre>"));
    if (start >= 0 && end > start)
        body = body.mid(start + 9, end - start - 9);
    QString text;
    text.reserve(body.size());
    QList<Run> runs;
    qsizetype from = 0;
    // Its spans are flat (never nested).
    for (auto it = span.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        appendDecoded(text, body.mid(from, match.capturedStart() - from));
        const int runStart = int(text.size());
        appendDecoded(text, match.capturedView(2));
        from = match.capturedEnd();
        for (const TokenStyle &style : tokenStyles) {
            if (match.capturedView(1) != QLatin1String(style.token))
                continue;
            if (text.size() > runStart)
                runs.append({runStart, int(text.size()) - runStart, QColor(style.light),
                             QColor(style.dark), style.italic, style.bold});
            break;
        }
    }
    appendDecoded(text, body.mid(from));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1); // it ends the last line; the code may not have
    if (code)
        *code = text;
    return runs;
}

void CodeHighlighter::highlight(const QString &fenceLanguage, const QString &code,
                                QObject *receiver, Done done)
{
    const QString language = languageFor(fenceLanguage);
    if (!isAvailable() || language.isEmpty() || m_unknownLanguages.contains(language) ||
        code.isEmpty() || code.size() > maxCode)
        return;
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash((language + QChar(0) + code).toUtf8(), QCryptographicHash::Md5)
            .toHex());
    if (const QString *known = m_cache.object(key)) {
        done(*known);
        return;
    }
    Job job{language, code, key, receiver, std::move(done)};
    for (Job &waiting : m_waiting) {
        if (waiting.receiver == receiver) {
            waiting = std::move(job); // only its newest text matters
            return;
        }
    }
    m_waiting.append(std::move(job));
    startNext();
}

void CodeHighlighter::startNext()
{
    while (m_running < maxRunning && !m_waiting.isEmpty()) {
        const Job job = m_waiting.takeFirst();
        if (!job.receiver)
            continue;
        ++m_running;
        auto *process = new QProcess(this);
        m_processes.removeAll(nullptr);
        m_processes.append(process);
        auto *timeout = new QTimer(process);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, process, &QProcess::kill);
        connect(process, &QProcess::finished, this,
                [this, process, job](int exitCode, QProcess::ExitStatus status) {
                    process->deleteLater();
                    --m_running;
                    if (status == QProcess::NormalExit && exitCode == 0)
                        finish(job, QString::fromUtf8(process->readAllStandardOutput()));
                    else if (status == QProcess::NormalExit)
                        m_unknownLanguages.insert(job.language); // it said so on stderr
                    startNext();
                });
        connect(process, &QProcess::errorOccurred, this,
                [this, process](QProcess::ProcessError error) {
                    if (error != QProcess::FailedToStart)
                        return;
                    process->deleteLater();
                    --m_running;
                    m_program.clear(); // gone: stay plain from now on
                    m_waiting.clear();
                });
        process->start(m_program,
                       {QStringLiteral("--src-lang=") + job.language,
                        QStringLiteral("--out-format=xhtml-css"), QStringLiteral("--no-doc")});
        process->write(job.code.toUtf8());
        process->closeWriteChannel();
        timeout->start(timeoutMs);
    }
}

void CodeHighlighter::finish(const Job &job, const QString &xhtml)
{
    m_cache.insert(job.key, new QString(xhtml));
    if (job.receiver)
        QMetaObject::invokeMethod(job.receiver, [done = job.done, xhtml] { done(xhtml); });
}

} // namespace hearth::ui
