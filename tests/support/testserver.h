#pragma once

#include "chatserver.h"

#include <QUrl>

#include <functional>
#include <memory>

/**
 * @brief A real ChatServer on 127.0.0.1 and a free port, started in the constructor, stopped in the destructor.
 *
 * Test defaults: two threads, no LAN beacon, a generous rate limit (tests that check limits set their own).
 */
class TestServer
{
public:
    explicit TestServer(const std::function<void(natter::ServerConfig &)> &tweak = {});
    ~TestServer();

    bool isRunning() const { return m_server->isRunning(); }
    natter::ChatServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

    /// ws://127.0.0.1:PORT/ws (wss:// with TLS) with @p query (already encoded, without '?').
    QUrl webSocketUrl(const QString &query = {}) const;
    /// http:// (https:// with TLS) URL of @p pathAndQuery.
    QUrl httpUrl(const QString &pathAndQuery) const;

    static natter::ServerConfig defaultConfig();

private:
    std::unique_ptr<natter::ChatServer> m_server;
};
