#pragma once

// Helpers the desktop UI tests share. HEARTH_SCREENSHOTS (the folder for
// screenshots) is defined for each UI test by hearth_add_ui_test().

#include "app/ChatPanel.h"
#include "app/ModelPicker.h"
#include "client/ApiConnection.h"

#include <QtCore/QDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QWidget>

#include <memory>

// A connection signed in as email/password; null when the server did not answer.
inline std::unique_ptr<hearth::client::ApiConnection>
signedInConnection(const QString &baseUrl, const QString &email, const QString &password)
{
    auto api = std::make_unique<hearth::client::ApiConnection>(QUrl(baseUrl));
    QSignalSpy finished(api->login(email, password), &hearth::client::ApiCall::finished);
    if (!finished.wait(10000))
        return nullptr;
    return api;
}

// Picks model `id` in the chat's picker once the models are loaded.
inline bool chooseModel(hearth::ui::ChatPanel *chat, const QString &id)
{
    QComboBox *models = chat->modelPicker();
    if (!QTest::qWaitFor([&] { return models->findData(id) >= 0; }, 10000))
        return false;
    models->setCurrentIndex(models->findData(id));
    return true;
}

// Saves what `widget` shows as <screenshots>/<name>.png for a person to review.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(HEARTH_SCREENSHOTS));
    // Widgets added to a shown layout appear on the next turns of the event
    // loop, as they would for a person looking: let those turns happen (a
    // nested layout settles one level per turn).
    for (int turn = 0; turn < 4; ++turn) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
    return widget.grab().save(QStringLiteral(HEARTH_SCREENSHOTS "/") + name +
                              QStringLiteral(".png"));
}
