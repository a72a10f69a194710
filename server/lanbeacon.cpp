#include "lanbeacon.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <QUdpSocket>
#include <QUuid>

Q_LOGGING_CATEGORY(lcBeacon, "natter.server.beacon")

namespace natter {

LanBeacon::LanBeacon(QString serverName, quint16 serverPort, bool tls, QHostAddress target, quint16 announcePort,
                     QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
    , m_serverPort(serverPort)
    , m_tls(tls)
    , m_target(std::move(target))
    , m_announcePort(announcePort)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

void LanBeacon::start()
{
    m_socket = new QUdpSocket(this);
    // Stay on the local network segment, and let clients on this machine hear it too.
    m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, 1);
    m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &LanBeacon::announce);
    m_timer->start(lan::announceIntervalMs);
    announce();
}

QByteArray LanBeacon::datagram() const
{
    return QJsonDocument(QJsonObject{
                             {QLatin1StringView("natter"), 1},
                             {QLatin1StringView("name"), m_serverName},
                             {QLatin1StringView("port"), m_serverPort},
                             {QLatin1StringView("tls"), m_tls},
                             {QLatin1StringView("version"), QStringLiteral(NATTER_VERSION)},
                             {QLatin1StringView("id"), m_instanceId},
                         })
        .toJson(QJsonDocument::Compact);
}

void LanBeacon::announce()
{
    if (m_socket->writeDatagram(datagram(), m_target, m_announcePort) < 0 && !m_warned) {
        // Common on hosts without a multicast route; the server works anyway, it just is not listed.
        m_warned = true;
        qCWarning(lcBeacon).noquote() << "cannot announce on the local network:" << m_socket->errorString();
    }
}

} // namespace natter
