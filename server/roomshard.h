#pragma once

#include "messagestore.h"
#include "protocol.h"
#include "room.h"
#include "roomregistry.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>

#include <functional>

namespace natter {

struct ServerContext;

/** @brief What REST shows of a room. */
struct RoomSummary
{
    QString name;
    qsizetype members = 0;
    qsizetype messagesHeld = 0;
    quint64 lastSeq = 0;
    qint64 lastActivityMs = 0; ///< Unix time in milliseconds.
    RoomAccess access;         ///< Who may see it: REST lists private rooms to their members only.
};

/**
 * @brief Owns the rooms whose names hash to it and is the only thread that changes them.
 *
 * Every public method runs on the shard's thread: I/O workers post to it with QMetaObject::invokeMethod.
 * A room's state changes in the order its requests arrive, which is what orders its messages. Outgoing
 * frames are serialised once here and handed to each worker that has recipients as the same bytes.
 */
class RoomShard : public QObject
{
    Q_OBJECT

public:
    RoomShard(ServerContext &context, int index);
    ~RoomShard() override;

    struct Who
    {
        ConnectionKey key;
        QString user;
        bool typed = true; ///< Typed clients get replies, presence and typing; seed clients only messages.
    };

    /// Creates @p name if it does not exist (the server's default room).
    void ensureRoom(const QString &name);
    /// Brings back a room from the store at start-up (before the shard's thread runs).
    void restoreRoom(const StoredRoom &stored, const QList<ChatMessage> &latest);
    /// A post on its way to the store.
    struct StorePost
    {
        int shard = 0;
        Who who;
        QString requestId;
        MessageStore::Post post;
    };

    /// What the store made of one post.
    struct PostOutcome
    {
        Who who;
        QString requestId;
        std::optional<MessageStore::Committed> committed; ///< Empty: not stored (error says why).
        QString error;
    };
    /// Outcomes of store transactions for this shard's rooms, in commit order.
    void completePosts(const QList<PostOutcome> &outcomes);

    // Chat requests from I/O workers.
    void join(const Who &who, const protocol::Join &request, const QString &requestId);
    void leave(const Who &who, const QString &room, const QString &requestId);
    void post(const Who &who, const QString &room, const QString &content, const QString &clientId,
              const QString &requestId);
    void typing(const Who &who, const QString &room, bool active);
    void history(const Who &who, const protocol::HistoryRequest &request, const QString &requestId);
    /// A request for @p room from a connection that has not joined it: NOT_A_MEMBER for private rooms the user
    /// is not in (so a non-member learns nothing more), NOT_IN_ROOM otherwise.
    void notInRoom(const Who &who, const QString &room, const QString &requestId);

    // Direct conversations and groups (servers with accounts; the worker checked that).
    void openDirect(const Who &who, const QString &peer, const QString &requestId);
    void createGroup(const Who &who, const QString &room, const QString &requestId);
    void invite(const Who &who, const QString &room, const QString &user, const QString &requestId);
    void answerInvite(const Who &who, const QString &room, bool accept, const QString &requestId);
    void removeFromGroup(const Who &who, const QString &room, const QString &user, const QString &requestId);
    std::optional<RoomAccess> accessOf(const QString &room) const;
    struct Invitation
    {
        QString room;
        QString by;
    };
    QList<Invitation> invitationsFor(const QString &user) const;

    /// A connection went away: forget its membership of @p rooms.
    void dropConnection(ConnectionKey key, const QStringList &rooms);

    // Cluster (--cluster): what the other servers did, relayed by the ClusterBus (roomshardcluster.cpp).
    /// A message another server committed to @p message.room.
    void remoteMessage(const ChatMessage &message);
    void remoteTyping(const QString &room, const QString &user, bool active);
    /// The bus now receives @p room's channel: what was committed before that is read from the store.
    void subscribed(const QString &room);
    /// The users the other servers have in @p room, with their connection counts (empty: none).
    void setRemotePresence(const QString &room, const QHash<QString, int> &users);
    /// Another server deleted @p room (@p change "deleted") or changed who may use it ("access").
    void roomChangedElsewhere(const QString &room, const QString &change);
    /// A server died: every room with members here reads what it may have committed without relaying it.
    void catchUpAll();
    /// Another server committed @p room up to @p seq (announced after a relay may have been lost): a live room
    /// behind that reads the store.
    void remoteHead(const QString &room, quint64 seq);
    /// Redis is back after an outage: each live room is compared with the store (deleted or deleted and created
    /// again meanwhile: closed here; its access re-read) and reads what it missed.
    void reconcileLiveRooms();

    // Reads and changes for REST.
    QList<RoomSummary> summaries() const;
    /// One room's summary, as summaries() would list it; nullopt when it is not known here.
    std::optional<RoomSummary> summaryOf(const QString &room) const;
    enum class CreateResult
    {
        Created,
        Exists,
        LimitReached
    };
    CreateResult createRoom(const QString &name, RoomSummary &created);
    enum class DeleteResult
    {
        Deleted,
        NotFound,
        Protected
    };
    /// @p existsInStore: the database has the room (in a cluster, another server may hold it and this one not).
    DeleteResult deleteRoom(const QString &name, bool existsInStore = false);
    struct MessagePage
    {
        QList<ChatMessage> messages;
        quint64 effectiveBefore = 0;
        bool complete = true; ///< False: older than the ring, so the store must answer.
    };
    /// Up to @p limit messages before @p before (0: the newest); nullopt when the room does not exist.
    std::optional<MessagePage> messages(const QString &name, quint64 before, int limit) const;
    std::optional<QHash<QString, int>> members(const QString &name) const;

private:
    RoomSummary summaryOf(const Room &room) const;
    void joinRoom(const Who &who, const protocol::Join &request, const QString &requestId, bool caughtUp);
    void finishJoin(const Who &who, const protocol::Join &request, const QString &requestId,
                    const QList<ChatMessage> &fromStore);
    void handOverToStore();
    void publish(const Who &who, const QString &requestId, const ChatMessage &message, bool duplicate);
    static bool ringCovers(const Room &room, const QList<ChatMessage> &page, int limit);
    static QString joinKey(ConnectionKey key, const QString &room);
    /// While a join of @p key to @p room waits for the store, its later requests for the room wait too, in order.
    bool deferWhileJoining(ConnectionKey key, const QString &room, std::function<void()> action);
    static constexpr int maxResumeFromStore = 1000;

    /// Recipients of one room, grouped by the worker that owns their connections.
    struct Audience
    {
        QList<QList<quint32>> everyone; ///< Index: worker.
        QList<QList<quint32>> typed;
    };

    Room *roomForUse(const QString &name);
    bool admits(const QString &room, const QString &user) const;
    /// Tells the worker that a join it counted for @p key did not happen (it forgets the room).
    void forgetJoin(ConnectionKey key, const QString &room) const;
    void refuseOutsider(const Who &who, const QString &room, const QString &requestId);
    bool isServerAdmin(const QString &user) const;
    /// Stores @p access for @p room, then applies it here and runs @p then; answers STORAGE_UNAVAILABLE if it
    /// cannot be stored (and changes nothing).
    void changeAccess(const QString &room, RoomAccess access, const Who &who, const QString &requestId,
                      std::function<void(RoomShard &)> then);
    void applyAccess(const QString &room, RoomAccess access);
    /// Sends @p json to every typed connection of @p user, on every worker.
    void notifyUser(const QString &user, const QByteArray &json) const;
    /// The group @p room if @p who is a member (else answers NOT_A_MEMBER or INVALID_ROOM and returns null).
    const Room *groupFor(const Who &who, const QString &room, const QString &requestId);
    const Audience &audienceOf(const Room &room);
    void invalidateAudience(const QString &room) { m_audiences.remove(room); }
    void reply(ConnectionKey key, const QByteArray &json) const;
    void replyError(const Who &who, protocol::ErrorCode code, const QString &message, const QString &requestId) const;
    /// Sends @p json (once serialised, once framed) to every listed connection of every worker.
    void broadcast(const QList<QList<quint32>> &recipients, const QByteArray &json, bool isMessage,
                   ConnectionKey except = {}, bool hasExcept = false) const;
    void removeMember(Room &room, ConnectionKey key);

    // Cluster. A room with members here is "live": its channel is watched and it is kept current by the messages
    // relayed from the others, in seq order, gaps filled from the store. A room without members here is not kept
    // current; whatever uses it reads it from the store first (syncFirst).
    struct Held
    {
        ChatMessage message;
        std::optional<Who> who; ///< A post of this server: its sender gets the ack when the message is delivered.
        QString requestId;
        quint64 arrival = 0; ///< ClusterRoom::arrivals when it was held.
    };
    struct ClusterRoom
    {
        bool live = false;
        bool fresh = false; ///< Just read from the store: the actions waiting for that run now.
        bool syncing = false;
        QList<std::function<void()>> afterSync;
        QMap<quint64, Held> held; ///< Committed messages waiting for earlier seqs.
        bool gapTimer = false;
        bool filling = false;
        bool fillAgain = false;
        QList<std::function<void()>> afterFill;
        quint64 arrivals = 0;     ///< Messages held so far.
        quint64 fillArrivals = 0; ///< arrivals when the store was last asked: those held before it answered for.
    };
    /// What the store holds of a live room, for reconcileLiveRooms.
    struct StoreCheck
    {
        QString room;
        quint64 lastSeq = 0;              ///< This server's, when asked.
        std::optional<StoredRoom> stored; ///< Empty: the store has no such room.
        std::optional<ChatMessage> atSeq; ///< The store's message numbered lastSeq, if it still has it.
    };
    bool clustered() const;
    bool needsSync(const QString &room) const;
    /// In a cluster, runs @p action once @p room was read from the store, if it is not live here (returns true);
    /// returns false and does nothing when the room is current.
    bool syncFirst(const QString &room, std::function<void()> action);
    void applySync(const QString &room, const std::optional<std::optional<StoredRoom>> &stored,
                   const QList<ChatMessage> &latest);
    void completeClusterPosts(const QList<PostOutcome> &outcomes);
    /// Delivers committed messages in seq order: the next one at once, later ones held until the gap is filled.
    void acceptInOrder(const QString &room, Held item);
    void deliverCommitted(Room &room, const Held &item);
    void ackOnly(const Held &item) const;
    void armGapTimer(const QString &room);
    /// Reads what the store has after the room's last delivered seq and delivers it; @p done runs afterwards.
    void fillFromStore(const QString &room, std::function<void()> done = {});
    /// @p storedLastSeq: the room's last seq in the store, read (before a second read of the page) when the page
    /// was empty.
    void filled(const QString &room, const std::optional<QList<ChatMessage>> &page,
                std::optional<quint64> storedLastSeq);
    void reconciled(const QList<StoreCheck> &checks);
    /// @p room no longer is what this server holds (deleted, perhaps created again, while Redis was out of reach):
    /// closed here like a deletion; its members join again and get it from the store.
    void resetRoom(const QString &room, const char *why);
    bool differsFromRing(const Room &room, const ChatMessage &message) const;
    void forgetClusterRoomIfIdle(const QString &room);
    /// Local membership changed: presence for the others, and the channel watched while there are members.
    void clusterMembershipChanged(const Room &room);
    void flushPresence();
    bool presentElsewhere(const QString &room, const QString &user) const;
    QStringList memberNamesEverywhere(const Room &room) const;
    void publishEvent(const QJsonObject &event) const;
    /// Closes @p room here: members get room_closed, the room is forgotten (not the store's business).
    void closeRoomHere(const QString &room);

    ServerContext &m_context;
    int m_index;
    QHash<QString, ClusterRoom> m_cluster;
    QHash<QString, QHash<QString, int>> m_remotePresence; ///< Room -> the other servers' users there.
    QSet<QString> m_presenceDirty;
    RoomRegistry m_rooms;
    QHash<QString, Audience> m_audiences;
    QList<StorePost> m_toStore; ///< Posts for the store, handed over once per event-loop pass
    QHash<QString, QList<std::function<void()>>> m_joinsInFlight; ///< joinKey -> requests waiting for the join
};

} // namespace natter
