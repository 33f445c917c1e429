#include "app/FormDialog.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

FormDialog::FormDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    setMinimumWidth(440);
    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->setWordWrap(true);
    m_error->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
}

void FormDialog::addRow(const QString &label, QWidget *field)
{
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    m_form->addRow(label, field);
}

QCheckBox *FormDialog::addOptionalRow(const QString &label, QWidget *field, bool set,
                                      const QString &accessibleName)
{
    auto *own = new QCheckBox(tr("Set"), this);
    own->setChecked(set);
    field->setEnabled(set);
    connect(own, &QCheckBox::toggled, field, &QWidget::setEnabled);
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(own);
    layout->addWidget(field, 1);
    m_form->addRow(label, row);
    field->setAccessibleName(accessibleName);
    own->setAccessibleName(tr("Set %1").arg(accessibleName));
    return own;
}

void FormDialog::addNote(const QString &text)
{
    auto *note = new QLabel(text, this);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("messageNote"));
    m_form->addRow(note);
}

void FormDialog::setSubmitText(const QString &text)
{
    m_buttons->button(QDialogButtonBox::Ok)->setText(text);
}

void FormDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    growToFit();
}

void FormDialog::growToFit()
{
    // Wrapped text (the note, a long error) needs more height at this width
    // than the layout first gave it; never shrink what the user resized.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void FormDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    growToFit();
}

QString FormDialog::shownError() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void FormDialog::submit()
{
    // One request at a time: OK comes back with the answer.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_error->hide();
    emit submitted();
}

} // namespace hearth::ui
