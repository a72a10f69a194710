#include "room.h"

#include <algorithm>

namespace natter {

Room::Room(QString name, qsizetype historyCapacity, qint64 createdAtMs)
    : m_name(std::move(name))
    , m_history(historyCapacity)
    , m_lastActivityMs(createdAtMs)
{}

bool Room::addMember(ConnectionKey key, const QString &user, bool wantsEvents)
{
    auto existing = m_members.find(key);
    if (existing != m_members.end()) {
        existing->wantsEvents = wantsEvents;
        return false;
    }
    m_members.insert(key, Member{user, wantsEvents});
    return ++m_userConnections[user] == 1;
}

std::optional<QString> Room::removeMember(ConnectionKey key)
{
    auto it = m_members.find(key);
    if (it == m_members.end())
        return std::nullopt;
    QString user = it->user;
    m_members.erase(it);
    auto count = m_userConnections.find(user);
    if (count != m_userConnections.end() && --*count <= 0) {
        m_userConnections.erase(count);
        return user;
    }
    return std::nullopt;
}

QStringList Room::memberNames() const
{
    QStringList names = m_userConnections.keys();
    std::sort(names.begin(), names.end());
    return names;
}

void Room::appendCommitted(const ChatMessage &message)
{
    m_lastSeq = std::max(m_lastSeq, message.seq);
    m_lastActivityMs = std::max(m_lastActivityMs, message.timestamp);
    m_history.append(message);
}

void Room::restore(quint64 lastSeq, const QList<ChatMessage> &latest)
{
    m_history.clear();
    for (const auto &message : latest)
        m_history.append(message);
    m_lastSeq = lastSeq;
    if (!latest.isEmpty())
        m_lastActivityMs = latest.constLast().timestamp;
}

Room::PostResult Room::post(const QString &user, const QString &content, const QString &clientId, qint64 timestampMs,
                            QString messageId)
{
    QString key;
    if (!clientId.isEmpty()) {
        key = user + QLatin1Char('\n') + clientId;
        const auto seen = m_posted.constFind(key);
        if (seen != m_posted.constEnd()) {
            return {ChatMessage{seen->seq, seen->id, m_name, user, seen->content, seen->timestamp, clientId}, true};
        }
    }

    ChatMessage message{++m_lastSeq, std::move(messageId), m_name, user, content, timestampMs, clientId};
    m_lastActivityMs = timestampMs;
    if (!key.isEmpty()) {
        m_posted.insert(key, Posted{message.seq, message.id, message.timestamp, message.content});
        m_postedOrder.enqueue(key);
        if (m_postedOrder.size() > idempotencyWindow)
            m_posted.remove(m_postedOrder.dequeue());
    }
    m_history.append(message);
    return {std::move(message), false};
}

} // namespace natter
