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
    const char *extra;
};
// GitHub's colours, which people read code in every day, for both themes.
constexpr TokenStyle tokenStyles[] = {
    {"keyword", "#cf222e", "#ff7b72", ""},
    {"preproc", "#cf222e", "#ff7b72", ""},
    {"type", "#953800", "#ffa657", ""},
    {"usertype", "#953800", "#ffa657", ""},
    {"classname", "#953800", "#ffa657", ""},
    {"string", "#0a3069", "#a5d6ff", ""},
    {"specialchar", "#0a3069", "#a5d6ff", ""},
    {"regexp", "#116329", "#7ee787", ""},
    {"comment", "#6e7781", "#8b949e", "font-style:italic;"},
    {"todo", "#cf222e", "#ff7b72", "font-weight:bold;"},
    {"number", "#0550ae", "#79c0ff", ""},
    {"function", "#8250df", "#d2a8ff", ""},
    {"variable", "#953800", "#ffa657", ""},
    {"label", "#0550ae", "#79c0ff", ""},
    {"property", "#0550ae", "#79c0ff", ""},
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

QString CodeHighlighter::styledHtml(const QString &xhtml, bool dark, const QString &fontFamily)
{
    static const QRegularExpression span(QStringLiteral("<span class=\"([a-z_]+)\">"));
    QString body = xhtml;
    // Only what lies between <pre><tt> and </tt></pre>: no generator comment.
    const qsizetype start = body.indexOf(QLatin1String("<pre><tt>"));
    const qsizetype end = body.lastIndexOf(QLatin1String("</tt></pre>"));
    if (start >= 0 && end > start)
        body = body.mid(start + 9, end - start - 9);
    if (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    // Its spans are flat (never nested). Plain ones (normal text, symbols)
    // are dropped with their closing tags: a long block has thousands, and
    // every span costs the label time to lay out.
    static const QString close = QStringLiteral("</span>");
    QString out;
    out.reserve(body.size());
    qsizetype from = 0;
    bool dropClose = false;
    auto copyUpTo = [&](qsizetype end) {
        QStringView text = QStringView(body).mid(from, end - from);
        if (dropClose) {
            const qsizetype at = text.indexOf(close);
            if (at >= 0) {
                out += text.left(at);
                text = text.mid(at + close.size());
                dropClose = false;
            }
        }
        out += text;
    };
    for (auto it = span.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        copyUpTo(match.capturedStart());
        const TokenStyle *style = nullptr;
        for (const TokenStyle &s : tokenStyles)
            if (match.capturedView(1) == QLatin1String(s.token))
                style = &s;
        if (style)
            out += QStringLiteral("<span style=\"color:%1;%2\">")
                       .arg(QLatin1String(dark ? style->dark : style->light),
                            QLatin1String(style->extra));
        dropClose = !style;
        from = match.capturedEnd();
    }
    copyUpTo(body.size());
    return QStringLiteral("<pre style=\"margin:0; font-family:'%1';\">%2</pre>")
        .arg(fontFamily.toHtmlEscaped(), out);
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
