#pragma once

#include "messagestore.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace natter {

/** @brief Everything that tunes a server; defaults are what `natter --server` uses with no options. */
struct ServerConfig
{
    quint16 port = 8082;
    QHostAddress bindAddress = QHostAddress::AnyIPv4;
    QString dataDir;           ///< Empty: the platform's application data location (used when storing in SQLite).
    QString serverName;        ///< Shown to clients and on the LAN; defaults to the host name.
    int historyCapacity = 100; ///< Messages each room keeps in its ring.
    int threads = 0;           ///< I/O workers and room shards each; 0 = number of cores.
    bool announce = true;      ///< Send the LAN discovery beacon.
    quint16 announcePort = 8083;
    /// Where the beacon goes: the LAN multicast group, or a unicast address (isolated networks, tests).
    QHostAddress announceAddress = QHostAddress(QStringLiteral("239.255.78.71"));

    // Liveness and timeouts (milliseconds).
    int pingIntervalMs = 54'000;
    int idleTimeoutMs = 60'000;
    int handshakeTimeoutMs = 10'000;
    int httpTimeoutMs = 10'000;
    int closeTimeoutMs = 2'000; ///< How long a closing WebSocket may take to answer before it is cut.

    // Sizes.
    int maxContentBytes = 4096;
    int maxFrameBytes = 64 * 1024;
    int maxHeaderBytes = 8 * 1024;
    int maxBodyBytes = 64 * 1024;
    qint64 maxSendQueueBytes = 1024 * 1024;
    int maxSendQueueFrames = 2048;
    int listenBacklog = 4096;
    int maxRooms = 10'000;              ///< Rooms the server holds at most (lazy creation stops there).
    int maxRoomsPerConnection = 100;    ///< Rooms one connection may have joined at once.
    int maxConnections = 20'000;        ///< Open connections at most (0 = no limit).
    int maxConnectionsPerAddress = 256; ///< Per client address; loopback is exempt (0 = no limit).

    /// TLS: PEM files of the certificate (chain) and its private key (RSA or EC, unencrypted). Both or neither;
    /// with both, the port speaks only TLS (wss:// and https://).
    QString tlsCertificateFile;
    QString tlsKeyFile;
    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty(); }

    /// Web origins whose pages may open a WebSocket ("*" for any). Empty: only pages served from this host
    /// itself. Clients that send no Origin (desktop apps, scripts) are always accepted.
    QStringList allowedOrigins;

    // Storage.
    /// "sqlite:PATH", "postgresql://user:pass@host:port/db", or "memory" (nothing survives a restart).
    /// Empty: SQLite in the data directory.
    QString database;
    bool sqliteSynchronousFull = true;
    RetentionPolicy retention; ///< The server default; rooms may have their own.
    int pruneIntervalMs = 3'600'000;
    int maxStoreQueue = 20'000; ///< Posts waiting for the store before senders get BUSY.

    // Cluster: several servers on one PostgreSQL database serve the same rooms, relaying through Redis.
    /// "redis://[:password@]host[:port][/db]"; empty: a single server.
    QString cluster;
    bool isCluster() const { return !cluster.isEmpty(); }
    int clusterHeartbeatMs = 15'000;   ///< How often an instance refreshes its presence in Redis.
    int clusterPresenceTtlMs = 45'000; ///< A silent instance's members are forgotten after this.
    int clusterGapWaitMs = 100; ///< How long a message waits for earlier ones from Redis before the store is read.

    bool isDurable() const { return database != QLatin1String("memory"); }
    /// The database URL after defaults: SQLite in the data directory unless told otherwise.
    QString databaseUrl() const;
    /// The data directory, or the platform's application data location when none was given.
    QString effectiveDataDir() const;

    // Who may connect.
    enum class Auth
    {
        Open,     ///< Anyone picks a free name on connect.
        Accounts, ///< Register and log in over REST; every WebSocket and /api request carries a token.
    };
    Auth auth = Auth::Open;
    bool registrationOpen = true; ///< With accounts: anyone may register (else only admins add users).
    qint64 tokenLifetimeSeconds = 30 * 86'400;
    /// `--add-user NAME [--admin]`: add this account to the database and exit instead of serving.
    QString addUser;
    bool addUserAsAdmin = false;

    // Rate limit per connection on incoming data frames (0 = off).
    double rateLimit = 20;
    double rateBurst = 40;

    int effectiveThreads() const;
};

/** @brief Where the cluster's Redis is, from a redis:// URL. */
struct RedisAddress
{
    QString host;
    int port = 6379;
    QString password; ///< Empty: no AUTH.
    int database = 0; ///< SELECT for the presence keys (pub/sub channels are server-wide).
};
/// nullopt unless @p url is redis://[:password@]host[:port][/db].
std::optional<RedisAddress> parseRedisUrl(const QString &url);

/** @brief Outcome of reading the command line: run with a config, or print something and exit. */
struct ConfigExit
{
    int exitCode = 0;
    QString text; ///< For stdout on success (help, version), stderr on failure.
};

/**
 * Reads `natter --server` options, and an INI file given with `--config` whose keys are the long option
 * names (command-line values win over the file).
 */
std::variant<ServerConfig, ConfigExit> parseServerArguments(const QStringList &arguments);

} // namespace natter
