#include "app/Confirm.h"

#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace hearth::ui {

void confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                        const QString &action, std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmDestructive"));
    QPushButton *go = box->addButton(action, QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, go, confirmed = std::move(confirmed)] {
        if (box->clickedButton() == go)
            confirmed();
    });
    box->open();
}

} // namespace hearth::ui
