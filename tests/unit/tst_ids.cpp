#include "core/Ids.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QUuid>
#include <QtTest/QTest>

using namespace hearth;

class TestIds final : public QObject
{
    Q_OBJECT

private slots:
    void anIdIsAVersion7Uuid()
    {
        const QString id = newId();
        static const QRegularExpression shape(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        const QUuid parsed(id);
        QVERIFY(!parsed.isNull());
        QCOMPARE(parsed.toString(QUuid::WithoutBraces), id);
        QCOMPARE(int(parsed.variant()), int(QUuid::DCE));
    }

    void anIdStartsWithItsTime()
    {
        const qint64 at = 1763800000123; // 2025-11-22, to the millisecond
        const QString id = newIdAt(at);
        const QString hex = id.left(8) + id.mid(9, 4);
        QCOMPARE(hex.toLongLong(nullptr, 16), at);
    }

    void laterIdsSortLater()
    {
        QString previous = newIdAt(1000);
        for (qint64 ms = 1001; ms < 1100; ++ms) {
            const QString next = newIdAt(ms);
            QVERIFY2(next > previous, qPrintable(previous + QLatin1Char(' ') + next));
            previous = next;
        }
    }

    void idsOfOneMillisecondDiffer()
    {
        QSet<QString> seen;
        for (int i = 0; i < 10000; ++i)
            seen.insert(newIdAt(42));
        QCOMPARE(seen.size(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
