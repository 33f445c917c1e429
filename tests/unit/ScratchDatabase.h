#pragma once

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <memory>

// A fresh SQLite database for the running test function, in `dir`; with a
// table `numbers (n INTEGER PRIMARY KEY)` when asked. Null (and a test
// failure) when it cannot be made.
inline std::unique_ptr<hearth::Database> scratchDatabase(const QTemporaryDir &dir,
                                                         bool withNumbers = false)
{
    hearth::DatabaseSettings settings;
    settings.sqlitePath =
        QDir(dir.path())
            .filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".db"));
    QString error;
    auto db = hearth::Database::create(settings, &error);
    if (!db) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return db;
    }
    if (withNumbers) {
        QSqlQuery create(db->connection());
        if (!create.exec(QStringLiteral("CREATE TABLE numbers (n INTEGER PRIMARY KEY)"))) {
            QTest::qFail("cannot create the numbers table", __FILE__, __LINE__);
            return nullptr;
        }
    }
    return db;
}

// The same, with Hearth's schema.
inline std::unique_ptr<hearth::Database> migratedScratchDatabase(const QTemporaryDir &dir)
{
    auto db = scratchDatabase(dir);
    QString error;
    if (db && !hearth::Migrator(*db).migrate(&error)) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return nullptr;
    }
    return db;
}
