#include "client/TokenVault.h"

#include <QtCore/QUuid>
#include <QtTest/QTest>

using hearth::client::TokenVault;

// The sign-in kept in the system keychain. Run by ctest twice: inside a
// private D-Bus session with a real GNOME keyring (with_keyring.sh), and
// with no session bus at all, where every call must fail with a reason
// instead of hanging or pretending.
class TestTokenVault final : public QObject
{
    Q_OBJECT
    TokenVault m_vault{QStringLiteral("Hearth test")};

    struct Answer
    {
        bool arrived = false;
        QString token;
        QString error;
    };
    Answer read(const QString &account)
    {
        Answer answer;
        m_vault.read(account, this, [&](const QString &token, const QString &error) {
            answer = {true, token, error};
        });
        QTest::qWaitFor([&] { return answer.arrived; }, 20000);
        return answer;
    }
    Answer write(const QString &account, const QString &token)
    {
        Answer answer;
        m_vault.write(account, token, this, [&](const QString &error) {
            answer = {true, {}, error};
        });
        QTest::qWaitFor([&] { return answer.arrived; }, 20000);
        return answer;
    }
    Answer remove(const QString &account)
    {
        Answer answer;
        m_vault.remove(account, this, [&](const QString &error) { answer = {true, {}, error}; });
        QTest::qWaitFor([&] { return answer.arrived; }, 20000);
        return answer;
    }

private slots:
    void keepsReplacesAndForgetsAToken()
    {
        const QString account = TokenVault::account(QStringLiteral("http://192.168.1.20:8080"),
                                                    QStringLiteral("Me@X.org"));
        QCOMPARE(account, QStringLiteral("me@x.org http://192.168.1.20:8080"));
        Answer answer = read(account);
        QVERIFY(answer.arrived);
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QVERIFY(answer.token.isEmpty()); // nothing kept yet

        const QString first = QUuid::createUuid().toString();
        QVERIFY(write(account, first).error.isEmpty());
        QCOMPARE(read(account).token, first);
        const QString rotated = QUuid::createUuid().toString();
        QVERIFY(write(account, rotated).error.isEmpty());
        QCOMPARE(read(account).token, rotated);
        // Another account on the same server is another entry.
        const QString other = TokenVault::account(QStringLiteral("http://192.168.1.20:8080"),
                                                  QStringLiteral("you@x.org"));
        QVERIFY(read(other).token.isEmpty());

        QVERIFY(remove(account).error.isEmpty());
        answer = read(account);
        QVERIFY(answer.error.isEmpty());
        QVERIFY(answer.token.isEmpty());
        QVERIFY(remove(account).error.isEmpty()); // forgetting twice is fine
    }

    void withoutAKeychainEveryCallSaysWhy()
    {
        const QString account =
            TokenVault::account(QStringLiteral("http://h"), QStringLiteral("a@b.c"));
        const Answer written = write(account, QStringLiteral("secret"));
        QVERIFY(written.arrived);
        QVERIFY(!written.error.isEmpty());
        const Answer answer = read(account);
        QVERIFY(answer.arrived);
        QVERIFY(!answer.error.isEmpty());
        QVERIFY(answer.token.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_token_vault.moc"
