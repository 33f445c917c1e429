#include "app/Language.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

namespace hearth::ui {

QString installLanguage(const QString &requested)
{
    static QTranslator *ours = nullptr;
    static QTranslator *qts = nullptr;
    for (QTranslator *t : {ours, qts}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    ours = qts = nullptr;
    QString language = requested;
    if (language.isEmpty())
        language = qEnvironmentVariable("HEARTH_LANGUAGE");
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                                    : QStringLiteral("en");
    ours = new QTranslator(qApp);
    if (ours->load(QStringLiteral(":/i18n/hearth_%1.qm").arg(language)))
        QCoreApplication::installTranslator(ours);
    // Qt's own dialogs (buttons such as "Cancel") in the same language.
    qts = new QTranslator(qApp);
    if (qts->load(QStringLiteral("qtbase_%1").arg(language),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qts);
    QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace hearth::ui
