// The hearth executable's command line with no display at all: --version
// and --help print and leave; a mistake is a clear error, not a crash.
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

class TestDesktopCli final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;

    struct Run
    {
        QProcess::ExitStatus status = QProcess::CrashExit;
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        // Were the window to open anyway, it would touch this folder only.
        env.insert(QStringLiteral("HEARTH_DATA_DIR"), m_data.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_data.path());
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HEARTH_DESKTOP_BINARY), arguments);
        if (!finished.wait(30000))
            process.kill();
        return {process.exitStatus(), process.exitCode(),
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void versionPrintsWithoutADisplay()
    {
        for (const QString &option : {QStringLiteral("--version"), QStringLiteral("-v")}) {
            const Run result = run({option});
            QCOMPARE(result.status, QProcess::NormalExit);
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.out.startsWith(QLatin1String("hearth ")), qPrintable(result.out));
            QVERIFY(result.out.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
        }
    }

    void helpPrintsWithoutADisplay()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("--headless")));
        QVERIFY(result.out.contains(QLatin1String("--version")));
        // Qt's own options are accepted but not listed.
        QVERIFY(!result.out.contains(QLatin1String("--platform")));
    }

    void anUnknownOptionIsAClearError()
    {
        const Run result = run({QStringLiteral("--frobnicate")});
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("frobnicate")), qPrintable(result.err));
        QVERIFY(result.err.contains(QLatin1String("--help")));
        QVERIFY(result.out.isEmpty());
    }

    void aStrayArgumentIsAClearError()
    {
        const Run result = run({QStringLiteral("chat.txt")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("chat.txt")));
    }

    void headlessAnswersAsTheServer()
    {
        const Run result = run({QStringLiteral("--headless"), QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QLatin1String("hearth-server ")), qPrintable(result.out));
    }
};

QTEST_GUILESS_MAIN(TestDesktopCli)
#include "tst_desktop_cli.moc"
