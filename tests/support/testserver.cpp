#include "testserver.h"

#include <QTest>

TestServer::TestServer(const std::function<void(natter::ServerConfig &)> &tweak)
{
    auto config = defaultConfig();
    if (tweak)
        tweak(config);
    m_server = std::make_unique<natter::ChatServer>(config);
    if (!m_server->start())
        qWarning("test server failed to start: %s", qUtf8Printable(m_server->errorString()));
}

TestServer::~TestServer() = default;

natter::ServerConfig TestServer::defaultConfig()
{
    natter::ServerConfig config;
    config.port = 0;
    config.bindAddress = QHostAddress::LocalHost;
    config.threads = 2;
    config.announce = false;
    config.serverName = QStringLiteral("test server");
    config.rateLimit = 10'000;
    config.rateBurst = 10'000;
    config.database = QStringLiteral("memory"); // tests that need storage choose their own
    return config;
}

QUrl TestServer::webSocketUrl(const QString &query) const
{
    QUrl url(QStringLiteral("%1://127.0.0.1:%2/ws")
                 .arg(m_server->config().tlsEnabled() ? QStringLiteral("wss") : QStringLiteral("ws"))
                 .arg(port()));
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    return url;
}

QUrl TestServer::httpUrl(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_server->config().tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port())
                    .arg(pathAndQuery),
                QUrl::StrictMode);
}
