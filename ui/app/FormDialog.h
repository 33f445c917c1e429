#pragma once

#include <QtWidgets/QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace hearth::ui {

// A small form that submits to the server and stays open until it
// succeeds: the page that owns it sends the request on submitted() and
// answers with accept() or showError(), so a refused form keeps what the
// user typed and says why in plain words.
class FormDialog final : public QDialog
{
    Q_OBJECT
public:
    FormDialog(const QString &title, QWidget *parent);

    void addRow(const QString &label, QWidget *field);
    // A value that may be left unset (the model's or the server's default): a
    // "Set" box enables the field. Returns the box.
    QCheckBox *addOptionalRow(const QString &label, QWidget *field, bool set,
                              const QString &accessibleName);
    void addNote(const QString &text);
    void setSubmitText(const QString &text);
    void showError(const QString &error);
    QString shownError() const;
    // Sends the form as if OK was pressed (keyboard Enter does the same).
    void submit();

signals:
    void submitted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void growToFit();
    QFormLayout *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace hearth::ui
