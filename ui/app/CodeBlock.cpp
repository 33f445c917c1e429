#include "app/CodeBlock.h"

#include "app/CodeHighlighter.h"
#include "app/CodeView.h"
#include "app/MarkdownSegments.h"

#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
constexpr int settleMs = 250;
}

CodeBlock::CodeBlock(CodeHighlighter *highlighter, QWidget *parent)
    : QFrame(parent)
    , m_highlighter(highlighter)
    , m_language(new QLabel(this))
    , m_view(new CodeView)
    , m_scroll(new QScrollArea(this))
    , m_copy(new QToolButton(this))
{
    setObjectName(QStringLiteral("codeBlock"));
    m_copy->setObjectName(QStringLiteral("copyCode"));
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_code); });
    m_language->setObjectName(QStringLiteral("codeLanguage"));
    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 2, 2, 0);
    header->addWidget(m_language);
    header->addStretch();
    header->addWidget(m_copy);

    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setAccessibleName(tr("Code"));
    // Long lines scroll sideways instead of wrapping the code.
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_scroll);
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &CodeBlock::requestColours);
}

void CodeBlock::setCode(const QString &language, const QString &code)
{
    // A displayed formula is shown as its TeX, whole, to read or copy.
    const bool formula = language == QLatin1String(mathLanguage);
    m_language->setText(formula ? tr("Formula (TeX)") : language.isEmpty() ? tr("Code") : language);
    m_copy->setText(formula ? tr("Copy formula") : tr("Copy code"));
    m_copy->setAccessibleName(m_copy->text());
    if (code == m_code && language == m_fenceLanguage)
        return;
    const bool first = m_code.isNull();
    m_code = code;
    m_fenceLanguage = language;
    showCode();
    if (!m_highlighter || !m_highlighter->isAvailable() || formula)
        return;
    // A new block is coloured at once (from the cache, when a conversation
    // opens again); a block being streamed at most every so often.
    if (first)
        requestColours();
    else if (!m_settle.isActive())
        m_settle.start();
}

void CodeBlock::requestColours()
{
    const QString code = m_code;
    m_highlighter->highlight(m_fenceLanguage, code, this, [this, code](const QString &xhtml) {
        if (!m_code.startsWith(code))
            return; // changed meanwhile: its own answer follows
        m_highlightedCode = code;
        m_view->setColours(CodeHighlighter::colouredRuns(xhtml));
    });
}

void CodeBlock::showCode()
{
    // While a reply streams, the coloured part stays coloured and what
    // came since follows plain until the next colouring.
    m_view->setCode(m_code);
    if (!m_highlightedCode.isEmpty() && !m_code.startsWith(m_highlightedCode)) {
        m_highlightedCode.clear();
        m_view->clearColours();
    }
    fitHeight();
}

void CodeBlock::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitHeight();
}

void CodeBlock::fitHeight()
{
    // All the lines, plus room for the sideways scroll bar only when needed.
    const QSize content = m_view->sizeHint();
    const bool wide = content.width() > m_scroll->width();
    m_scroll->setFixedHeight(content.height() +
                             (wide ? m_scroll->horizontalScrollBar()->sizeHint().height() : 0));
}

} // namespace hearth::ui
