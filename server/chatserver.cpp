#include "chatserver.h"

#include "clusterbus.h"
#include "ioworker.h"
#include "lanbeacon.h"
#include "listener.h"
#include "names.h"
#include "passwords.h"
#include "persistence.h"
#include "restapi.h"
#include "roomshard.h"
#include "servercontext.h"
#include "servertls.h"
#include "threading.h"

#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"
#endif

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcServer, "natter.server")

namespace natter {

namespace {

/// Whether the server's threads run EpollEventDispatcher rather than Qt's own event dispatcher (glib, or poll()),
/// which polls every socket of its thread at every wake-up. NATTER_EVENT_DISPATCHER=qt keeps Qt's, to compare.
bool wantEpollDispatcher()
{
    const QString wanted = qEnvironmentVariable("NATTER_EVENT_DISPATCHER");
#ifdef Q_OS_LINUX
    if (wanted == QLatin1String("qt"))
        return false;
    if (!wanted.isEmpty() && wanted != QLatin1String("epoll"))
        qCWarning(lcServer).noquote()
            << QStringLiteral("NATTER_EVENT_DISPATCHER=%1 is neither epoll nor qt: using epoll").arg(wanted);
    return true;
#else
    if (!wanted.isEmpty() && wanted != QLatin1String("qt"))
        qCWarning(lcServer).noquote()
            << QStringLiteral("NATTER_EVENT_DISPATCHER=%1 is not available here: using Qt's").arg(wanted);
    return false;
#endif
}

} // namespace

ChatServer::ChatServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

ChatServer::~ChatServer()
{
    stop();
}

quint16 ChatServer::port() const
{
    return m_context ? m_context->port : 0;
}

qint64 ChatServer::webSocketConnections() const
{
    return m_context ? m_context->metrics.webSocketsOpen.load(std::memory_order_relaxed) : 0;
}

QByteArray ChatServer::statsJson() const
{
    return m_context ? RestApi::statsJson(*m_context) : QByteArray();
}

bool ChatServer::start()
{
    if (isRunning())
        return true;
    m_error.clear();

    // Checked before anything else starts: a server that cannot serve TLS with what it was given refuses to start.
    std::optional<ServerTls> tls;
    if (m_config.tlsEnabled()) {
        auto loaded = loadServerTls(m_config.tlsCertificateFile, m_config.tlsKeyFile);
        if (auto *error = std::get_if<QString>(&loaded)) {
            m_error = *error;
            return false;
        }
        tls = std::get<ServerTls>(std::move(loaded));
    }

    // The data directory is used (and locked, so two servers never share a database) when it was given or
    // when messages go to SQLite there.
    const bool sqliteInDataDir = m_config.isDurable() && m_config.database.isEmpty();
    const QString dataDir = m_config.effectiveDataDir();
    if (m_config.database.startsWith(QLatin1String("sqlite:"))) {
        // A database file given directly is locked next to itself.
        const QString file = m_config.database.mid(7);
        QDir().mkpath(QFileInfo(file).absolutePath());
        m_databaseLock = std::make_unique<QLockFile>(file + QStringLiteral(".lock"));
        if (!m_databaseLock->tryLock(0)) {
            m_error = tr("another Natter server is using the database %1").arg(file);
            m_databaseLock.reset();
            return false;
        }
    }
    if (!m_config.dataDir.isEmpty() || sqliteInDataDir) {
        if (!QDir().mkpath(dataDir)) {
            m_error = tr("cannot create the data directory %1").arg(dataDir);
            m_databaseLock.reset();
            return false;
        }
        m_dataLock = std::make_unique<QLockFile>(QDir(dataDir).filePath(QStringLiteral("natter-server.lock")));
        if (!m_dataLock->tryLock(0)) {
            m_error = tr("another Natter server is using the data directory %1").arg(dataDir);
            m_dataLock.reset();
            m_databaseLock.reset();
            return false;
        }
    }

    m_context = std::make_unique<ServerContext>(m_config);
    auto &context = *m_context;
    if (tls)
        context.tls = tls->configuration;
    if (m_config.auth == ServerConfig::Auth::Accounts) {
        // The key lives with the data, not in the database: a database dump alone cannot mint tokens.
        if (!QDir().mkpath(dataDir)) {
            m_error = tr("cannot create the data directory %1").arg(dataDir);
            teardown();
            return false;
        }
        auto key = loadOrCreateSigningKey(QDir(dataDir).filePath(QStringLiteral("token-signing.key")));
        if (auto *error = std::get_if<QString>(&key)) {
            m_error = *error;
            teardown();
            return false;
        }
        context.tokenKey = std::get<SigningKey>(key).key;
        m_hashPool = std::make_unique<QThreadPool>();
        // Each Argon2id hash takes 64 MiB for a tenth of a second: two at a time bounds memory and keeps a
        // burst of logins from starving the I/O threads of CPU.
        m_hashPool->setMaxThreadCount(2);
        context.hashPool = m_hashPool.get();
    }
    m_epollDispatcher = wantEpollDispatcher();
    context.clock.start();
    context.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    const int threads = m_config.effectiveThreads();
    for (int i = 0; i < threads; ++i)
        context.shards.append(new RoomShard(context, i));
    for (int i = 0; i < threads; ++i)
        context.workers.append(new IoWorker(context, i));
    if (m_config.isDurable() && !openStore())
        return false;
    if (m_config.isCluster()) {
        // Redis may be down at start: the bus connects (and reconnects) on its own while the server serves.
        m_clusterThread = newThread(QStringLiteral("cluster"));
        context.cluster = new ClusterBus(context, *parseRedisUrl(m_config.cluster));
        context.cluster->moveToThread(m_clusterThread);
        m_clusterThread->start();
        QMetaObject::invokeMethod(context.cluster, &ClusterBus::start, Qt::QueuedConnection);
    }
    // Before any shard thread runs, so touching the shards from here is safe.
    context.shardFor(names::defaultRoom)->ensureRoom(names::defaultRoom);

    for (RoomShard *shard : std::as_const(context.shards)) {
        auto *thread = newThread(shard->objectName());
        shard->moveToThread(thread);
        thread->start();
        m_shardThreads.append(thread);
    }
    for (IoWorker *worker : std::as_const(context.workers)) {
        auto *thread = newThread(worker->objectName());
        worker->moveToThread(thread);
        thread->start();
        m_workerThreads.append(thread);
        QMetaObject::invokeMethod(worker, &IoWorker::start, Qt::BlockingQueuedConnection);
    }

    m_listenerThread = newThread(QStringLiteral("listener"));
    m_listener = new Listener(context);
    m_listener->moveToThread(m_listenerThread);
    m_listenerThread->start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_listener,
        [&] {
            listening = m_listener->listen(m_config.bindAddress, m_config.port);
            if (!listening) {
                m_error = m_listener->serverError() == QAbstractSocket::AddressInUseError
                              ? tr("port %1 is already in use by another program").arg(m_config.port)
                              : tr("cannot listen on %1 port %2: %3")
                                    .arg(m_config.bindAddress.toString())
                                    .arg(m_config.port)
                                    .arg(m_listener->errorString());
                return;
            }
            context.port = m_listener->serverPort();
            if (m_config.announce) {
                m_beacon = new LanBeacon(m_config.serverName, context.port, m_config.tlsEnabled(),
                                         m_config.announceAddress, m_config.announcePort, m_listener);
                m_beacon->start();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        teardown();
        return false;
    }
    qCInfo(lcServer).noquote() << QStringLiteral(
                                      "listening on %1 port %2 with %3 threads (\"%4\", %5 event dispatcher)")
                                      .arg(m_config.bindAddress.toString())
                                      .arg(context.port)
                                      .arg(threads)
                                      .arg(m_config.serverName,
                                           m_epollDispatcher ? QStringLiteral("epoll") : QStringLiteral("Qt's"));
    if (tls) {
        qCInfo(lcServer).noquote()
            << QStringLiteral("TLS only (wss://, https://); certificate: %1, issued by %2, valid until %3, SHA-256 %4")
                   .arg(tls->certificate.subjectDisplayName(), tls->certificate.issuerDisplayName(),
                        tls->certificate.expiryDate().toString(Qt::ISODate), sha256Fingerprint(tls->certificate));
    }
    return true;
}

void ChatServer::stop()
{
    if (!isRunning())
        return;
    teardown();
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

bool ChatServer::openStore()
{
    auto &context = *m_context;
    m_storeThread = newThread(QStringLiteral("store"));
    context.persistence = new Persistence(context, m_config.databaseUrl(), m_config.sqliteSynchronousFull);
    // The servers of a cluster number messages in the same database.
    context.persistence->store().setShared(m_config.isCluster());
    context.persistence->moveToThread(m_storeThread);
    m_storeThread->start();
    // The database connection is made on the store thread: Qt SQL connections belong to one thread.
    QString error;
    bool opened = false;
    Persistence::Restored restored;
    QMetaObject::invokeMethod(
        context.persistence,
        [&] {
            opened = context.persistence->open(&error);
            if (opened)
                restored = context.persistence->restore(m_config.historyCapacity);
        },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        m_error = tr("cannot open the database: %1").arg(error);
        teardown();
        return false;
    }
    for (const StoredRoom &room : std::as_const(restored.rooms))
        context.shardFor(room.name)->restoreRoom(room, restored.latest.value(room.name));
    if (m_config.auth == ServerConfig::Auth::Accounts) {
        if (!restored.accounts) {
            m_error = tr("cannot read the accounts from the database");
            teardown();
            return false;
        }
        context.accounts.load(*restored.accounts);
        qCInfo(lcServer) << "accounts:" << restored.accounts->size();
    }
    qCInfo(lcServer).noquote() << QStringLiteral("storage: %1, %2 rooms restored")
                                      .arg(m_config.databaseUrl().startsWith(QLatin1String("sqlite:"))
                                               ? m_config.databaseUrl()
                                               : QStringLiteral("PostgreSQL"))
                                      .arg(restored.rooms.size());
    return true;
}

QThread *ChatServer::newThread(const QString &name) const
{
    auto *thread = new QThread;
    thread->setObjectName(name);
#ifdef Q_OS_LINUX
    if (m_epollDispatcher)
        thread->setEventDispatcher(new EpollEventDispatcher); // the thread owns it
#endif
    return thread;
}

void ChatServer::teardown()
{
    auto &context = *m_context;
    // Password checks in flight post their results to the workers: let them finish while those exist.
    if (m_hashPool)
        m_hashPool->waitForDone();
    // 1. No new connections.
    if (m_listener) {
        QMetaObject::invokeMethod(
            m_listener,
            [this] {
                m_listener->close();
                delete m_beacon;
                m_beacon = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    if (m_listenerThread) {
        m_listenerThread->quit();
        m_listenerThread->wait();
    }
    delete m_listener;
    m_listener = nullptr;
    delete m_listenerThread;
    m_listenerThread = nullptr;

    // 2. Workers close their connections and stop their threads themselves once all are gone.
    for (IoWorker *worker : std::as_const(context.workers))
        postTo(worker, [](IoWorker &target) { target.beginShutdown(); });
    for (QThread *thread : std::as_const(m_workerThreads)) {
        if (!thread->wait(QDeadlineTimer(m_config.closeTimeoutMs + 5000))) {
            qCWarning(lcServer) << thread->objectName() << "did not stop in time";
            thread->quit();
            thread->wait();
        }
    }
    // 3. Shards last: until now they may still post deliveries to the (stopped, still existing) workers.
    for (QThread *thread : std::as_const(m_shardThreads)) {
        thread->quit();
        thread->wait();
    }
    // 4. The store: it commits what is still queued (nobody here will be told, but nothing is lost).
    if (context.persistence) {
        QMetaObject::invokeMethod(context.persistence, &Persistence::stop, Qt::BlockingQueuedConnection);
        m_storeThread->quit();
        m_storeThread->wait();
    }
    // 5. The cluster relay, once the store has drained: tells the other servers this one's members are gone, and
    // they read what it committed last from the database. Deleted only now: the store's last tasks may post to it.
    if (context.cluster) {
        QMetaObject::invokeMethod(context.cluster, &ClusterBus::stop, Qt::BlockingQueuedConnection);
        m_clusterThread->quit();
        m_clusterThread->wait();
        delete context.cluster;
        context.cluster = nullptr;
        delete m_clusterThread;
        m_clusterThread = nullptr;
    }
    if (context.persistence) {
        delete context.persistence;
        context.persistence = nullptr;
        delete m_storeThread;
        m_storeThread = nullptr;
    }
    qDeleteAll(context.workers);
    qDeleteAll(context.shards);
    qDeleteAll(m_workerThreads);
    qDeleteAll(m_shardThreads);
    m_workerThreads.clear();
    m_shardThreads.clear();
    m_context.reset();
    m_dataLock.reset();
    m_databaseLock.reset();
}

} // namespace natter
