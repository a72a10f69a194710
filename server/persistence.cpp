#include "persistence.h"

#include "servercontext.h"
#include "threading.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPersistence, "natter.server.store")

namespace natter {

Persistence::Persistence(ServerContext &context, QString databaseUrl, bool synchronousFull)
    : m_context(context)
    , m_store(std::make_unique<MessageStore>(std::move(databaseUrl), QStringLiteral("natter-store"), synchronousFull))
{
    setObjectName(QStringLiteral("store"));
}

Persistence::~Persistence() = default;

bool Persistence::open(QString *error)
{
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Persistence::tryReconnect);
    m_pruneTimer = new QTimer(this);
    connect(m_pruneTimer, &QTimer::timeout, this, &Persistence::prune);
    if (!m_store->open()) {
        *error = m_store->lastError();
        return false;
    }
    // Retention runs in the background, hourly, and once shortly after start.
    m_pruneTimer->start(m_context.config.pruneIntervalMs);
    QTimer::singleShot(std::min(m_context.config.pruneIntervalMs, 10'000), this, &Persistence::prune);
    return true;
}

Persistence::Restored Persistence::restore(int messagesPerRoom)
{
    Restored restored;
    restored.rooms = m_store->rooms();
    for (const auto &room : std::as_const(restored.rooms))
        restored.latest.insert(room.name, m_store->latest(room.name, messagesPerRoom).value_or(QList<ChatMessage>()));
    restored.accounts = m_store->accounts();
    return restored;
}

void Persistence::stop()
{
    if (!m_queue.isEmpty() || !m_metadata.isEmpty())
        commitQueued();
    m_pruneTimer->stop();
    m_reconnectTimer->stop();
    m_store->close();
}

void Persistence::enqueue(const QList<PendingPost> &posts)
{
    m_queue.append(posts);
    if (!m_commitScheduled) {
        // Everything already waiting in this thread's event queue is taken into the same transaction.
        m_commitScheduled = true;
        QMetaObject::invokeMethod(this, &Persistence::commitQueued, Qt::QueuedConnection);
    }
}

void Persistence::enqueueMetadata(std::function<bool(MessageStore &)> task)
{
    m_metadata.append(std::move(task));
    if (!m_commitScheduled) {
        m_commitScheduled = true;
        QMetaObject::invokeMethod(this, &Persistence::commitQueued, Qt::QueuedConnection);
    }
}

void Persistence::applyMetadata()
{
    while (m_healthy && !m_metadata.isEmpty()) {
        if (!m_metadata.constFirst()(*m_store)) {
            qCWarning(lcPersistence).noquote() << "cannot store a room change:" << m_store->lastError();
            setHealthy(false); // kept; applied once the database is back
            return;
        }
        m_metadata.removeFirst();
    }
}

void Persistence::commitQueued()
{
    m_commitScheduled = false;
    if (m_queue.isEmpty()) {
        applyMetadata();
        return;
    }
    const QList<PendingPost> batch = std::exchange(m_queue, {});
    QList<MessageStore::Post> posts;
    posts.reserve(batch.size());
    for (const auto &pending : batch)
        posts.append(pending.post);

    std::optional<QList<MessageStore::Committed>> committed;
    if (m_healthy)
        committed = m_store->commit(posts);
    if (!committed && m_healthy) {
        qCWarning(lcPersistence).noquote() << "cannot store messages:" << m_store->lastError();
        setHealthy(false);
    }
    m_context.metrics.storeQueued.fetch_sub(batch.size(), std::memory_order_relaxed);
    if (committed)
        m_context.metrics.storeCommits.fetch_add(1, std::memory_order_relaxed);

    // Hand each outcome to the shard that owns the room, one task per shard, in commit order.
    QHash<int, QList<Outcome>> byShard;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Outcome outcome{batch[i].who, batch[i].requestId, {}, {}};
        if (committed)
            outcome.committed = committed->at(i);
        else
            outcome.error = QStringLiteral("messages cannot be stored right now; try again shortly");
        byShard[batch[i].shard].append(outcome);
    }
    for (auto it = byShard.cbegin(); it != byShard.cend(); ++it) {
        postTo(m_context.shards.at(it.key()),
               [outcomes = it.value()](RoomShard &shard) { shard.completePosts(outcomes); });
    }
    // Messages first, then room metadata.
    applyMetadata();
}

bool Persistence::deleteRoom(const QString &name)
{
    commitQueued();
    if (m_store->deleteRoom(name))
        return true;
    qCWarning(lcPersistence).noquote() << "cannot delete room" << name << "from the database:" << m_store->lastError();
    return false;
}

void Persistence::setHealthy(bool healthy)
{
    if (m_healthy == healthy)
        return;
    m_healthy = healthy;
    m_context.metrics.storeHealthy.store(healthy, std::memory_order_relaxed);
    if (healthy) {
        qCInfo(lcPersistence) << "database available again";
        m_reconnectDelayMs = 1000;
    } else {
        m_reconnectTimer->start(m_reconnectDelayMs);
    }
}

void Persistence::tryReconnect()
{
    if (m_store->open()) {
        setHealthy(true);
        applyMetadata();
        return;
    }
    qCInfo(lcPersistence).noquote() << "database still unavailable:" << m_store->lastError();
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, 30'000);
    m_reconnectTimer->start(m_reconnectDelayMs);
}

void Persistence::prune()
{
    if (!m_healthy)
        return;
    const qint64 removed = m_store->prune(m_context.config.retention, QDateTime::currentMSecsSinceEpoch());
    if (removed > 0)
        qCInfo(lcPersistence) << "retention removed" << removed << "messages";
}

} // namespace natter
