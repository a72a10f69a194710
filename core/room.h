#pragma once

#include "chatmessage.h"
#include "historyring.h"
#include "roomaccess.h"

#include <QHash>
#include <QQueue>
#include <QString>
#include <QStringList>

#include <optional>

namespace natter {

/// Identifies one connection across the server: which I/O worker owns it and its id there.
struct ConnectionKey
{
    quint32 worker = 0;
    quint32 connection = 0;

    quint64 packed() const { return (quint64(worker) << 32) | connection; }
    friend bool operator==(ConnectionKey, ConnectionKey) = default;
};

inline size_t qHash(ConnectionKey key, size_t seed = 0) noexcept
{
    return ::qHash(key.packed(), seed);
}

/**
 * @brief The state of one chat room: members, the history ring and the seq counter.
 *
 * Not thread-safe by design: a room is owned by exactly one shard thread, which alone calls into it.
 */
class Room
{
public:
    struct Member
    {
        QString user;
        bool wantsEvents = true; ///< Typed clients get presence and typing; seed clients only messages.
    };

    struct PostResult
    {
        ChatMessage message;
        bool duplicate = false; ///< The client id was seen before: @c message is the original.
    };

    Room(QString name, qsizetype historyCapacity, qint64 createdAtMs);

    const QString &name() const { return m_name; }
    /// Who may use the room (public unless it is a direct conversation or a group).
    const RoomAccess &access() const { return m_access; }
    RoomAccess &access() { return m_access; }
    const HistoryRing &history() const { return m_history; }
    quint64 lastSeq() const { return m_lastSeq; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }

    /// Adds a connection. Returns true when its user was not present before (a member_joined event).
    bool addMember(ConnectionKey key, const QString &user, bool wantsEvents);
    /// Removes a connection. Returns its user when that was the user's last connection here (member_left).
    std::optional<QString> removeMember(ConnectionKey key);
    bool isMember(ConnectionKey key) const { return m_members.contains(key); }
    const QHash<ConnectionKey, Member> &connections() const { return m_members; }
    /// Distinct user names, sorted.
    QStringList memberNames() const;
    /// Distinct users with their connection counts.
    const QHash<QString, int> &userConnections() const { return m_userConnections; }
    qsizetype memberCount() const { return m_userConnections.size(); }

    /**
     * Posts a message: assigns the next seq unless (@p user, @p clientId) was posted before, in which
     * case the original is returned as a duplicate and nothing changes.
     */
    PostResult post(const QString &user, const QString &content, const QString &clientId, qint64 timestampMs,
                    QString messageId);

    /// Appends a message the store committed (with the store's seq): the durable path of post().
    void appendCommitted(const ChatMessage &message);
    /// Brings back a stored room: its seq counter and its newest messages, oldest first.
    void restore(quint64 lastSeq, const QList<ChatMessage> &latest);

    /// How many (user, client id) pairs are remembered for duplicate detection.
    static constexpr qsizetype idempotencyWindow = 4096;

private:
    struct Posted
    {
        quint64 seq;
        QString id;
        qint64 timestamp;
        QString content;
    };

    QString m_name;
    RoomAccess m_access;
    HistoryRing m_history;
    quint64 m_lastSeq = 0;
    qint64 m_lastActivityMs;
    QHash<ConnectionKey, Member> m_members;
    QHash<QString, int> m_userConnections;
    QHash<QString, Posted> m_posted; ///< Keyed by user + '\n' + client id.
    QQueue<QString> m_postedOrder;
};

} // namespace natter
