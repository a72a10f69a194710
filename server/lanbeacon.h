#pragma once

#include <QHostAddress>
#include <QObject>

class QTimer;
class QUdpSocket;

namespace natter {

/// Where Natter servers announce themselves; clients listen here to list servers on the network.
namespace lan {
inline const QHostAddress multicastGroup{QStringLiteral("239.255.78.71")};
constexpr quint16 defaultPort = 8083;
constexpr int announceIntervalMs = 2000;
} // namespace lan

/**
 * @brief Announces a running server on the local network with a small UDP multicast datagram
 * (name, WebSocket port, whether it speaks TLS, version), so desktop clients can list it without typing an address.
 */
class LanBeacon : public QObject
{
    Q_OBJECT

public:
    LanBeacon(QString serverName, quint16 serverPort, bool tls, QHostAddress target, quint16 announcePort,
              QObject *parent = nullptr);

    void start();
    QByteArray datagram() const;

private:
    void announce();

    QString m_serverName;
    quint16 m_serverPort;
    bool m_tls;
    QHostAddress m_target;
    quint16 m_announcePort;
    QString m_instanceId;
    QUdpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    bool m_warned = false;
};

} // namespace natter
