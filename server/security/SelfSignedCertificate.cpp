#include "security/SelfSignedCertificate.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSysInfo>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace hearth {

namespace {

template<typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, decltype(Free)>;

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData());
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    Owned<BIO, BIO_free_all> bio(BIO_new(BIO_s_mem()), BIO_free_all);
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

bool writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions permissions)
{
    QFile file(path);
    // Permissions first, so the key is never readable by others, even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.setPermissions(permissions);
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace

std::optional<SelfSignedCertificate>
SelfSignedCertificate::ensure(const QString &folder, const QStringList &addresses, QString *error)
{
    SelfSignedCertificate files{QDir(folder).filePath(QStringLiteral("cert.pem")),
                                QDir(folder).filePath(QStringLiteral("key.pem"))};
    if (QFileInfo::exists(files.certPath) && QFileInfo::exists(files.keyPath))
        return files;
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return std::nullopt;
    }
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    Owned<X509, X509_free> cert(X509_new(), X509_free);
    Owned<BIGNUM, BN_free> serial(BN_new(), BN_free);
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    QStringList names{QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"),
                      QStringLiteral("IP:::1")};
    if (!host.isEmpty())
        names.prepend(QStringLiteral("DNS:") + QString::fromUtf8(host));
    for (const QString &address : addresses) {
        const QString entry = QStringLiteral("IP:") + address;
        if (!names.contains(entry))
            names << entry;
    }
    X509_NAME *subject = cert ? X509_get_subject_name(cert.get()) : nullptr;
    const bool made =
        key && cert && serial && X509_set_version(cert.get(), 2) == 1 &&
        BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) &&
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) &&
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 86400) &&
        X509_set_pubkey(cert.get(), key.get()) == 1 &&
        X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Hearth"), -1, -1,
                                   0) == 1 &&
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(
                                       host.isEmpty() ? "localhost" : host.constData()),
                                   -1, -1, 0) == 1 &&
        X509_set_issuer_name(cert.get(), subject) == 1 &&
        addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") &&
        addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") &&
        addExtension(cert.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(cert.get(), NID_subject_alt_name, names.join(QLatin1Char(',')).toUtf8()) &&
        X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    const QByteArray certPem =
        made ? pem([&](BIO *bio) { return PEM_write_bio_X509(bio, cert.get()); }) : QByteArray();
    const QByteArray keyPem = made ? pem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    })
                                   : QByteArray();
    if (certPem.isEmpty() || keyPem.isEmpty()) {
        *error = QStringLiteral("OpenSSL could not make a certificate");
        return std::nullopt;
    }
    if (!writeFile(files.keyPath, keyPem, QFile::ReadOwner | QFile::WriteOwner) ||
        !writeFile(files.certPath, certPem,
                   QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)) {
        *error = QStringLiteral("cannot write the certificate to %1").arg(folder);
        QFile::remove(files.keyPath);
        return std::nullopt;
    }
    return files;
}

} // namespace hearth
