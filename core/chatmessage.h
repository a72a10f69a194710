#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter {

/** @brief One posted chat message as the server stored and numbered it. */
struct ChatMessage
{
    quint64 seq = 0; ///< Position in its room, 1 for the first message; grows by one per message.
    QString id;      ///< Server-assigned unique id.
    QString room;
    QString user;
    QString content;
    qint64 timestamp = 0; ///< Unix time in milliseconds, set by the server.
    QString clientId;     ///< The sender's idempotency key, empty when the sender gave none.

    /// The wire form shared by WebSocket frames (both dialects) and REST history items.
    QJsonObject toJson() const;
    static std::optional<ChatMessage> fromJson(const QJsonObject &object);

    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

} // namespace natter
