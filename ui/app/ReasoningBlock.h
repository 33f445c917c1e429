#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>
#include <QtWidgets/QFrame>

class QLabel;
class QToolButton;

namespace hearth::ui {

// A reasoning model's thinking, above its answer. While the model thinks it
// reads "Thinking… 3 s" with the seconds counting and shows the thoughts as
// they come; once the answer begins it folds into "Thought for 12 s", which
// a click opens again. Copy and Edit never take it.
class ReasoningBlock final : public QFrame
{
    Q_OBJECT
public:
    explicit ReasoningBlock(QWidget *parent = nullptr);

    // Live: the first call starts the count.
    void appendText(const QString &delta);
    // The thinking is over (`durationMs` < 0: as measured here).
    void finish(qint64 durationMs = -1);
    // A stored reply's thinking, folded.
    void setText(const QString &text, qint64 durationMs);

    QString text() const { return m_text; }
    bool isThinking() const { return m_thinking; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QString title() const;

private:
    void updateTitle();
    void showText();

    QToolButton *m_toggle;
    QLabel *m_body;
    QString m_text;
    bool m_thinking = false;
    bool m_expanded = false;
    qint64 m_durationMs = 0;
    QElapsedTimer m_clock;
    QTimer m_tick;   // the seconds while thinking
    QTimer m_render; // at most every 100 ms however many deltas arrive
};

} // namespace hearth::ui
