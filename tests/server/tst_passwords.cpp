#include "passwords.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <latch>
#include <thread>
#include <vector>

using namespace natter;
using namespace Qt::StringLiterals;

namespace {

const QString goodPassword = u"correct horse battery staple"_s;

/// The permission bits of @p path as the file system has them (not following a symbolic link).
mode_t modeOf(const QString &path)
{
    struct stat status;
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return mode_t(-1);
    return status.st_mode & 07777;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

/// A hash made directly with libsodium, with parameters of the caller's choosing.
QByteArray sodiumHash(const QByteArray &password, unsigned long long passes, size_t memory, int algorithm)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.constData(), quint64(password.size()), passes, memory, algorithm) != 0)
        return {};
    return QByteArray(out);
}

/// The error loadOrCreateSigningKey reported, or an empty string (for failure messages).
QString errorOf(const std::variant<SigningKey, QString> &result)
{
    return std::holds_alternative<QString>(result) ? std::get<QString>(result) : QString();
}

/// Sets the process umask for one scope.
class ScopedUmask
{
public:
    explicit ScopedUmask(mode_t mask)
        : m_previous(::umask(mask))
    {}
    ~ScopedUmask() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

} // namespace

class TestPasswords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hashVerifiesOnlyItsPassword();
    void hashIsArgon2idWithTheChosenParameters();
    void samePasswordHashesDifferently();
    void equivalentSpellingsOfAPasswordMatch();
    void malformedHashesNeverVerify();
    void rehashIsNeededForOtherParametersOrAlgorithms();

    void policy_data();
    void policy();
    void overlongPasswordsAreNotHashed();

    void secretsAreRandom();

    void keyFileIsCreatedOwnerOnly_data();
    void keyFileIsCreatedOwnerOnly();
    void keyFileIsReadBackUnchanged();
    void keyFileAccessibleToOthersIsRefused_data();
    void keyFileAccessibleToOthersIsRefused();
    void ownerReadOnlyKeyFileIsAccepted();
    void keyFileOfWrongSizeIsRefused();
    void keyFileSymlinkIsRefused();
    void keyFileThatIsADirectoryIsRefused();
    void concurrentFirstStartsAgreeOnOneKey();

private:
    QTemporaryDir m_dir;
};

void TestPasswords::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(sodium_init() >= 0);
}

void TestPasswords::hashVerifiesOnlyItsPassword()
{
    const QByteArray hash = hashPassword(goodPassword);
    QVERIFY(!hash.isEmpty());
    QVERIFY(verifyPassword(hash, goodPassword));
    QVERIFY(!verifyPassword(hash, u"correct horse battery stapler"_s));
    QVERIFY(!verifyPassword(hash, u"Correct horse battery staple"_s));
    QVERIFY(!verifyPassword(hash, QString()));
    QVERIFY(!passwordNeedsRehash(hash));
}

void TestPasswords::hashIsArgon2idWithTheChosenParameters()
{
    const QByteArray hash = hashPassword(goodPassword);
    QVERIFY2(hash.startsWith("$argon2id$v=19$"), hash.constData());
    // m is in KiB; one lane.
    const QByteArray parameters = "$m=" + QByteArray::number(quint64(passwordHashMemoryBytes / 1024)) +
                                  ",t=" + QByteArray::number(passwordHashPasses) + ",p=1$";
    QVERIFY2(hash.contains(parameters), hash.constData());
    QVERIFY(!hash.contains(goodPassword.toUtf8()));
}

void TestPasswords::samePasswordHashesDifferently()
{
    const QByteArray first = hashPassword(goodPassword);
    const QByteArray second = hashPassword(goodPassword);
    QVERIFY(first != second); // a fresh salt each time
    QVERIFY(verifyPassword(first, goodPassword));
    QVERIFY(verifyPassword(second, goodPassword));
}

void TestPasswords::equivalentSpellingsOfAPasswordMatch()
{
    // "café" with a precomposed é, checked with e + combining acute, and full-width letters for ASCII ones.
    const QByteArray hash = hashPassword(u"caf\u00e9 au lait"_s);
    QVERIFY(verifyPassword(hash, u"cafe\u0301 au lait"_s));
    QVERIFY(verifyPassword(hash, u"\uff43\uff41\uff46\u00e9 au lait"_s));
    QVERIFY(!verifyPassword(hash, u"cafe au lait"_s));
}

void TestPasswords::malformedHashesNeverVerify()
{
    const QByteArray hash = hashPassword(goodPassword);
    QVERIFY(!verifyPassword(QByteArray(), goodPassword));
    QVERIFY(!verifyPassword("not a hash", goodPassword));
    QVERIFY(!verifyPassword(hash.chopped(4), goodPassword));
    QVERIFY(!verifyPassword(hash + QByteArray(200, 'A'), goodPassword)); // longer than any libsodium hash
    QByteArray withNul = hash;
    withNul.insert(10, '\0');
    QVERIFY(!verifyPassword(withNul, goodPassword));
    QVERIFY(passwordNeedsRehash(QByteArray()));
    QVERIFY(passwordNeedsRehash("not a hash"));
}

void TestPasswords::rehashIsNeededForOtherParametersOrAlgorithms()
{
    const QByteArray password = goodPassword.toUtf8();
    // Weaker Argon2id parameters: still verifies, but should be replaced at the next login.
    const QByteArray weak = sodiumHash(password, crypto_pwhash_argon2id_OPSLIMIT_MIN,
                                       crypto_pwhash_argon2id_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13);
    QVERIFY(!weak.isEmpty());
    QVERIFY(verifyPassword(weak, goodPassword));
    QVERIFY(passwordNeedsRehash(weak));
    // Argon2i (which needs at least 3 passes) with today's memory: at least the cost, but the wrong algorithm.
    const QByteArray argon2i =
        sodiumHash(password, crypto_pwhash_argon2i_OPSLIMIT_MIN, passwordHashMemoryBytes, crypto_pwhash_ALG_ARGON2I13);
    QVERIFY(argon2i.startsWith("$argon2i$"));
    QVERIFY(verifyPassword(argon2i, goodPassword));
    QVERIFY(passwordNeedsRehash(argon2i));
}

void TestPasswords::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("problem"); // a word the message must contain; empty: accepted

    QTest::newRow("empty") << QString() << u"at least 8 characters"_s;
    QTest::newRow("7 characters") << u"seven77"_s << u"at least 8 characters"_s;
    QTest::newRow("8 characters") << u"eight888"_s << QString();
    QTest::newRow("spaces are characters") << u"        "_s << QString();
    // Seven accented letters are 14 bytes but still 7 characters.
    QTest::newRow("7 two-byte characters")
        << u"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"_s << u"at least 8 characters"_s;
    // Seven decomposed é (14 code points) normalise to seven characters.
    QTest::newRow("7 decomposed characters") << QString(u"e\u0301"_s).repeated(7) << u"at least 8 characters"_s;
    // Eight emoji are sixteen UTF-16 units, eight characters.
    QTest::newRow("8 emoji") << QString(u"\U0001F600"_s).repeated(8) << QString();
    QTest::newRow("7 emoji") << QString(u"\U0001F600"_s).repeated(7) << u"at least 8 characters"_s;
    QTest::newRow("1024 bytes") << QString(1024, u'a') << QString();
    QTest::newRow("1025 bytes") << QString(1025, u'a') << u"at most 1024 bytes"_s;
    QTest::newRow("600 two-byte characters") << QString(600, QChar(0x00e9)) << u"at most 1024 bytes"_s;
    QTest::newRow("huge") << QString(1'000'000, u'a') << u"at most 1024 bytes"_s;
    QTest::newRow("lone surrogate") << u"abcdefgh"_s + QChar(0xD800) << u"invalid characters"_s;
}

void TestPasswords::policy()
{
    QFETCH(QString, password);
    QFETCH(QString, problem);
    const std::optional<QString> violation = passwordPolicyViolation(password);
    if (problem.isEmpty()) {
        QVERIFY2(!violation, qPrintable(violation.value_or(QString())));
    } else {
        QVERIFY(violation);
        QVERIFY2(violation->contains(problem), qPrintable(*violation));
        QVERIFY(hashPassword(password).isEmpty());
    }
}

void TestPasswords::overlongPasswordsAreNotHashed()
{
    const QByteArray hash = hashPassword(goodPassword);
    // Verification applies only the upper bound: a short password set under an older policy still works.
    const QByteArray shortOne =
        sodiumHash("short", passwordHashPasses, passwordHashMemoryBytes, crypto_pwhash_ALG_ARGON2ID13);
    QVERIFY(verifyPassword(shortOne, u"short"_s));
    QVERIFY(!verifyPassword(hash, goodPassword + QString(1024, u'x')));
    // A password exactly at the limit hashes and verifies.
    const QString longest(maxPasswordBytes, u'z');
    QVERIFY(verifyPassword(hashPassword(longest), longest));
}

void TestPasswords::secretsAreRandom()
{
    const QByteArray a = generateSecret();
    const QByteArray b = generateSecret();
    QCOMPARE(a.size(), 32);
    QCOMPARE(generateSecret(64).size(), 64);
    QVERIFY(a != b);
    QVERIFY(a != QByteArray(32, '\0'));
}

void TestPasswords::keyFileIsCreatedOwnerOnly_data()
{
    QTest::addColumn<int>("mask");
    QTest::newRow("umask 022") << 0022;
    QTest::newRow("umask 000") << 0000;  // would leave a plain create world-writable
    QTest::newRow("umask 0277") << 0277; // would leave a plain create unwritable
}

void TestPasswords::keyFileIsCreatedOwnerOnly()
{
    QFETCH(int, mask);
    const QString directory = m_dir.filePath(u"created-%1/data"_s.arg(mask, 4, 8, QChar(u'0')));
    const QString path = directory + u"/token.key"_s;
    std::variant<SigningKey, QString> result;
    {
        const ScopedUmask scopedMask{mode_t(mask)};
        result = loadOrCreateSigningKey(path);
    }
    QVERIFY2(std::holds_alternative<SigningKey>(result), qPrintable(errorOf(result)));
    const SigningKey &key = std::get<SigningKey>(result);
    QVERIFY(key.created);
    QCOMPARE(key.key.size(), signingKeyBytes);
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(contentsOf(path), key.key);
    // Nothing else is left beside it (no temporary file).
    QCOMPARE(QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"token.key"_s});
}

void TestPasswords::keyFileIsReadBackUnchanged()
{
    const QString path = m_dir.filePath(u"reread.key"_s);
    const auto first = loadOrCreateSigningKey(path);
    QVERIFY(std::holds_alternative<SigningKey>(first));
    QVERIFY(std::get<SigningKey>(first).created);
    for (int i = 0; i < 3; ++i) {
        const auto again = loadOrCreateSigningKey(path);
        QVERIFY2(std::holds_alternative<SigningKey>(again), qPrintable(errorOf(again)));
        QVERIFY(!std::get<SigningKey>(again).created);
        QCOMPARE(std::get<SigningKey>(again).key, std::get<SigningKey>(first).key);
    }
    QCOMPARE(modeOf(path), mode_t(0600));
    // A different file gives a different key.
    const auto other = loadOrCreateSigningKey(m_dir.filePath(u"other.key"_s));
    QVERIFY(std::get<SigningKey>(other).key != std::get<SigningKey>(first).key);
}

void TestPasswords::keyFileAccessibleToOthersIsRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644 world-readable") << 0644;
    QTest::newRow("0640 group-readable") << 0640;
    QTest::newRow("0604 other-readable") << 0604;
    QTest::newRow("0620 group-writable") << 0620;
    QTest::newRow("0666") << 0666;
}

void TestPasswords::keyFileAccessibleToOthersIsRefused()
{
    QFETCH(int, mode);
    const QString path = m_dir.filePath(u"exposed-%1.key"_s.arg(mode, 4, 8, QChar(u'0')));
    const QByteArray key = generateSecret(signingKeyBytes);
    writeFile(path, key, mode_t(mode));

    const auto result = loadOrCreateSigningKey(path);
    QVERIFY(std::holds_alternative<QString>(result));
    const QString message = std::get<QString>(result);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(u"mode %1"_s.arg(mode, 4, 8, QChar(u'0'))), qPrintable(message));
    QVERIFY2(message.contains(u"chmod 600"_s), qPrintable(message));
    QVERIFY2(message.contains(u"delete it"_s), qPrintable(message));
    // Refused, not repaired: the file is left exactly as it was for the administrator to decide.
    QCOMPARE(modeOf(path), mode_t(mode));
    QCOMPARE(contentsOf(path), key);

    // Once restricted it is accepted, with the same key.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    const auto fixed = loadOrCreateSigningKey(path);
    QVERIFY(std::holds_alternative<SigningKey>(fixed));
    QCOMPARE(std::get<SigningKey>(fixed).key, key);
    QVERIFY(!std::get<SigningKey>(fixed).created);
}

void TestPasswords::ownerReadOnlyKeyFileIsAccepted()
{
    const QString path = m_dir.filePath(u"readonly.key"_s);
    const QByteArray key = generateSecret(signingKeyBytes);
    writeFile(path, key, 0400);
    const auto result = loadOrCreateSigningKey(path);
    QVERIFY(std::holds_alternative<SigningKey>(result));
    QCOMPARE(std::get<SigningKey>(result).key, key);
}

void TestPasswords::keyFileOfWrongSizeIsRefused()
{
    for (const qsizetype size : {qsizetype(0), qsizetype(31), qsizetype(33), qsizetype(4096)}) {
        const QString path = m_dir.filePath(u"size-%1.key"_s.arg(size));
        const QByteArray contents(size, 'k');
        writeFile(path, contents, 0600);
        const auto result = loadOrCreateSigningKey(path);
        QVERIFY(std::holds_alternative<QString>(result));
        const QString message = std::get<QString>(result);
        QVERIFY2(message.contains(u"holds %1 bytes"_s.arg(size)), qPrintable(message));
        QCOMPARE(contentsOf(path), contents); // not overwritten
    }
}

void TestPasswords::keyFileSymlinkIsRefused()
{
    const QString target = m_dir.filePath(u"real.key"_s);
    writeFile(target, generateSecret(signingKeyBytes), 0600);
    const QString link = m_dir.filePath(u"link.key"_s);
    QVERIFY(QFile::link(target, link));
    const auto result = loadOrCreateSigningKey(link);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(std::get<QString>(result).contains(u"symbolic link"_s), qPrintable(errorOf(result)));

    // A dangling link is not followed to create a file somewhere else either.
    const QString dangling = m_dir.filePath(u"dangling.key"_s);
    QVERIFY(QFile::link(m_dir.filePath(u"elsewhere/new.key"_s), dangling));
    QVERIFY(std::holds_alternative<QString>(loadOrCreateSigningKey(dangling)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"elsewhere"_s)));
}

void TestPasswords::keyFileThatIsADirectoryIsRefused()
{
    const QString path = m_dir.filePath(u"directory.key"_s);
    QVERIFY(QDir().mkpath(path));
    const auto result = loadOrCreateSigningKey(path);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(std::get<QString>(result).contains(u"not a regular file"_s), qPrintable(errorOf(result)));
}

void TestPasswords::concurrentFirstStartsAgreeOnOneKey()
{
    // Several servers starting at once on a fresh data directory must all end up with the key that is on
    // disk, and exactly one of them created it.
    constexpr int rounds = 20;
    constexpr int starters = 6;
    for (int round = 0; round < rounds; ++round) {
        const QString directory = m_dir.filePath(u"race-%1"_s.arg(round));
        const QString path = directory + u"/token.key"_s;
        std::vector<std::variant<SigningKey, QString>> results(starters);
        std::latch start(starters);
        std::vector<std::thread> threads;
        for (int i = 0; i < starters; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                results[size_t(i)] = loadOrCreateSigningKey(path);
            });
        }
        for (std::thread &thread : threads)
            thread.join();

        const QByteArray onDisk = contentsOf(path);
        QCOMPARE(onDisk.size(), signingKeyBytes);
        int created = 0;
        for (const auto &result : results) {
            QVERIFY2(std::holds_alternative<SigningKey>(result), qPrintable(errorOf(result)));
            QCOMPARE(std::get<SigningKey>(result).key, onDisk);
            created += std::get<SigningKey>(result).created ? 1 : 0;
        }
        QCOMPARE(created, 1);
        QCOMPARE(QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"token.key"_s});
    }
}

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
