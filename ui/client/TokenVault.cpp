#include "client/TokenVault.h"

#include <QtCore/QPointer>
#include <qt6keychain/keychain.h>

namespace hearth::client {

namespace {

QString reasonOf(const QKeychain::Job *job)
{
    if (job->error() == QKeychain::NoBackendAvailable)
        return TokenVault::tr("This system has no keychain to keep your sign-in in.");
    return job->errorString();
}

// Runs the job and reports to `context` if it is still there.
template<typename Report> void run(QKeychain::Job *job, QObject *context, Report report)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [report](QKeychain::Job *finished) { report(finished); });
    job->start();
}

} // namespace

TokenVault::TokenVault(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString TokenVault::account(const QString &serverUrl, const QString &email)
{
    return email.trimmed().toLower() + QLatin1Char(' ') + serverUrl;
}

void TokenVault::read(const QString &account, QObject *context, Found found)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account);
    run(job, context, [found](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::EntryNotFound)
            found({}, {});
        else if (read->error() != QKeychain::NoError)
            found({}, reasonOf(read));
        else
            found(read->textData(), {});
    });
}

void TokenVault::write(const QString &account, const QString &token, QObject *context, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account);
    job->setTextData(token);
    run(job, context, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError ? QString() : reasonOf(finished));
    });
}

void TokenVault::remove(const QString &account, QObject *context, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account);
    run(job, context, [done](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError ||
                          finished->error() == QKeychain::EntryNotFound;
        done(gone ? QString() : reasonOf(finished));
    });
}

} // namespace hearth::client
