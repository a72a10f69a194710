#include "serverdiscovery.h"

#include "lanbeacon.h"
#include "serveraddress.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QUdpSocket>

Q_LOGGING_CATEGORY(lcDiscovery, "natter.client.discovery")

namespace natter {

ServerDiscovery::ServerDiscovery(QObject *parent)
    : QAbstractListModel(parent)
{
    m_expiryTimer.setInterval(1000);
    connect(&m_expiryTimer, &QTimer::timeout, this, &ServerDiscovery::expire);
    // Isolated networks (and tests) can move discovery off the default group.
    const QByteArray group = qgetenv("NATTER_LAN_GROUP");
    const QByteArray port = qgetenv("NATTER_LAN_PORT");
    if (group != "off")
        listen(group.isEmpty() ? lan::multicastGroup : QHostAddress(QString::fromLatin1(group)),
               port.isEmpty() ? lan::defaultPort : quint16(port.toUInt()));
}

ServerDiscovery::~ServerDiscovery() = default;

bool ServerDiscovery::isListening() const
{
    return m_socket && m_socket->state() == QAbstractSocket::BoundState;
}

bool ServerDiscovery::listen(const QHostAddress &group, quint16 port)
{
    stop();
    m_socket = new QUdpSocket(this);
    // Several apps on one machine may all listen for beacons.
    if (!m_socket->bind(QHostAddress::AnyIPv4, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        qCInfo(lcDiscovery).noquote() << "cannot listen for servers on the network:" << m_socket->errorString();
        delete m_socket;
        m_socket = nullptr;
        emit listeningChanged();
        return false;
    }
    if (group.isMulticast() && !m_socket->joinMulticastGroup(group))
        qCInfo(lcDiscovery).noquote() << "cannot join" << group.toString() << ":" << m_socket->errorString();
    connect(m_socket, &QUdpSocket::readyRead, this, &ServerDiscovery::readDatagrams);
    m_expiryTimer.start();
    emit listeningChanged();
    return true;
}

void ServerDiscovery::stop()
{
    if (!m_socket)
        return;
    delete m_socket;
    m_socket = nullptr;
    m_expiryTimer.stop();
    emit listeningChanged();
}

int ServerDiscovery::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QVariant ServerDiscovery::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Server &server = m_servers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return server.name;
    case AddressRole:
        return ServerAddress{server.host, server.port, server.secure}.display();
    case HostRole:
        return server.host;
    case PortRole:
        return server.port;
    case VersionRole:
        return server.version;
    case SecureRole:
        return server.secure;
    default:
        return {};
    }
}

QHash<int, QByteArray> ServerDiscovery::roleNames() const
{
    return {{NameRole, "name"}, {AddressRole, "address"}, {HostRole, "host"},
            {PortRole, "port"}, {VersionRole, "version"}, {SecureRole, "secure"}};
}

void ServerDiscovery::readDatagrams()
{
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(2048);
        const QJsonObject beacon = QJsonDocument::fromJson(datagram.data()).object();
        const QString id = beacon.value(QLatin1StringView("id")).toString();
        const int port = beacon.value(QLatin1StringView("port")).toInt();
        if (beacon.value(QLatin1StringView("natter")).toInt() != 1 || id.isEmpty() || port <= 0 || port > 65535)
            continue; // not one of ours
        QHostAddress sender = datagram.senderAddress();
        if (sender.protocol() == QAbstractSocket::IPv6Protocol) {
            bool mapped = false;
            const quint32 ipv4 = sender.toIPv4Address(&mapped);
            if (mapped)
                sender = QHostAddress(ipv4);
        }
        Server server{id,
                      beacon.value(QLatin1StringView("name")).toString().left(64),
                      sender.toString(),
                      quint16(port),
                      beacon.value(QLatin1StringView("tls")).toBool(), // older servers do not say: plain
                      beacon.value(QLatin1StringView("version")).toString().left(32),
                      QDateTime::currentMSecsSinceEpoch()};
        const auto existing =
            std::find_if(m_servers.begin(), m_servers.end(), [&](const Server &s) { return s.id == id; });
        if (existing != m_servers.end()) {
            const int row = int(existing - m_servers.begin());
            const bool changed = existing->name != server.name || existing->host != server.host ||
                                 existing->port != server.port || existing->secure != server.secure;
            *existing = server;
            if (changed)
                emit dataChanged(index(row), index(row));
            continue;
        }
        beginInsertRows({}, 0, 0);
        m_servers.prepend(server);
        endInsertRows();
        emit countChanged();
    }
}

void ServerDiscovery::expire()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_expiryMs;
    for (qsizetype row = m_servers.size() - 1; row >= 0; --row) {
        if (m_servers.at(row).lastSeenMs >= cutoff)
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_servers.removeAt(row);
        endRemoveRows();
        emit countChanged();
    }
}

} // namespace natter
