#include "core/Config.h"
#include "core/ConfigFile.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace hearth;

namespace {
void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}
} // namespace

class TestConfig final : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        QTemporaryDir dir;
        const ConfigResult r = resolveConfig({}, {}, dir.path());
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(r.config.port, quint16(8080));
        QCOMPARE(r.config.dbDriver, QStringLiteral("sqlite"));
        QCOMPARE(r.config.dbPath, QDir(dir.path()).filePath(QStringLiteral("hearth.db")));
        QCOMPARE(r.config.accessTokenTtl, 3600);
        QCOMPARE(r.config.refreshTokenTtl, 604800);
        QCOMPARE(r.config.maxBodyBytes, qint64(4 * 1024 * 1024));
        QVERIFY(r.config.corsAllowedOrigins.isEmpty());
        QVERIFY(r.config.configFile.isEmpty());
    }

    void precedenceIsCommandLineThenEnvironmentThenFile()
    {
        QTemporaryDir dir;
        writeFile(QDir(dir.path()).filePath(QStringLiteral("hearth.conf")),
                  "# comment\nSERVER_PORT=1111\nSERVER_HOST=10.0.0.1\nJWT_ACCESS_EXPIRE=600\n");
        const ConfigLayer env{{QStringLiteral("SERVER_PORT"), QStringLiteral("2222")},
                              {QStringLiteral("SERVER_HOST"), QStringLiteral("0.0.0.0")}};
        const ConfigLayer cli{{QStringLiteral("SERVER_PORT"), QStringLiteral("3333")}};
        const ConfigResult r = resolveConfig(cli, env, dir.path());
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.port, quint16(3333));             // command line
        QCOMPARE(r.config.host, QStringLiteral("0.0.0.0")); // environment
        QCOMPARE(r.config.accessTokenTtl, 600);             // file
        QVERIFY(!r.config.configFile.isEmpty());
    }

    void explicitConfigFileAndDataDirFromEnvironment()
    {
        QTemporaryDir dir;
        const QString file = QDir(dir.path()).filePath(QStringLiteral("custom.conf"));
        writeFile(
            file,
            "CORS_ALLOWED_ORIGINS = http://a.example , http://b.example\n"
            "HEARTH_ADMIN_EMAIL='root@example.com'\nHEARTH_ADMIN_PASSWORD=\"p a s s w o r d\"\n");
        const ConfigLayer env{{QStringLiteral("HEARTH_CONFIG"), file},
                              {QStringLiteral("HEARTH_DATA_DIR"), dir.path()}};
        const ConfigResult r = resolveConfig({}, env, QStringLiteral("/nonexistent"));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.dataDir, dir.path());
        QCOMPARE(r.config.corsAllowedOrigins, QStringList({QStringLiteral("http://a.example"),
                                                           QStringLiteral("http://b.example")}));
        QCOMPARE(r.config.adminEmail, QStringLiteral("root@example.com"));
        QCOMPARE(r.config.adminPassword, QStringLiteral("p a s s w o r d"));
    }

    void badValuesAreReportedInPlainWords()
    {
        QTemporaryDir dir;
        const ConfigLayer env{{QStringLiteral("SERVER_PORT"), QStringLiteral("70000")},
                              {QStringLiteral("DB_DRIVER"), QStringLiteral("oracle")},
                              {QStringLiteral("HEARTH_ADMIN_EMAIL"), QStringLiteral("a@b.c")}};
        const ConfigResult r = resolveConfig({}, env, dir.path());
        QCOMPARE(r.errors.size(), 3);
        QVERIFY(r.errors.join(u'\n').contains(QLatin1String("SERVER_PORT must be a whole number")));
        QVERIFY(r.errors.join(u'\n').contains(QLatin1String("DB_DRIVER")));
        QVERIFY(r.errors.join(u'\n').contains(QLatin1String("HEARTH_ADMIN_PASSWORD")));
    }

    void unknownKeysAndBrokenLinesInTheFileAreErrors()
    {
        QTemporaryDir dir;
        const QString file = QDir(dir.path()).filePath(QStringLiteral("hearth.conf"));
        writeFile(file, "SERVER_PROT=1\nnot a setting\n");
        const ConfigResult r = resolveConfig({}, {}, dir.path());
        QCOMPARE(r.errors.size(), 2);
        QVERIFY(r.errors.join(u'\n').contains(QLatin1String("unknown setting SERVER_PROT")));
        QVERIFY(r.errors.join(u'\n').contains(QLatin1String("line 2")));
    }

    void missingExplicitConfigFileIsAnError()
    {
        QTemporaryDir dir;
        const ConfigResult r = resolveConfig(
            {{QStringLiteral("HEARTH_CONFIG"), QStringLiteral("/nonexistent/hearth.conf")}}, {},
            dir.path());
        QCOMPARE(r.errors.size(), 1);
    }

    void providersFromSingularAndPluralVariables()
    {
        QTemporaryDir dir;
        ConfigResult r = resolveConfig(
            {},
            {{QStringLiteral("OPENAI_API_BASE_URL"), QStringLiteral("http://127.0.0.1:11434/v1")}},
            dir.path());
        QCOMPARE(r.config.providers.size(), 1);
        QCOMPARE(r.config.providers[0].apiKey, QString());

        r = resolveConfig(
            {},
            {{QStringLiteral("OPENAI_API_BASE_URLS"),
              QStringLiteral("https://api.deepseek.com/v1;http://localhost:11434/v1")},
             {QStringLiteral("OPENAI_API_KEYS"), QStringLiteral("sk-one;")}},
            dir.path());
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.config.providers.size(), 2);
        QCOMPARE(r.config.providers[0].apiKey, QStringLiteral("sk-one"));
        QCOMPARE(r.config.providers[1].baseUrl, QStringLiteral("http://localhost:11434/v1"));

        r = resolveConfig({}, {{QStringLiteral("OPENAI_API_BASE_URL"), QStringLiteral("ftp://x")}},
                          dir.path());
        QCOMPARE(r.errors.size(), 1);
    }

    void everySettingReadIsAKnownKey()
    {
        const QStringList keys = knownConfigKeys();
        for (const char *key :
             {"SERVER_HOST", "SERVER_PORT", "HEARTH_DATA_DIR", "HEARTH_CONFIG", "DB_DRIVER",
              "DB_SSL_MODE", "JWT_SECRET", "CORS_ALLOWED_ORIGINS", "HEARTH_ADMIN_EMAIL",
              "OPENAI_API_BASE_URL", "OPENAI_API_KEY", "OPENAI_API_BASE_URLS", "OPENAI_API_KEYS",
              "HEARTH_CHAT_RATE_LIMIT", "HEARTH_TIME_ZONE", "HEARTH_TRUSTED_PROXIES",
              "HEARTH_OLLAMA_URL", "HEARTH_MAX_BODY_BYTES", "HEARTH_ACCESS_LOG"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        // And a config file may use each of them.
        QTemporaryDir dir;
        writeFile(QDir(dir.path()).filePath(QStringLiteral("hearth.conf")),
                  "HEARTH_CHAT_RATE_LIMIT=10/minute\nHEARTH_TRUSTED_PROXIES=10.0.0.0/"
                  "8\nHEARTH_TIME_ZONE=Asia/Shanghai\n");
        const ConfigResult r = resolveConfig({}, {}, dir.path());
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.config.chatRateLimit, QStringLiteral("10/minute"));
        QCOMPARE(r.config.trustedProxies, QStringList{QStringLiteral("10.0.0.0/8")});
        QCOMPARE(r.config.timeZone, QStringLiteral("Asia/Shanghai"));
    }

    void configTextParsing()
    {
        const ConfigFileContents c = parseConfigText(QStringLiteral(
            "  \n# x\nA=1\nB = two words \nC=\"quoted # not comment\"\n=bad\nlower=x\n"));
        QCOMPARE(c.values.value(QStringLiteral("A")), QStringLiteral("1"));
        QCOMPARE(c.values.value(QStringLiteral("B")), QStringLiteral("two words"));
        QCOMPARE(c.values.value(QStringLiteral("C")), QStringLiteral("quoted # not comment"));
        QCOMPARE(c.errors.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
