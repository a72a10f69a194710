#include "serverconfig.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace natter;
using namespace Qt::StringLiterals;

using FieldMap = QMap<QString, QString>;

namespace {

/// Parses `natter --server <options>`.
std::variant<ServerConfig, ConfigExit> parse(const QStringList &options)
{
    return parseServerArguments(QStringList{u"natter"_s, u"--server"_s} + options);
}

/// Every setting as text, keyed by its option name, so whole configurations compare field by field.
FieldMap fields(const ServerConfig &c)
{
    return {
        {u"port"_s, QString::number(c.port)},
        {u"bind"_s, c.bindAddress.toString()},
        {u"data-dir"_s, c.dataDir},
        {u"name"_s, c.serverName},
        {u"history"_s, QString::number(c.historyCapacity)},
        {u"threads"_s, QString::number(c.threads)},
        {u"announce"_s, c.announce ? u"true"_s : u"false"_s},
        {u"announce-port"_s, QString::number(c.announcePort)},
        {u"ping-interval"_s, QString::number(c.pingIntervalMs)},
        {u"idle-timeout"_s, QString::number(c.idleTimeoutMs)},
        {u"handshake-timeout"_s, QString::number(c.handshakeTimeoutMs)},
        {u"http-timeout"_s, QString::number(c.httpTimeoutMs)},
        {u"close-timeout"_s, QString::number(c.closeTimeoutMs)},
        {u"max-content-bytes"_s, QString::number(c.maxContentBytes)},
        {u"max-frame-bytes"_s, QString::number(c.maxFrameBytes)},
        {u"max-header-bytes"_s, QString::number(c.maxHeaderBytes)},
        {u"max-body-bytes"_s, QString::number(c.maxBodyBytes)},
        {u"max-send-queue-bytes"_s, QString::number(c.maxSendQueueBytes)},
        {u"max-send-queue-frames"_s, QString::number(c.maxSendQueueFrames)},
        {u"listen-backlog"_s, QString::number(c.listenBacklog)},
        {u"max-rooms"_s, QString::number(c.maxRooms)},
        {u"max-rooms-per-connection"_s, QString::number(c.maxRoomsPerConnection)},
        {u"rate-limit"_s, QString::number(c.rateLimit)},
        {u"rate-burst"_s, QString::number(c.rateBurst)},
        {u"max-connections"_s, QString::number(c.maxConnections)},
        {u"max-connections-per-ip"_s, QString::number(c.maxConnectionsPerAddress)},
        {u"allowed-origin"_s, c.allowedOrigins.join(u' ')},
        {u"database"_s, c.database},
        {u"cluster"_s, c.cluster},
    };
}

/// The documented defaults with @p changes applied.
FieldMap expectedFields(const FieldMap &changes = {})
{
    FieldMap expected{
        {u"port"_s, u"8082"_s},
        {u"bind"_s, u"0.0.0.0"_s},
        {u"data-dir"_s, QString()},
        {u"name"_s, QHostInfo::localHostName()},
        {u"history"_s, u"100"_s},
        {u"threads"_s, u"0"_s},
        {u"announce"_s, u"true"_s},
        {u"announce-port"_s, u"8083"_s},
        {u"ping-interval"_s, u"54000"_s},
        {u"idle-timeout"_s, u"60000"_s},
        {u"handshake-timeout"_s, u"10000"_s},
        {u"http-timeout"_s, u"10000"_s},
        {u"close-timeout"_s, u"2000"_s},
        {u"max-content-bytes"_s, u"4096"_s},
        {u"max-frame-bytes"_s, u"65536"_s},
        {u"max-header-bytes"_s, u"8192"_s},
        {u"max-body-bytes"_s, u"65536"_s},
        {u"max-send-queue-bytes"_s, u"1048576"_s},
        {u"max-send-queue-frames"_s, u"2048"_s},
        {u"listen-backlog"_s, u"4096"_s},
        {u"max-rooms"_s, u"10000"_s},
        {u"max-rooms-per-connection"_s, u"100"_s},
        {u"rate-limit"_s, u"20"_s},
        {u"rate-burst"_s, u"40"_s},
        {u"max-connections"_s, u"20000"_s},
        {u"max-connections-per-ip"_s, u"256"_s},
        {u"allowed-origin"_s, QString()},
        {u"database"_s, QString()},
        {u"cluster"_s, QString()},
    };
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        Q_ASSERT(expected.contains(it.key()));
        expected.insert(it.key(), it.value());
    }
    return expected;
}

/// Empty when equal, else the differences, one field a line.
QString differences(const FieldMap &actual, const FieldMap &expected)
{
    QString out;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (actual.value(it.key()) != it.value())
            out +=
                u"\n  "_s + it.key() + u": got '"_s + actual.value(it.key()) + u"', expected '"_s + it.value() + u"'"_s;
    }
    return out;
}

QString describe(const std::variant<ServerConfig, ConfigExit> &result)
{
    if (const auto *exit = std::get_if<ConfigExit>(&result))
        return u"exit %1: %2"_s.arg(exit->exitCode).arg(exit->text);
    return u"a config"_s;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void options_data();
    void options();
    void rejections_data();
    void rejections();
    void helpAndVersion_data();
    void helpAndVersion();

    void iniFile_data();
    void iniFile();
    void iniFileErrors_data();
    void iniFileErrors();
};

void TestServerConfig::defaults()
{
    const auto result = parse({});
    const auto *config = std::get_if<ServerConfig>(&result);
    QVERIFY2(config, qPrintable(describe(result)));

    const ServerConfig plain;
    QCOMPARE(plain.port, quint16(8082));
    QCOMPARE(plain.bindAddress, QHostAddress(QHostAddress::AnyIPv4));
    QVERIFY(plain.serverName.isEmpty());

    const QString diff = differences(fields(*config), expectedFields());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(!config->serverName.isEmpty()); // falls back to the host name
    QCOMPARE(config->effectiveThreads(), std::max(1, QThread::idealThreadCount()));

    // The program name alone (no --server) reads the same.
    const auto bare = parseServerArguments({u"natter"_s});
    QVERIFY2(std::holds_alternative<ServerConfig>(bare), qPrintable(describe(bare)));
}

void TestServerConfig::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<FieldMap>("changes");

    const auto row = [](const char *tag, QStringList arguments, FieldMap changes) {
        QTest::newRow(tag) << arguments << changes;
    };
    row("port-0", {u"--port"_s, u"0"_s}, {{u"port"_s, u"0"_s}});
    row("port-1", {u"--port"_s, u"1"_s}, {{u"port"_s, u"1"_s}});
    row("port-65535", {u"--port"_s, u"65535"_s}, {{u"port"_s, u"65535"_s}});
    row("port-equals-form", {u"--port=9000"_s}, {{u"port"_s, u"9000"_s}});
    row("port-single-dash", {u"-port"_s, u"9001"_s}, {{u"port"_s, u"9001"_s}});
    row("port-spaces", {u"--port"_s, u" 9002 "_s}, {{u"port"_s, u"9002"_s}});
    row("port-last-wins", {u"--port"_s, u"1"_s, u"--port"_s, u"2"_s}, {{u"port"_s, u"2"_s}});
    row("bind-loopback", {u"--bind"_s, u"127.0.0.1"_s}, {{u"bind"_s, u"127.0.0.1"_s}});
    row("bind-ipv6", {u"--bind"_s, u"::1"_s}, {{u"bind"_s, u"::1"_s}});
    row("bind-ipv6-any", {u"--bind"_s, u"::"_s}, {{u"bind"_s, u"::"_s}});
    row("data-dir", {u"--data-dir"_s, u"/var/lib/natter"_s}, {{u"data-dir"_s, u"/var/lib/natter"_s}});
    row("name-trimmed", {u"--name"_s, u"  Team Chat  "_s}, {{u"name"_s, u"Team Chat"_s}});
    row("name-cut-to-64", {u"--name"_s, QString(100, u'n')}, {{u"name"_s, QString(64, u'n')}});
    row("history-1", {u"--history"_s, u"1"_s}, {{u"history"_s, u"1"_s}});
    row("history-max", {u"--history"_s, u"1000000"_s}, {{u"history"_s, u"1000000"_s}});
    row("threads-1", {u"--threads"_s, u"1"_s}, {{u"threads"_s, u"1"_s}});
    row("threads-256", {u"--threads"_s, u"256"_s}, {{u"threads"_s, u"256"_s}});
    row("ping-interval-fractional", {u"--ping-interval"_s, u"1.5"_s}, {{u"ping-interval"_s, u"1500"_s}});
    row("ping-interval-smallest", {u"--ping-interval"_s, u"0.01"_s}, {{u"ping-interval"_s, u"10"_s}});
    row("idle-timeout-fractional", {u"--idle-timeout"_s, u"90.25"_s}, {{u"idle-timeout"_s, u"90250"_s}});
    row("idle-timeout-largest", {u"--idle-timeout"_s, u"86400"_s}, {{u"idle-timeout"_s, u"86400000"_s}});
    row("ping-and-idle", {u"--ping-interval"_s, u"0.5"_s, u"--idle-timeout"_s, u"0.75"_s},
        {{u"ping-interval"_s, u"500"_s}, {u"idle-timeout"_s, u"750"_s}});
    row("handshake-timeout", {u"--handshake-timeout"_s, u"0.25"_s}, {{u"handshake-timeout"_s, u"250"_s}});
    row("http-timeout", {u"--http-timeout"_s, u"2.5"_s}, {{u"http-timeout"_s, u"2500"_s}});
    row("http-timeout-whole", {u"--http-timeout"_s, u"30"_s}, {{u"http-timeout"_s, u"30000"_s}});
    row("max-content-bytes", {u"--max-content-bytes"_s, u"1"_s}, {{u"max-content-bytes"_s, u"1"_s}});
    row("max-frame-bytes", {u"--max-frame-bytes"_s, u"1048576"_s}, {{u"max-frame-bytes"_s, u"1048576"_s}});
    row("content-equals-frame", {u"--max-frame-bytes"_s, u"4096"_s}, {{u"max-frame-bytes"_s, u"4096"_s}});
    row("max-header-bytes", {u"--max-header-bytes"_s, u"512"_s}, {{u"max-header-bytes"_s, u"512"_s}});
    row("max-body-bytes-0", {u"--max-body-bytes"_s, u"0"_s}, {{u"max-body-bytes"_s, u"0"_s}});
    row("max-send-queue-bytes-4g", {u"--max-send-queue-bytes"_s, u"4294967296"_s},
        {{u"max-send-queue-bytes"_s, u"4294967296"_s}});
    row("max-send-queue-frames", {u"--max-send-queue-frames"_s, u"16"_s}, {{u"max-send-queue-frames"_s, u"16"_s}});
    row("listen-backlog", {u"--listen-backlog"_s, u"128"_s}, {{u"listen-backlog"_s, u"128"_s}});
    row("max-rooms", {u"--max-rooms"_s, u"1"_s}, {{u"max-rooms"_s, u"1"_s}});
    row("max-rooms-per-connection", {u"--max-rooms-per-connection"_s, u"5"_s},
        {{u"max-rooms-per-connection"_s, u"5"_s}});
    row("rate-limit-0", {u"--rate-limit"_s, u"0"_s}, {{u"rate-limit"_s, u"0"_s}});
    row("rate-limit-fractional", {u"--rate-limit"_s, u"2.5"_s}, {{u"rate-limit"_s, u"2.5"_s}});
    row("rate-burst", {u"--rate-burst"_s, u"100"_s}, {{u"rate-burst"_s, u"100"_s}});
    row("no-announce", {u"--no-announce"_s}, {{u"announce"_s, u"false"_s}});
    row("max-connections-0", {u"--max-connections"_s, u"0"_s}, {{u"max-connections"_s, u"0"_s}});
    row("max-connections-per-ip", {u"--max-connections-per-ip"_s, u"8"_s}, {{u"max-connections-per-ip"_s, u"8"_s}});
    row("allowed-origin", {u"--allowed-origin"_s, u"https://Chat.Example.org"_s},
        {{u"allowed-origin"_s, u"https://chat.example.org"_s}});
    row("allowed-origin-default-port", {u"--allowed-origin"_s, u"https://chat.example.org:443"_s},
        {{u"allowed-origin"_s, u"https://chat.example.org"_s}});
    row("allowed-origin-repeated",
        {u"--allowed-origin"_s, u"http://a.example:8080"_s, u"--allowed-origin"_s, u"https://b.example"_s},
        {{u"allowed-origin"_s, u"http://a.example:8080 https://b.example"_s}});
    row("allowed-origin-list", {u"--allowed-origin"_s, u"https://a.example, *"_s},
        {{u"allowed-origin"_s, u"https://a.example *"_s}});
    row("announce-port", {u"--announce-port"_s, u"9999"_s}, {{u"announce-port"_s, u"9999"_s}});
    row("cluster", {u"--database"_s, u"postgresql://natter@db/natter"_s, u"--cluster"_s, u"redis://10.0.0.5:6380"_s},
        {{u"database"_s, u"postgresql://natter@db/natter"_s}, {u"cluster"_s, u"redis://10.0.0.5:6380"_s}});
    row("cluster-password-and-db",
        {u"--database"_s, u"postgres://db/natter"_s, u"--cluster"_s, u"redis://:secret@redis.internal/2"_s},
        {{u"database"_s, u"postgres://db/natter"_s}, {u"cluster"_s, u"redis://:secret@redis.internal/2"_s}});
    row("several", {u"--port"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s, u"--no-announce"_s, u"--threads"_s, u"2"_s},
        {{u"port"_s, u"0"_s}, {u"bind"_s, u"127.0.0.1"_s}, {u"announce"_s, u"false"_s}, {u"threads"_s, u"2"_s}});
}

void TestServerConfig::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(FieldMap, changes);

    const auto result = parse(arguments);
    const auto *config = std::get_if<ServerConfig>(&result);
    QVERIFY2(config, qPrintable(describe(result)));
    const QString diff = differences(fields(*config), expectedFields(changes));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    if (config->threads > 0)
        QCOMPARE(config->effectiveThreads(), config->threads);
}

void TestServerConfig::rejections_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions"); ///< What the message must name.

    const auto row = [](const char *tag, QStringList arguments, QStringList mentions) {
        QTest::newRow(tag) << arguments << mentions;
    };
    row("port-70000", {u"--port"_s, u"70000"_s}, {u"--port"_s, u"70000"_s});
    row("allowed-origin-with-path", {u"--allowed-origin"_s, u"https://a.example/chat"_s},
        {u"--allowed-origin"_s, u"https://a.example/chat"_s});
    row("allowed-origin-no-scheme", {u"--allowed-origin"_s, u"a.example"_s}, {u"--allowed-origin"_s, u"a.example"_s});
    row("max-connections-negative", {u"--max-connections=-1"_s}, {u"--max-connections"_s, u"-1"_s});
    row("port-abc", {u"--port"_s, u"abc"_s}, {u"--port"_s, u"abc"_s});
    row("port-negative", {u"--port=-1"_s}, {u"--port"_s, u"-1"_s});
    row("port-fractional", {u"--port"_s, u"80.5"_s}, {u"--port"_s, u"80.5"_s});
    row("port-empty", {u"--port="_s}, {u"--port"_s});
    row("port-missing-value", {u"--port"_s}, {u"port"_s});
    row("bind-not-an-ip", {u"--bind"_s, u"not-an-ip"_s}, {u"--bind"_s, u"not-an-ip"_s});
    row("bind-bad-octet", {u"--bind"_s, u"300.1.1.1"_s}, {u"--bind"_s});
    row("threads-0", {u"--threads"_s, u"0"_s}, {u"--threads"_s});
    row("threads-257", {u"--threads"_s, u"257"_s}, {u"--threads"_s});
    row("history-0", {u"--history"_s, u"0"_s}, {u"--history"_s});
    row("ping-interval-0", {u"--ping-interval"_s, u"0"_s}, {u"--ping-interval"_s});
    row("ping-interval-negative", {u"--ping-interval=-5"_s}, {u"--ping-interval"_s});
    row("ping-interval-abc", {u"--ping-interval"_s, u"abc"_s}, {u"--ping-interval"_s, u"abc"_s});
    row("ping-interval-nan", {u"--ping-interval"_s, u"nan"_s}, {u"--ping-interval"_s});
    row("ping-interval-inf", {u"--ping-interval"_s, u"inf"_s}, {u"--ping-interval"_s});
    row("idle-timeout-too-long", {u"--idle-timeout"_s, u"86401"_s}, {u"--idle-timeout"_s});
    row("http-timeout-below-10ms", {u"--http-timeout"_s, u"0.001"_s}, {u"--http-timeout"_s});
    row("idle-equal-to-ping", {u"--ping-interval"_s, u"30"_s, u"--idle-timeout"_s, u"30"_s},
        {u"--idle-timeout"_s, u"--ping-interval"_s});
    row("idle-shorter-than-default-ping", {u"--idle-timeout"_s, u"30"_s}, {u"--idle-timeout"_s});
    row("ping-longer-than-default-idle", {u"--ping-interval"_s, u"120"_s}, {u"--idle-timeout"_s});
    row("rate-limit-negative", {u"--rate-limit=-1"_s}, {u"--rate-limit"_s});
    row("rate-burst-abc", {u"--rate-burst"_s, u"abc"_s}, {u"--rate-burst"_s});
    row("max-frame-bytes-too-small", {u"--max-frame-bytes"_s, u"255"_s}, {u"--max-frame-bytes"_s});
    row("content-over-frame", {u"--max-content-bytes"_s, u"100000"_s}, {u"--max-content-bytes"_s});
    row("max-send-queue-bytes-too-small", {u"--max-send-queue-bytes"_s, u"4095"_s}, {u"--max-send-queue-bytes"_s});
    row("announce-port-0", {u"--announce-port"_s, u"0"_s}, {u"--announce-port"_s});
    row("unknown-option", {u"--bogus"_s}, {u"bogus"_s});
    row("unknown-option-with-value", {u"--colour=blue"_s}, {u"colour"_s});
    row("unknown-short-option", {u"-x"_s}, {u"x"_s});
    row("positional", {u"extra"_s}, {u"extra"_s});
    row("positional-after-options", {u"--port"_s, u"9000"_s, u"stray"_s}, {u"stray"_s});
    row("config-missing-value", {u"--config"_s}, {u"config"_s});
    row("flag-with-value", {u"--no-announce=yes"_s}, {u"no-announce"_s});
    // A cluster shares one PostgreSQL database: SQLite (the default) and memory cannot be shared.
    row("cluster-on-sqlite", {u"--cluster"_s, u"redis://127.0.0.1:6379"_s}, {u"--cluster"_s, u"postgresql"_s});
    row("cluster-on-memory", {u"--database"_s, u"memory"_s, u"--cluster"_s, u"redis://127.0.0.1"_s},
        {u"--cluster"_s, u"postgresql"_s});
    row("cluster-not-redis", {u"--database"_s, u"postgresql://db/n"_s, u"--cluster"_s, u"http://127.0.0.1:6379"_s},
        {u"--cluster"_s, u"http://127.0.0.1:6379"_s});
    row("cluster-no-host", {u"--database"_s, u"postgresql://db/n"_s, u"--cluster"_s, u"redis://"_s}, {u"--cluster"_s});
    row("cluster-bad-db", {u"--database"_s, u"postgresql://db/n"_s, u"--cluster"_s, u"redis://r/x"_s},
        {u"--cluster"_s, u"redis://r/x"_s});
}

void TestServerConfig::rejections()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const auto result = parse(arguments);
    const auto *exit = std::get_if<ConfigExit>(&result);
    QVERIFY2(exit, "accepted although it should have been refused");
    QCOMPARE(exit->exitCode, 2);
    for (const QString &mention : mentions)
        QVERIFY2(exit->text.contains(mention), qPrintable(u"'%1' not in: %2"_s.arg(mention, exit->text)));
}

void TestServerConfig::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QStringList help{u"Usage:"_s,         u"--port"_s,        u"--bind"_s,      u"--config"_s,
                           u"--idle-timeout"_s, u"--no-announce"_s, u"--rate-limit"_s};
    const QStringList version{u"natter"_s, QString::fromLatin1(NATTER_VERSION)};
    QTest::newRow("help") << QStringList{u"--help"_s} << help;
    QTest::newRow("help-short") << QStringList{u"-h"_s} << help;
    QTest::newRow("help-ignores-bad-values") << QStringList{u"--port"_s, u"70000"_s, u"--help"_s} << help;
    QTest::newRow("version") << QStringList{u"--version"_s} << version;
    QTest::newRow("version-short") << QStringList{u"-v"_s} << version;
}

void TestServerConfig::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const auto result = parse(arguments);
    const auto *exit = std::get_if<ConfigExit>(&result);
    QVERIFY2(exit, "expected to exit");
    QCOMPARE(exit->exitCode, 0);
    for (const QString &mention : mentions)
        QVERIFY2(exit->text.contains(mention), qPrintable(u"'%1' not in: %2"_s.arg(mention, exit->text)));
    if (arguments.contains(u"--version"_s))
        QCOMPARE(exit->text, QString::fromLatin1("natter " NATTER_VERSION));
}

void TestServerConfig::iniFile_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QStringList>("arguments"); ///< "$INI" stands for the file's path.
    QTest::addColumn<FieldMap>("changes");

    const QStringList config{u"--config"_s, u"$INI"_s};
    QTest::newRow("top-level") << QByteArray("port=9001\n") << config << FieldMap{{u"port"_s, u"9001"_s}};
    QTest::newRow("server-section") << QByteArray("[server]\nport=9002\nbind=127.0.0.1\n") << config
                                    << FieldMap{{u"port"_s, u"9002"_s}, {u"bind"_s, u"127.0.0.1"_s}};
    QTest::newRow("general-section") << QByteArray("[General]\nhistory=5\n") << config
                                     << FieldMap{{u"history"_s, u"5"_s}};
    QTest::newRow("top-level-and-section") << QByteArray("threads=3\n\n[server]\nmax-rooms=50\n") << config
                                           << FieldMap{{u"threads"_s, u"3"_s}, {u"max-rooms"_s, u"50"_s}};
    QTest::newRow("comments-and-spaces") << QByteArray("; a comment\n# another\nport = 9003\n") << config
                                         << FieldMap{{u"port"_s, u"9003"_s}};
    QTest::newRow("seconds") << QByteArray("ping-interval=2.5\nidle-timeout=10\n") << config
                             << FieldMap{{u"ping-interval"_s, u"2500"_s}, {u"idle-timeout"_s, u"10000"_s}};
    QTest::newRow("rate-limit-0") << QByteArray("rate-limit=0\n") << config << FieldMap{{u"rate-limit"_s, u"0"_s}};
    QTest::newRow("no-announce-true") << QByteArray("no-announce=true\n") << config
                                      << FieldMap{{u"announce"_s, u"false"_s}};
    QTest::newRow("no-announce-1") << QByteArray("no-announce=1\n") << config << FieldMap{{u"announce"_s, u"false"_s}};
    QTest::newRow("no-announce-empty") << QByteArray("no-announce=\n") << config
                                       << FieldMap{{u"announce"_s, u"false"_s}};
    QTest::newRow("no-announce-false") << QByteArray("no-announce=false\n") << config << FieldMap();
    QTest::newRow("name-with-space") << QByteArray("name=Team Chat\n") << config
                                     << FieldMap{{u"name"_s, u"Team Chat"_s}};
    // QSettings reads an unquoted comma as a list separator; the text must still come through as written.
    QTest::newRow("name-with-comma-unquoted")
        << QByteArray("name=Team, Chat\n") << config << FieldMap{{u"name"_s, u"Team, Chat"_s}};
    QTest::newRow("name-quoted-with-comma")
        << QByteArray("name=\"Team, Chat\"\n") << config << FieldMap{{u"name"_s, u"Team, Chat"_s}};
    QTest::newRow("data-dir") << QByteArray("data-dir=/srv/natter\n") << config
                              << FieldMap{{u"data-dir"_s, u"/srv/natter"_s}};

    QTest::newRow("command-line-wins-after")
        << QByteArray("port=9001\nhistory=7\n") << QStringList{u"--config"_s, u"$INI"_s, u"--port"_s, u"9100"_s}
        << FieldMap{{u"port"_s, u"9100"_s}, {u"history"_s, u"7"_s}};
    QTest::newRow("command-line-wins-before") << QByteArray("[server]\nport=9001\nhistory=7\n")
                                              << QStringList{u"--port"_s, u"9100"_s, u"--config"_s, u"$INI"_s}
                                              << FieldMap{{u"port"_s, u"9100"_s}, {u"history"_s, u"7"_s}};
    QTest::newRow("command-line-flag-wins")
        << QByteArray("no-announce=false\n") << QStringList{u"--no-announce"_s, u"--config"_s, u"$INI"_s}
        << FieldMap{{u"announce"_s, u"false"_s}};
    // The cross-check of ping and idle runs on the merged result.
    QTest::newRow("merged-timeouts") << QByteArray("ping-interval=100\n")
                                     << QStringList{u"--config"_s, u"$INI"_s, u"--idle-timeout"_s, u"200"_s}
                                     << FieldMap{{u"ping-interval"_s, u"100000"_s}, {u"idle-timeout"_s, u"200000"_s}};
    QTest::newRow("empty-file") << QByteArray() << config << FieldMap();
}

void TestServerConfig::iniFile()
{
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, arguments);
    QFETCH(FieldMap, changes);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"natter.ini"_s);
    QVERIFY(writeFile(path, ini));
    arguments.replaceInStrings(u"$INI"_s, path);

    const auto result = parse(arguments);
    const auto *config = std::get_if<ServerConfig>(&result);
    QVERIFY2(config, qPrintable(describe(result)));
    const QString diff = differences(fields(*config), expectedFields(changes));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestServerConfig::iniFileErrors_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("configArgument"); ///< Relative to the temporary directory; the file is "natter.ini".
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<QStringList>("mentions"); ///< "$INI" stands for the path given.

    const QString file = u"natter.ini"_s;
    QTest::newRow("unknown-key") << QByteArray("port=9000\ncolour=blue\n") << file << QStringList()
                                 << QStringList{u"$INI"_s, u"colour"_s};
    QTest::newRow("unknown-section") << QByteArray("[client]\nport=9000\n") << file << QStringList()
                                     << QStringList{u"$INI"_s, u"client/port"_s};
    QTest::newRow("config-key-itself") << QByteArray("config=/etc/other.ini\n") << file << QStringList()
                                       << QStringList{u"$INI"_s, u"config"_s};
    QTest::newRow("bad-port") << QByteArray("port=70000\n") << file << QStringList()
                              << QStringList{u"$INI"_s, u"--port"_s, u"70000"_s};
    QTest::newRow("bad-bind") << QByteArray("[server]\nbind=nowhere\n") << file << QStringList()
                              << QStringList{u"$INI"_s, u"--bind"_s, u"nowhere"_s};
    QTest::newRow("bad-seconds") << QByteArray("http-timeout=soon\n") << file << QStringList()
                                 << QStringList{u"$INI"_s, u"--http-timeout"_s};
    QTest::newRow("bad-flag") << QByteArray("no-announce=maybe\n") << file << QStringList()
                              << QStringList{u"$INI"_s, u"no-announce"_s, u"maybe"_s};
    QTest::newRow("idle-not-longer-than-ping")
        << QByteArray("idle-timeout=30\n") << file << QStringList() << QStringList{u"--idle-timeout"_s};
    QTest::newRow("bad-value-despite-command-line")
        << QByteArray("port=abc\n") << file << QStringList{u"--port"_s, u"9000"_s}
        << QStringList{u"$INI"_s, u"--port"_s};
    QTest::newRow("missing-file") << QByteArray() << u"missing.ini"_s << QStringList() << QStringList{u"$INI"_s};
    QTest::newRow("directory") << QByteArray() << u"."_s << QStringList() << QStringList{u"$INI"_s};
}

void TestServerConfig::iniFileErrors()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, configArgument);
    QFETCH(QStringList, extraArguments);
    QFETCH(QStringList, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"natter.ini"_s), ini));
    const QString path = configArgument == u"."_s ? dir.path() : dir.filePath(configArgument);
    mentions.replaceInStrings(u"$INI"_s, path);

    const auto result = parse(QStringList{u"--config"_s, path} + extraArguments);
    const auto *exit = std::get_if<ConfigExit>(&result);
    QVERIFY2(exit, "accepted although it should have been refused");
    QCOMPARE(exit->exitCode, 2);
    for (const QString &mention : mentions)
        QVERIFY2(exit->text.contains(mention), qPrintable(u"'%1' not in: %2"_s.arg(mention, exit->text)));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
