#include "passwords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <algorithm>
#include <iterator>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace natter {

// libsodium's "interactive" Argon2id profile: 2 passes over 64 MiB, about a tenth of a second on one
// desktop core. It is what libsodium recommends for logins a person waits for, and well above OWASP's
// Argon2id floor (19 MiB, 2 passes). The "moderate" profile (256 MiB, ~0.7 s) would let a handful of
// simultaneous logins exhaust a small self-hosted server's memory. Hashes record their parameters, so
// raising these later only makes passwordNeedsRehash() true for older hashes.
static_assert(passwordHashPasses == crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
static_assert(passwordHashMemoryBytes == crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);

namespace {

/// libsodium must be initialised before use; a function-local static runs sodium_init exactly once even
/// when the first calls come from several threads at once.
void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qFatal("libsodium could not be initialised (no secure random number source)");
}

/// Normalising could grow without bound on absurd input; anything this long is refused before that.
constexpr qsizetype maxPasswordUnits = 4 * maxPasswordBytes;

/**
 * The bytes that are hashed: NFKC-normalised (NIST SP 800-63B 5.1.1.2), so the same password typed with
 * composed or decomposed accents, or full-width letters, on another system still matches; then UTF-8.
 * Wiped when done, to keep at least the copy this file controls out of freed memory.
 */
class PasswordBytes
{
public:
    explicit PasswordBytes(const QString &password)
    {
        if (password.size() > maxPasswordUnits || !QStringView(password).isValidUtf16())
            return;
        m_utf8 = password.normalized(QString::NormalizationForm_KC).toUtf8();
        m_valid = m_utf8.size() <= maxPasswordBytes;
    }
    ~PasswordBytes()
    {
        if (!m_utf8.isEmpty())
            sodium_memzero(m_utf8.data(), size_t(m_utf8.size()));
    }
    PasswordBytes(const PasswordBytes &) = delete;
    PasswordBytes &operator=(const PasswordBytes &) = delete;

    /// Valid UTF-16 and at most maxPasswordBytes once normalised.
    bool isValid() const { return m_valid; }
    const char *data() const { return m_utf8.constData(); }
    unsigned long long size() const { return quint64(m_utf8.size()); }

private:
    QByteArray m_utf8;
    bool m_valid = false;
};

/// @p hash as the NUL-terminated buffer libsodium reads, or false if it cannot be a libsodium hash string.
bool toHashBuffer(const QByteArray &hash, char (&buffer)[crypto_pwhash_STRBYTES])
{
    if (hash.isEmpty() || hash.size() >= qsizetype(crypto_pwhash_STRBYTES) || hash.contains('\0'))
        return false;
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    std::copy(hash.begin(), hash.end(), buffer);
    return true;
}

QString keyFileRefusal(const QString &path, const QString &problem)
{
    return u"the token signing key %1 %2. Delete it and restart to generate a new key (everyone will have to log "
           "in again)."_s.arg(path, problem);
}

} // namespace

std::optional<QString> passwordPolicyViolation(const QString &password)
{
    if (!QStringView(password).isValidUtf16())
        return u"the password contains invalid characters"_s;
    const QString tooLong = u"a password can be at most %1 bytes long (UTF-8)"_s.arg(maxPasswordBytes);
    if (password.size() > maxPasswordUnits)
        return tooLong;
    const QString normalized = password.normalized(QString::NormalizationForm_KC);
    if (normalized.toUtf8().size() > maxPasswordBytes)
        return tooLong;
    // Characters are code points: a surrogate pair (one emoji) counts once.
    const qsizetype characters = normalized.size() - std::count_if(normalized.cbegin(), normalized.cend(),
                                                                   [](QChar c) { return c.isLowSurrogate(); });
    if (characters < minPasswordLength)
        return u"a password needs at least %1 characters"_s.arg(minPasswordLength);
    return std::nullopt;
}

QByteArray hashPassword(const QString &password)
{
    if (passwordPolicyViolation(password))
        return {};
    const PasswordBytes bytes(password);
    if (!bytes.isValid())
        return {};
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    // Pinned to Argon2id rather than crypto_pwhash_str's default, so a libsodium update cannot change it.
    if (crypto_pwhash_str_alg(out, bytes.data(), bytes.size(), passwordHashPasses, passwordHashMemoryBytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {}; // The memory could not be allocated.
    return QByteArray(out);
}

bool verifyPassword(const QByteArray &hash, const QString &password)
{
    char buffer[crypto_pwhash_STRBYTES];
    if (!toHashBuffer(hash, buffer))
        return false;
    const PasswordBytes bytes(password);
    if (!bytes.isValid())
        return false;
    ensureSodium();
    return crypto_pwhash_str_verify(buffer, bytes.data(), bytes.size()) == 0;
}

bool passwordNeedsRehash(const QByteArray &hash)
{
    char buffer[crypto_pwhash_STRBYTES];
    if (!toHashBuffer(hash, buffer))
        return true;
    ensureSodium();
    // The Argon2id-specific check: the generic one would accept an Argon2i hash with the same parameters.
    return crypto_pwhash_argon2id_str_needs_rehash(buffer, passwordHashPasses, passwordHashMemoryBytes) != 0;
}

QByteArray generateSecret(qsizetype bytes)
{
    ensureSodium();
    QByteArray secret(bytes, Qt::Uninitialized);
    randombytes_buf(secret.data(), size_t(secret.size()));
    return secret;
}

#ifdef Q_OS_UNIX

namespace {

/// Closes a file descriptor on scope exit.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    int get() const { return m_fd; }
    /// Closes now, reporting failure (for a file just written, close can be where a write error shows).
    bool close()
    {
        const int fd = std::exchange(m_fd, -1);
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

bool readFully(int fd, char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::read(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

bool writeFully(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

QString lastError()
{
    return qt_error_string(errno);
}

/// Checks the already opened key file (fstat on the descriptor: no window to swap the file) and reads it.
std::variant<SigningKey, QString> readKeyFile(int fd, const QString &path)
{
    struct stat status;
    if (::fstat(fd, &status) != 0)
        return u"cannot inspect the token signing key %1: %2"_s.arg(path, lastError());
    if (!S_ISREG(status.st_mode))
        return keyFileRefusal(path, u"is not a regular file"_s);
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        const QString mode = QString::number(status.st_mode & 07777, 8).rightJustified(4, u'0');
        return u"the token signing key %1 can be accessed by other users (mode %2), and anyone who can read it "
               "can sign in as any account. If it has not been exposed, restrict it with `chmod 600 %1`; "
               "otherwise delete it and restart to generate a new key (everyone will have to log in again)."_s.arg(
                   path, mode);
    }
    if (status.st_size != signingKeyBytes)
        return keyFileRefusal(path, u"holds %1 bytes, not %2"_s.arg(status.st_size).arg(signingKeyBytes));
    QByteArray key(signingKeyBytes, Qt::Uninitialized);
    errno = 0;
    if (!readFully(fd, key.data(), key.size()))
        return u"cannot read the token signing key %1: %2"_s.arg(path, errno ? lastError() : u"it is too short"_s);
    return SigningKey{key, false};
}

/// Makes a new file name in @p directory survive a crash. Best effort: some file systems refuse it.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Writes a new key to @p path. std::nullopt if a file appeared there meanwhile (another server starting).
std::optional<std::variant<SigningKey, QString>> createKeyFile(const QString &path)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return u"cannot create the directory %1 for the token signing key"_s.arg(directory);
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".new-" + generateSecret(8).toHex();

    // Created with 0600 (the umask can only take bits away), and set to exactly 0600 before any key byte
    // is written, so there is no moment when another user could open it.
    FileDescriptor file(
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR));
    if (file.get() < 0)
        return u"cannot create the token signing key in %1: %2"_s.arg(directory, lastError());
    QByteArray key = generateSecret(signingKeyBytes);
    if (::fchmod(file.get(), S_IRUSR | S_IWUSR) != 0 || !writeFully(file.get(), key.constData(), key.size()) ||
        ::fsync(file.get()) != 0 || !file.close()) {
        const QString error = lastError();
        ::unlink(temporary.constData());
        return u"cannot write the token signing key %1: %2"_s.arg(path, error);
    }
    // link() rather than rename(): it fails if the name already exists, so a key another process has just
    // put there is never replaced (its tokens would silently stop verifying).
    if (::link(temporary.constData(), target.constData()) != 0) {
        const int linkError = errno;
        ::unlink(temporary.constData());
        if (linkError == EEXIST)
            return std::nullopt;
        return u"cannot store the token signing key %1: %2"_s.arg(path, qt_error_string(linkError));
    }
    ::unlink(temporary.constData());
    syncDirectory(directory);
    return SigningKey{key, true};
}

} // namespace

std::variant<SigningKey, QString> loadOrCreateSigningKey(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    // Twice at most: if another process creates the file between our look and our link, read theirs.
    for (int attempt = 0; attempt < 2; ++attempt) {
        // O_NOFOLLOW: a symbolic link could point at a file someone else controls. O_NONBLOCK: a FIFO put
        // there must not hang the start (it is then refused as not a regular file).
        FileDescriptor file(::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
        if (file.get() >= 0)
            return readKeyFile(file.get(), path);
        if (errno == ELOOP)
            return keyFileRefusal(path, u"is a symbolic link"_s);
        if (errno != ENOENT)
            return u"cannot open the token signing key %1: %2"_s.arg(path, lastError());
        if (std::optional<std::variant<SigningKey, QString>> created = createKeyFile(path))
            return *created;
    }
    return u"the token signing key %1 keeps disappearing while being created"_s.arg(path);
}

#else

// Elsewhere (Windows) the file is created owner-only through Qt, which on NTFS sets an ACL for the owner; the
// data directory under the user's profile is not readable by other users to begin with. Mode bits do not
// exist there, so an existing file is not checked for them.
std::variant<SigningKey, QString> loadOrCreateSigningKey(const QString &path)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile existing(path);
        if (existing.open(QIODevice::ReadOnly)) {
            if (existing.size() != signingKeyBytes)
                return keyFileRefusal(path, u"holds %1 bytes, not %2"_s.arg(existing.size()).arg(signingKeyBytes));
            const QByteArray key = existing.read(signingKeyBytes);
            if (key.size() != signingKeyBytes)
                return u"cannot read the token signing key %1: %2"_s.arg(path, existing.errorString());
            return SigningKey{key, false};
        }
        if (existing.exists())
            return u"cannot open the token signing key %1: %2"_s.arg(path, existing.errorString());

        const QString directory = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(directory))
            return u"cannot create the directory %1 for the token signing key"_s.arg(directory);
        QFile temporary(path + u".new-"_s + QString::fromLatin1(generateSecret(8).toHex()));
        const QByteArray key = generateSecret(signingKeyBytes);
        if (!temporary.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                            QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            temporary.write(key) != key.size() || !temporary.flush()) {
            const QString error = temporary.errorString();
            temporary.remove();
            return u"cannot write the token signing key %1: %2"_s.arg(path, error);
        }
        temporary.close();
        // QFile::rename never replaces an existing file, so a key another process just stored is kept.
        if (temporary.rename(path))
            return SigningKey{key, true};
        temporary.remove();
        if (!QFile::exists(path))
            return u"cannot store the token signing key %1: %2"_s.arg(path, temporary.errorString());
    }
    return u"the token signing key %1 keeps disappearing while being created"_s.arg(path);
}

#endif

} // namespace natter
