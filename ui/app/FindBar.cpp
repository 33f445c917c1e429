#include "app/FindBar.h"

#include "app/CodeView.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QTextDocument>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QToolButton>

namespace hearth::ui {

FindBar::FindBar(MessageView *view, QWidget *parent)
    : QFrame(parent)
    , m_view(view)
    , m_field(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_older(new QToolButton(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setPlaceholderText(tr("Find in this conversation"));
    m_field->setAccessibleName(tr("Find in this conversation"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    auto *previousButton = new QToolButton(this);
    previousButton->setText(tr("Previous"));
    previousButton->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *nextButton = new QToolButton(this);
    nextButton->setText(tr("Next"));
    nextButton->setToolTip(tr("Next match (Enter)"));
    auto *closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("×"));
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAccessibleName(tr("Close find"));
    for (QToolButton *button : {previousButton, nextButton, closeButton})
        button->setAutoRaise(true);
    connect(previousButton, &QToolButton::clicked, this, &FindBar::previous);
    connect(nextButton, &QToolButton::clicked, this, &FindBar::next);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    // Only the newest messages are loaded at first; older ones come a page
    // at a time, and are searched once they are here.
    m_older->setObjectName(QStringLiteral("searchOlder"));
    m_older->setText(tr("Search older messages"));
    m_older->setToolTip(tr("Load the previous page of this conversation and search it too"));
    m_older->setAutoRaise(true);
    m_older->hide();
    connect(m_older, &QToolButton::clicked, this, [this] {
        m_older->setEnabled(false); // until the page is here
        m_view->requestOlder();
    });
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::refresh);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_older);
    layout->addWidget(previousButton);
    layout->addWidget(nextButton);
    layout->addWidget(closeButton);
    hide();
}

void FindBar::open()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
    refresh();
}

void FindBar::close()
{
    clearSelection();
    m_matches.clear();
    m_shown.clear();
    m_current = -1;
    hide();
}

QString FindBar::countText() const
{
    return m_count->text();
}

void FindBar::refresh()
{
    clearSelection();
    m_matches.clear();
    m_current = -1;
    const QString needle = m_field->text();
    m_older->setVisible(m_view->hasOlder() && !needle.isEmpty());
    m_older->setEnabled(true);
    if (needle.isEmpty() || isHidden()) {
        m_count->clear();
        return;
    }
    for (MessageBubble *bubble : m_view->bubbles()) {
        for (QWidget *target : bubble->textWidgets()) {
            const QString text = shownText(target);
            for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
                m_matches.append({target, int(at), int(needle.size())});
        }
    }
    if (m_matches.isEmpty()) {
        m_count->setText(tr("No matches"));
        return;
    }
    go(0);
}

QString FindBar::shownText(const QWidget *target)
{
    if (const auto *code = qobject_cast<const CodeView *>(target))
        return code->code();
    const auto *label = static_cast<const QLabel *>(target);
    if (label->textFormat() == Qt::PlainText)
        return label->text();
    // Parsed once per text, not on every key typed in the field.
    Shown &shown = m_shown[label];
    if (shown.source != label->text()) {
        QTextDocument document;
        if (label->textFormat() == Qt::MarkdownText)
            document.setMarkdown(label->text());
        else
            document.setHtml(label->text());
        shown = {label->text(), document.toPlainText()};
    }
    return shown.plain;
}

void FindBar::next()
{
    if (!m_matches.isEmpty())
        go((m_current + 1) % int(m_matches.size()));
}

void FindBar::previous()
{
    if (!m_matches.isEmpty())
        go((m_current + int(m_matches.size()) - 1) % int(m_matches.size()));
}

void FindBar::go(int index)
{
    clearSelection();
    m_current = index;
    const Match &match = m_matches.at(index);
    m_count->setText(tr("%1 of %2").arg(index + 1).arg(m_matches.size()));
    if (!match.target)
        return; // gone since (a message removed): the next search drops it
    select(match, true);
    auto *code = qobject_cast<CodeView *>(match.target);
    if (!code) {
        m_view->ensureWidgetVisible(match.target, 0, m_view->height() / 3);
        return;
    }
    // In a long block, its line; in a wide one, sideways to it as well.
    const QRect at = code->positionRect(match.start);
    for (QWidget *up = code->parentWidget(); up; up = up->parentWidget()) {
        auto *area = qobject_cast<QScrollArea *>(up);
        if (!area || !area->widget())
            continue;
        const QPoint point = code->mapTo(area->widget(), at.center());
        area->ensureVisible(point.x(), point.y(), 50, area == m_view ? m_view->height() / 3 : 0);
        if (area == m_view)
            break;
    }
}

void FindBar::select(const Match &match, bool on)
{
    if (auto *code = qobject_cast<CodeView *>(match.target))
        code->setSelection(match.start, on ? match.length : 0);
    else if (auto *label = qobject_cast<QLabel *>(match.target))
        label->setSelection(on ? match.start : 0, on ? match.length : 0);
}

void FindBar::clearSelection()
{
    if (m_current >= 0 && m_current < m_matches.size())
        select(m_matches.at(m_current), false);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::ShortcutOverride) {
        // Esc closes this bar rather than stopping a reply.
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape)
            event->accept();
    } else if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool back = key->modifiers() & Qt::ShiftModifier;
        switch (key->key()) {
        case Qt::Key_Escape:
            close();
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_F3:
            back ? previous() : next();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace hearth::ui
