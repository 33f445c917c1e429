#include "llm/RelayBody.h"

#include <QtTest/QTest>

using hearth::rewriteMembers;
using hearth::topLevelMembers;

namespace {
const QList<QPair<QString, QByteArray>> hearthOwns{{QStringLiteral("model"), "\"m\""},
                                                   {QStringLiteral("stream"), "true"}};
}

class TestRelayBody final : public QObject
{
    Q_OBJECT

private slots:
    void membersAreFoundInOrder();
    void onlyWellFormedObjectsAreScanned_data();
    void onlyWellFormedObjectsAreScanned();
    void ownedMembersAreRewrittenInPlace();
    void missingMembersAreAppended();
    void duplicatesOfAnOwnedMemberAreDropped();
    void anEmptyValueRemovesTheMember();
    void keysAndStringsAreQuoted();
};

// Defined outside the class: moc cannot read their raw-string JSON.
void TestRelayBody::membersAreFoundInOrder()
{
    const QByteArray json = R"( { "b" : [1, {"}": "]"}] , "a\u0062":"x\"y", "c":null } )";
    const auto members = topLevelMembers(json);
    QVERIFY(members);
    QCOMPARE(members->size(), 3);
    QCOMPARE(members->at(0).key, QStringLiteral("b"));
    QCOMPARE(json.mid(members->at(0).begin, members->at(0).end - members->at(0).begin),
             QByteArray(R"("b" : [1, {"}": "]"}])"));
    QCOMPARE(members->at(1).key, QStringLiteral("ab")); // the escape decoded
    QCOMPARE(members->at(2).key, QStringLiteral("c"));
    QVERIFY(topLevelMembers("{}")->isEmpty());
}

void TestRelayBody::onlyWellFormedObjectsAreScanned_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray("[1]");
    QTest::newRow("unterminated") << QByteArray(R"({"a":"x)");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("two objects") << QByteArray(R"({"a":1} {"b":2})");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
}

void TestRelayBody::onlyWellFormedObjectsAreScanned()
{
    QFETCH(QByteArray, json);
    QVERIFY(!topLevelMembers(json));
    QCOMPARE(rewriteMembers(json, hearthOwns), json);
}

void TestRelayBody::ownedMembersAreRewrittenInPlace()
{
    QCOMPARE(rewriteMembers(R"({"x":1.50,"stream":false,"model":"a","y":[2]})", hearthOwns),
             QByteArray(R"({"x":1.50,"stream":true,"model":"m","y":[2]})"));
}

void TestRelayBody::missingMembersAreAppended()
{
    QCOMPARE(rewriteMembers(R"({"seed":18446744073709551615})", hearthOwns),
             QByteArray(R"({"seed":18446744073709551615,"model":"m","stream":true})"));
    QCOMPARE(rewriteMembers("{}", hearthOwns), QByteArray(R"({"model":"m","stream":true})"));
}

void TestRelayBody::duplicatesOfAnOwnedMemberAreDropped()
{
    // The provider must not read a model other than the one Hearth routed.
    QCOMPARE(
        rewriteMembers(R"({"model":"cheap","n":1,"model":"dear","mod\u0065l":"x"})", hearthOwns),
        QByteArray(R"({"model":"m","n":1,"stream":true})"));
}

void TestRelayBody::anEmptyValueRemovesTheMember()
{
    QCOMPARE(rewriteMembers(R"({"a":1,"b":2})", {{QStringLiteral("a"), QByteArray()}}),
             QByteArray(R"({"b":2})"));
}

void TestRelayBody::keysAndStringsAreQuoted()
{
    QCOMPARE(hearth::jsonString(QStringLiteral("a\"b\\c\n模型")),
             QByteArray("\"a\\\"b\\\\c\\n") + QStringLiteral("模型").toUtf8() + '"');
}

QTEST_GUILESS_MAIN(TestRelayBody)
#include "tst_relaybody.moc"
