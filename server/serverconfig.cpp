#include "serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <cmath>
#include <functional>

namespace natter {

QString ServerConfig::databaseUrl() const
{
    if (!database.isEmpty())
        return database;
    return QStringLiteral("sqlite:") + QDir(effectiveDataDir()).filePath(QStringLiteral("natter.sqlite"));
}

QString ServerConfig::effectiveDataDir() const
{
    return dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
}

int ServerConfig::effectiveThreads() const
{
    return threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
}

std::optional<RedisAddress> parseRedisUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("redis") || url.host().isEmpty() || url.hasQuery() ||
        url.hasFragment())
        return std::nullopt;
    RedisAddress address;
    address.host = url.host();
    address.port = url.port(6379);
    if (address.port <= 0)
        return std::nullopt;
    address.password = url.password();
    const QString path = url.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        bool ok = false;
        address.database = path.mid(1).toInt(&ok);
        if (!ok || address.database < 0)
            return std::nullopt;
    }
    return address;
}

namespace {

struct Option
{
    QString name;
    QString description;
    QString valueName; ///< Empty for a flag.
    /// Applies a value to the config; returns an error text or an empty string.
    std::function<QString(ServerConfig &, const QString &)> apply;
    bool repeatable = false; ///< Given several times (or comma-separated), every value counts.
};

QString readInt(const QString &name, const QString &value, qint64 min, qint64 max,
                const std::function<void(qint64)> &set)
{
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok || number < min || number > max)
        return QStringLiteral("--%1 expects a whole number from %2 to %3, not '%4'")
            .arg(name)
            .arg(min)
            .arg(max)
            .arg(value);
    set(number);
    return {};
}

QString readSeconds(const QString &name, const QString &value, const std::function<void(int)> &set)
{
    bool ok = false;
    const double seconds = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0.01 || seconds > 86400)
        return QStringLiteral("--%1 expects seconds from 0.01 to 86400, not '%2'").arg(name, value);
    set(int(std::lround(seconds * 1000)));
    return {};
}

QString readRate(const QString &name, const QString &value, double &target)
{
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0 || number > 1e9)
        return QStringLiteral("--%1 expects a non-negative number, not '%2'").arg(name, value);
    target = number;
    return {};
}

QList<Option> options()
{
    using C = ServerConfig;
    const auto i = [](QString name, qint64 min, qint64 max, auto member) {
        return [name, min, max, member](C &c, const QString &v) {
            return readInt(name, v, min, max, [&](qint64 n) { c.*member = decltype(+(c.*member))(n); });
        };
    };
    const auto s = [](QString name, int C::*member) {
        return [name, member](C &c, const QString &v) {
            return readSeconds(name, v, [&](int ms) { c.*member = ms; });
        };
    };
    return {
        {QStringLiteral("port"), QStringLiteral("TCP port for WebSocket and HTTP (default 8082; 0 picks a free one)."),
         QStringLiteral("port"), i(QStringLiteral("port"), 0, 65535, &C::port)},
        {QStringLiteral("bind"), QStringLiteral("Address to listen on (default 0.0.0.0)."), QStringLiteral("address"),
         [](C &c, const QString &v) {
             QHostAddress address;
             if (!address.setAddress(v.trimmed()))
                 return QStringLiteral("--bind expects an IP address, not '%1'").arg(v);
             c.bindAddress = address;
             return QString();
         }},
        {QStringLiteral("data-dir"), QStringLiteral("Directory for the server's data."), QStringLiteral("dir"),
         [](C &c, const QString &v) {
             c.dataDir = v;
             return QString();
         }},
        {QStringLiteral("name"), QStringLiteral("Server name shown to clients (default: the host name)."),
         QStringLiteral("name"),
         [](C &c, const QString &v) {
             c.serverName = v.trimmed().left(64);
             return QString();
         }},
        {QStringLiteral("history"), QStringLiteral("Messages each room keeps in memory (default 100)."),
         QStringLiteral("count"), i(QStringLiteral("history"), 1, 1'000'000, &C::historyCapacity)},
        {QStringLiteral("threads"), QStringLiteral("I/O and room threads (default: the number of cores)."),
         QStringLiteral("count"), i(QStringLiteral("threads"), 1, 256, &C::threads)},
        {QStringLiteral("ping-interval"), QStringLiteral("Seconds between server pings (default 54)."),
         QStringLiteral("seconds"), s(QStringLiteral("ping-interval"), &C::pingIntervalMs)},
        {QStringLiteral("idle-timeout"), QStringLiteral("Seconds of silence before a client is dropped (default 60)."),
         QStringLiteral("seconds"), s(QStringLiteral("idle-timeout"), &C::idleTimeoutMs)},
        {QStringLiteral("handshake-timeout"),
         QStringLiteral("Seconds a new connection has to send its request (default 10)."), QStringLiteral("seconds"),
         s(QStringLiteral("handshake-timeout"), &C::handshakeTimeoutMs)},
        {QStringLiteral("http-timeout"),
         QStringLiteral(
             "Seconds an HTTP request may take to arrive, and a kept-alive connection may idle (default 10)."),
         QStringLiteral("seconds"), s(QStringLiteral("http-timeout"), &C::httpTimeoutMs)},
        {QStringLiteral("max-content-bytes"), QStringLiteral("Largest message content in bytes (default 4096)."),
         QStringLiteral("bytes"), i(QStringLiteral("max-content-bytes"), 1, 16 * 1024 * 1024, &C::maxContentBytes)},
        {QStringLiteral("max-frame-bytes"),
         QStringLiteral("Largest incoming WebSocket frame or message in bytes (default 65536)."),
         QStringLiteral("bytes"), i(QStringLiteral("max-frame-bytes"), 256, 64 * 1024 * 1024, &C::maxFrameBytes)},
        {QStringLiteral("max-header-bytes"), QStringLiteral("Largest HTTP request head in bytes (default 8192)."),
         QStringLiteral("bytes"), i(QStringLiteral("max-header-bytes"), 512, 1024 * 1024, &C::maxHeaderBytes)},
        {QStringLiteral("max-body-bytes"), QStringLiteral("Largest HTTP request body in bytes (default 65536)."),
         QStringLiteral("bytes"), i(QStringLiteral("max-body-bytes"), 0, 64 * 1024 * 1024, &C::maxBodyBytes)},
        {QStringLiteral("max-send-queue-bytes"),
         QStringLiteral("Bytes queued for one client before it is dropped as too slow (default 1048576)."),
         QStringLiteral("bytes"),
         i(QStringLiteral("max-send-queue-bytes"), 4096, qint64(1) << 32, &C::maxSendQueueBytes)},
        {QStringLiteral("max-send-queue-frames"),
         QStringLiteral("Frames queued for one client before it is dropped as too slow (default 2048)."),
         QStringLiteral("count"), i(QStringLiteral("max-send-queue-frames"), 16, 10'000'000, &C::maxSendQueueFrames)},
        {QStringLiteral("listen-backlog"), QStringLiteral("Pending connections the kernel may queue (default 4096)."),
         QStringLiteral("count"), i(QStringLiteral("listen-backlog"), 1, 65535, &C::listenBacklog)},
        {QStringLiteral("max-rooms"), QStringLiteral("Rooms the server holds at most (default 10000)."),
         QStringLiteral("count"), i(QStringLiteral("max-rooms"), 1, 10'000'000, &C::maxRooms)},
        {QStringLiteral("max-rooms-per-connection"),
         QStringLiteral("Rooms one connection may join at once (default 100)."), QStringLiteral("count"),
         i(QStringLiteral("max-rooms-per-connection"), 1, 100'000, &C::maxRoomsPerConnection)},
        {QStringLiteral("max-connections"),
         QStringLiteral("Open connections the server accepts at most (default 20000; 0 = no limit)."),
         QStringLiteral("count"), i(QStringLiteral("max-connections"), 0, 10'000'000, &C::maxConnections)},
        {QStringLiteral("max-connections-per-ip"),
         QStringLiteral("Open connections one client address may hold (default 256; 0 = no limit; loopback is "
                        "not limited)."),
         QStringLiteral("count"),
         i(QStringLiteral("max-connections-per-ip"), 0, 10'000'000, &C::maxConnectionsPerAddress)},
        {QStringLiteral("tls-cert"),
         QStringLiteral("PEM certificate (with its chain) to serve TLS: wss:// and https:// on the port, with "
                        "--tls-key."),
         QStringLiteral("file"),
         [](C &c, const QString &v) {
             c.tlsCertificateFile = v.trimmed();
             return c.tlsCertificateFile.isEmpty() ? QStringLiteral("--tls-cert expects a file") : QString();
         }},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key (RSA or EC, unencrypted) of --tls-cert."),
         QStringLiteral("file"),
         [](C &c, const QString &v) {
             c.tlsKeyFile = v.trimmed();
             return c.tlsKeyFile.isEmpty() ? QStringLiteral("--tls-key expects a file") : QString();
         }},
        {QStringLiteral("allowed-origin"),
         QStringLiteral("A web origin (https://chat.example.org) whose pages may open a WebSocket; repeatable; * "
                        "allows any (default: only pages served by this server)."),
         QStringLiteral("origin"),
         [](C &c, const QString &v) {
             for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                 const QString origin = part.trimmed().toLower();
                 if (origin == QLatin1String("*")) {
                     c.allowedOrigins.append(origin);
                     continue;
                 }
                 QUrl url(origin, QUrl::StrictMode);
                 if (!url.isValid() || url.host().isEmpty() || url.scheme().isEmpty() || !url.path().isEmpty() ||
                     url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
                     return QStringLiteral("--allowed-origin expects scheme://host[:port] or *, not '%1'")
                         .arg(part.trimmed());
                 // Browsers leave the scheme's default port out of Origin.
                 if ((url.scheme() == QLatin1String("https") && url.port() == 443) ||
                     (url.scheme() == QLatin1String("http") && url.port() == 80))
                     url.setPort(-1);
                 c.allowedOrigins.append(url.toString(QUrl::FullyEncoded));
             }
             return QString();
         },
         true},
        {QStringLiteral("auth"),
         QStringLiteral("open (default: people pick a free name) or accounts (register and log in; tokens "
                        "required)."),
         QStringLiteral("mode"),
         [](C &c, const QString &v) {
             const QString mode = v.trimmed().toLower();
             if (mode != QLatin1String("open") && mode != QLatin1String("accounts"))
                 return QStringLiteral("--auth expects open or accounts, not '%1'").arg(v);
             c.auth = mode == QLatin1String("open") ? C::Auth::Open : C::Auth::Accounts;
             return QString();
         }},
        {QStringLiteral("registration"),
         QStringLiteral("With --auth accounts: open (default; anyone may register) or closed (admins add users)."),
         QStringLiteral("mode"),
         [](C &c, const QString &v) {
             const QString mode = v.trimmed().toLower();
             if (mode != QLatin1String("open") && mode != QLatin1String("closed"))
                 return QStringLiteral("--registration expects open or closed, not '%1'").arg(v);
             c.registrationOpen = mode == QLatin1String("open");
             return QString();
         }},
        {QStringLiteral("token-lifetime"), QStringLiteral("Days a login token stays valid (default 30)."),
         QStringLiteral("days"),
         [](C &c, const QString &v) {
             return readInt(QStringLiteral("token-lifetime"), v, 1, 3650,
                            [&](qint64 days) { c.tokenLifetimeSeconds = days * 86'400; });
         }},
        {QStringLiteral("add-user"),
         QStringLiteral("Add an account to the database (password read from standard input) and exit."),
         QStringLiteral("name"),
         [](C &c, const QString &v) {
             c.addUser = v.trimmed();
             return c.addUser.isEmpty() ? QStringLiteral("--add-user expects a user name") : QString();
         }},
        {QStringLiteral("admin"),
         QStringLiteral("With --add-user: the account is an admin."),
         {},
         [](C &c, const QString &v) {
             c.addUserAsAdmin = v != QLatin1String("false") && v != QLatin1String("0");
             return QString();
         }},
        {QStringLiteral("database"),
         QStringLiteral("Where messages are stored: sqlite:PATH, postgresql://user:pass@host:port/db, or memory "
                        "(default: SQLite in the data directory)."),
         QStringLiteral("url"),
         [](C &c, const QString &v) {
             const QString url = v.trimmed();
             if (url != QLatin1String("memory") && !url.startsWith(QLatin1String("sqlite:")) &&
                 !url.startsWith(QLatin1String("postgresql://")) && !url.startsWith(QLatin1String("postgres://")))
                 return QStringLiteral("--database expects sqlite:PATH, postgresql://... or memory, not '%1'").arg(v);
             c.database = url;
             return QString();
         }},
        {QStringLiteral("cluster"),
         QStringLiteral("Join a cluster: redis://[:password@]host[:port][/db] relays messages and presence between "
                        "servers sharing one PostgreSQL --database."),
         QStringLiteral("url"),
         [](C &c, const QString &v) {
             const QString url = v.trimmed();
             if (!parseRedisUrl(url))
                 return QStringLiteral("--cluster expects redis://[:password@]host[:port][/db], not '%1'").arg(v);
             c.cluster = url;
             return QString();
         }},
        {QStringLiteral("sqlite-synchronous"),
         QStringLiteral("SQLite durability: full (default; every commit survives power loss) or normal."),
         QStringLiteral("mode"),
         [](C &c, const QString &v) {
             const QString mode = v.trimmed().toLower();
             if (mode != QLatin1String("full") && mode != QLatin1String("normal"))
                 return QStringLiteral("--sqlite-synchronous expects full or normal, not '%1'").arg(v);
             c.sqliteSynchronousFull = mode == QLatin1String("full");
             return QString();
         }},
        {QStringLiteral("retention"),
         QStringLiteral("How long rooms keep messages by default: all (default), a count (1000) or days (30d)."),
         QStringLiteral("policy"),
         [](C &c, const QString &v) {
             const auto policy = RetentionPolicy::parse(v);
             if (!policy)
                 return QStringLiteral("--retention expects all, a message count or days like 30d, not '%1'").arg(v);
             c.retention = *policy;
             return QString();
         }},
        {QStringLiteral("prune-interval"), QStringLiteral("Seconds between retention runs (default 3600)."),
         QStringLiteral("seconds"), s(QStringLiteral("prune-interval"), &C::pruneIntervalMs)},
        {QStringLiteral("rate-limit"),
         QStringLiteral("Frames per second one connection may send, on average (default 20; 0 = unlimited)."),
         QStringLiteral("rate"),
         [](C &c, const QString &v) {
             return readRate(QStringLiteral("rate-limit"), v, c.rateLimit);
         }},
        {QStringLiteral("rate-burst"), QStringLiteral("Frames one connection may send in a burst (default 40)."),
         QStringLiteral("count"),
         [](C &c, const QString &v) {
             return readRate(QStringLiteral("rate-burst"), v, c.rateBurst);
         }},
        {QStringLiteral("announce-port"), QStringLiteral("UDP port of the LAN discovery beacon (default 8083)."),
         QStringLiteral("port"), i(QStringLiteral("announce-port"), 1, 65535, &C::announcePort)},
        {QStringLiteral("announce-address"),
         QStringLiteral("Where the LAN beacon is sent (default the multicast group 239.255.78.71)."),
         QStringLiteral("address"),
         [](C &c, const QString &v) {
             QHostAddress address;
             if (!address.setAddress(v.trimmed()))
                 return QStringLiteral("--announce-address expects an IP address, not '%1'").arg(v);
             c.announceAddress = address;
             return QString();
         }},
        {QStringLiteral("no-announce"),
         QStringLiteral("Do not announce this server on the local network."),
         {},
         [](C &c, const QString &v) {
             if (!v.isEmpty() && v != QLatin1String("true") && v != QLatin1String("false") && v != QLatin1String("1") &&
                 v != QLatin1String("0"))
                 return QStringLiteral("no-announce expects true or false, not '%1'").arg(v);
             c.announce = v == QLatin1String("false") || v == QLatin1String("0");
             return QString();
         }},
    };
}

} // namespace

std::variant<ServerConfig, ConfigExit> parseServerArguments(const QStringList &arguments)
{
    const auto known = options();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Natter chat server: WebSocket at /ws and a REST API under /api."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the version and exit."));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Run the headless chat server."));
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("INI file with these options as keys."), QStringLiteral("file"));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addOption(serverOption);
    parser.addOption(configOption);
    for (const auto &option : known) {
        if (option.valueName.isEmpty())
            parser.addOption(QCommandLineOption(option.name, option.description));
        else
            parser.addOption(QCommandLineOption(option.name, option.description, option.valueName));
    }

    if (!parser.parse(arguments))
        return ConfigExit{2, parser.errorText() + QStringLiteral("\nTry 'natter --help'.")};
    if (!parser.positionalArguments().isEmpty())
        return ConfigExit{2, QStringLiteral("unexpected argument '%1'\nTry 'natter --help'.")
                                 .arg(parser.positionalArguments().constFirst())};
    if (parser.isSet(helpOption))
        return ConfigExit{0, parser.helpText()};
    if (parser.isSet(versionOption))
        return ConfigExit{0, QStringLiteral("natter %1").arg(QStringLiteral(NATTER_VERSION))};

    ServerConfig config;
    if (parser.isSet(configOption)) {
        const QString path = parser.value(configOption);
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return ConfigExit{2, QStringLiteral("cannot read the config file '%1'").arg(path)};
        QSettings ini(path, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError)
            return ConfigExit{2, QStringLiteral("the config file '%1' is not a valid INI file").arg(path)};
        // Keys may sit at the top level or in a [server] section.
        const QStringList keys = ini.allKeys();
        for (const QString &key : keys) {
            const QString name = key.startsWith(QLatin1String("server/")) ? key.mid(7) : key;
            const auto it = std::find_if(known.cbegin(), known.cend(), [&](const Option &o) { return o.name == name; });
            if (it == known.cend())
                return ConfigExit{2, QStringLiteral("%1: unknown setting '%2'").arg(path, key)};
            const QVariant value = ini.value(key);
            // QSettings splits an unquoted value at commas ("name=Team, Chat"); put it back together.
            const QString text = value.typeId() == QMetaType::QStringList
                                     ? value.toStringList().join(QStringLiteral(", "))
                                     : value.toString();
            if (const QString error =
                    it->apply(config, it->valueName.isEmpty() && text.isEmpty() ? QStringLiteral("true") : text);
                !error.isEmpty())
                return ConfigExit{2, QStringLiteral("%1: %2").arg(path, error)};
        }
    }
    for (const auto &option : known) {
        if (!parser.isSet(option.name))
            continue;
        const QString value = option.valueName.isEmpty() ? QStringLiteral("true")
                              : option.repeatable        ? parser.values(option.name).join(QLatin1Char(','))
                                                         : parser.value(option.name);
        if (const QString error = option.apply(config, value); !error.isEmpty())
            return ConfigExit{2, error};
    }
    if (config.idleTimeoutMs <= config.pingIntervalMs)
        return ConfigExit{2, QStringLiteral("--idle-timeout (%1 s) must be longer than --ping-interval (%2 s)")
                                 .arg(config.idleTimeoutMs / 1000.0)
                                 .arg(config.pingIntervalMs / 1000.0)};
    if (config.maxContentBytes > config.maxFrameBytes)
        return ConfigExit{2, QStringLiteral("--max-content-bytes must not exceed --max-frame-bytes")};
    if (config.tlsCertificateFile.isEmpty() != config.tlsKeyFile.isEmpty())
        return ConfigExit{2, config.tlsKeyFile.isEmpty()
                                 ? QStringLiteral("--tls-cert needs --tls-key (the certificate's private key)")
                                 : QStringLiteral("--tls-key needs --tls-cert (the certificate)")};
    if (config.isCluster() && !config.database.startsWith(QLatin1String("postgres")))
        return ConfigExit{2,
                          QStringLiteral("--cluster needs --database postgresql://...: the servers of a cluster share "
                                         "one PostgreSQL database (SQLite and memory storage are for one server)")};
    if (config.addUserAsAdmin && config.addUser.isEmpty())
        return ConfigExit{2, QStringLiteral("--admin goes with --add-user NAME")};
    if (config.serverName.isEmpty())
        config.serverName = QHostInfo::localHostName();

    return config;
}

} // namespace natter
