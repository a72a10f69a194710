#pragma once

#include "messagestore.h"
#include "protocol.h"
#include "room.h"
#include "roomregistry.h"

#include <QObject>

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

    // Reads and changes for REST.
    QList<RoomSummary> summaries() const;
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
    DeleteResult deleteRoom(const QString &name);
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

    ServerContext &m_context;
    int m_index;
    RoomRegistry m_rooms;
    QHash<QString, Audience> m_audiences;
    QList<StorePost> m_toStore; ///< Posts for the store, handed over once per event-loop pass
    QHash<QString, QList<std::function<void()>>> m_joinsInFlight; ///< joinKey -> requests waiting for the join
};

} // namespace natter
