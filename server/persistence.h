#pragma once

#include "messagestore.h"
#include "roomshard.h"

#include <QObject>
#include <QTimer>

#include <functional>

#include <memory>

namespace natter {

struct ServerContext;

/**
 * @brief The store thread: writes posts in group commits and answers history reads from the database.
 *
 * Posts queue up while a transaction commits and all go into the next one, so one fsync covers many
 * messages. A message is acknowledged and broadcast only after its transaction committed: the shard
 * that owns its room gets the outcome back. When the database is unreachable, posts fail with
 * STORAGE_UNAVAILABLE (never an ack) while the store reconnects with backoff.
 */
class Persistence : public QObject
{
    Q_OBJECT

public:
    using PendingPost = RoomShard::StorePost;
    using Outcome = RoomShard::PostOutcome;
    struct Restored
    {
        QList<StoredRoom> rooms;
        QHash<QString, QList<ChatMessage>> latest; ///< The newest messages of each room, for its ring.
        std::optional<QList<Account>> accounts;    ///< nullopt if they could not be read.
    };

    Persistence(ServerContext &context, QString databaseUrl, bool synchronousFull);
    ~Persistence() override;

    // All of these run on the store thread.
    bool open(QString *error);
    Restored restore(int messagesPerRoom);
    void enqueue(const QList<PendingPost> &posts);
    MessageStore &store() { return *m_store; }
    /// Queues a change of room metadata. It runs after the messages queued with it (messages go first) and
    /// is kept until it succeeds, so a change made while the database is down is applied when it returns.
    void enqueueMetadata(std::function<bool(MessageStore &)> task);
    /// Deletes a room and its messages, after committing what is queued (so nothing queued brings it back); false if
    /// the database refused.
    bool deleteRoom(const QString &name);
    bool isHealthy() const { return m_healthy; }
    void stop();

private:
    void commitQueued();
    void applyMetadata();
    void setHealthy(bool healthy);
    void tryReconnect();
    void prune();

    ServerContext &m_context;
    std::unique_ptr<MessageStore> m_store;
    QList<PendingPost> m_queue;
    QList<std::function<bool(MessageStore &)>> m_metadata;
    bool m_commitScheduled = false;
    bool m_healthy = true;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_pruneTimer = nullptr;
    int m_reconnectDelayMs = 1000;
};

} // namespace natter
