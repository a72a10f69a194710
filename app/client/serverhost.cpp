#include "serverhost.h"

#include "chatserver.h"
#include "lanbeacon.h"
#include "languagemanager.h"

#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcHost, "natter.client.host")

namespace natter {

ServerHost::ServerHost(QObject *parent)
    : QObject(parent)
    , m_announceAddress(lan::multicastGroup.toString())
    , m_announcePort(lan::defaultPort)
{
    // The count is read from the server's shared counter; a second is live enough for a status line.
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &ServerHost::pollConnections);
    onLanguageChange(this, [this] {
        if (m_error)
            emit errorChanged();
    });
}

ServerHost::~ServerHost()
{
    stop();
}

bool ServerHost::isRunning() const
{
    return m_server && m_server->isRunning();
}

int ServerHost::port() const
{
    return isRunning() ? m_server->port() : 0;
}

QStringList ServerHost::addresses() const
{
    if (!isRunning())
        return {};
    QStringList result;
    const QString portText = QString::number(m_server->port());
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        result.append(address.toString() + QLatin1Char(':') + portText);
    }
    if (result.isEmpty())
        result.append(QStringLiteral("127.0.0.1:") + portText);
    return result;
}

QString ServerHost::localAddress() const
{
    return isRunning() ? QStringLiteral("127.0.0.1:%1").arg(m_server->port()) : QString();
}

void ServerHost::setAnnounce(const QString &address, quint16 port)
{
    m_announceAddress = address;
    m_announcePort = port;
}

void ServerHost::setError(std::function<QString()> error)
{
    const QString before = this->error();
    m_error = std::move(error);
    if (this->error() != before)
        emit errorChanged();
}

bool ServerHost::start(int port, const QString &name)
{
    if (isRunning())
        stop();
    if (port < 0 || port > 65535) {
        setError([] { return tr("The port must be a number from 1 to 65535."); });
        return false;
    }
    ServerConfig config;
    config.port = quint16(port);
    if (!m_bindAddress.isEmpty())
        config.bindAddress = QHostAddress(m_bindAddress);
    config.serverName = name.trimmed().isEmpty() ? tr("Natter server") : name.trimmed().left(64);
    config.announce = !m_announceAddress.isEmpty();
    config.announceAddress = QHostAddress(m_announceAddress);
    config.announcePort = m_announcePort;
    config.database = m_database;
    config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/hosted");
    auto server = std::make_unique<ChatServer>(config);
    if (!server->start()) {
        setError([reason = server->errorString()] { return reason; }); // the server's words, translated as it failed
        return false;
    }
    m_server = std::move(server);
    m_serverName = config.serverName;
    setError({});
    m_connectionCount = 0;
    m_poll.start();
    qCInfo(lcHost) << "hosting on port" << m_server->port();
    emit runningChanged();
    emit connectionCountChanged();
    return true;
}

void ServerHost::stop()
{
    if (!m_server)
        return;
    m_poll.stop();
    m_server->stop(); // closes every WebSocket with 1001 and joins the server's threads
    m_server.reset();
    m_connectionCount = 0;
    emit runningChanged();
    emit connectionCountChanged();
}

void ServerHost::pollConnections()
{
    const int count = isRunning() ? int(m_server->webSocketConnections()) : 0;
    if (count == m_connectionCount)
        return;
    m_connectionCount = count;
    emit connectionCountChanged();
}

} // namespace natter
