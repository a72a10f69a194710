#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace natter {

/** @brief Where a server is, from what a person types: "host", "host:port", "ws://host:port" or "wss://…". */
struct ServerAddress
{
    QString host;
    quint16 port = 8082;
    bool secure = false;

    static std::optional<ServerAddress> parse(const QString &text);

    /// The WebSocket endpoint; with @p user, the name goes in the query (seed-style identification).
    QUrl webSocketUrl(const QString &user = {}) const;
    QUrl httpUrl(const QString &path) const;
    /// "host:port", as shown and remembered.
    QString display() const;
};

} // namespace natter
