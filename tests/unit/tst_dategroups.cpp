#include "app/DateGroups.h"

#include <QtTest/QTest>

using namespace hearth::ui;

Q_DECLARE_METATYPE(DateGroup)

class TestDateGroups final : public QObject
{
    Q_OBJECT
private slots:
    void groups_data()
    {
        QTest::addColumn<QDateTime>("updated");
        QTest::addColumn<DateGroup>("group");
        const QDateTime now(QDate(2026, 11, 22), QTime(9, 0));
        QTest::newRow("earlier today") << now.addSecs(-3600 * 8) << DateGroup::Today;
        QTest::newRow("in the future (clock skew)") << now.addSecs(600) << DateGroup::Today;
        QTest::newRow("last night")
            << QDateTime(QDate(2026, 11, 21), QTime(23, 50)) << DateGroup::Yesterday;
        QTest::newRow("six days ago") << now.addDays(-6) << DateGroup::LastSevenDays;
        QTest::newRow("a week ago") << now.addDays(-7) << DateGroup::Older;
        QTest::newRow("last year") << now.addYears(-1) << DateGroup::Older;
    }
    void groups()
    {
        QFETCH(QDateTime, updated);
        QFETCH(DateGroup, group);
        QCOMPARE(dateGroupOf(updated, QDateTime(QDate(2026, 11, 22), QTime(9, 0))), group);
    }

    void titlesAreNotEmpty()
    {
        for (DateGroup g :
             {DateGroup::Today, DateGroup::Yesterday, DateGroup::LastSevenDays, DateGroup::Older})
            QVERIFY(!dateGroupTitle(g).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDateGroups)
#include "tst_dategroups.moc"
