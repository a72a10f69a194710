#pragma once

#include <QAbstractListModel>
#include <QHostAddress>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QUdpSocket;

namespace natter {

/** @brief Natter servers announcing themselves on the local network (see LanBeacon), newest first. */
class ServerDiscovery : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool listening READ isListening NOTIFY listeningChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        AddressRole, ///< "host:port", or "wss://host:port" for a server that speaks TLS
        HostRole,
        PortRole,
        VersionRole,
        SecureRole, ///< The server speaks TLS only (wss://).
    };
    Q_ENUM(Role)

    explicit ServerDiscovery(QObject *parent = nullptr);
    ~ServerDiscovery() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_servers.size()); }
    bool isListening() const;

    /// Listens on @p port; joins @p group when it is a multicast address. Called by the constructor with the
    /// defaults (or NATTER_LAN_GROUP / NATTER_LAN_PORT from the environment, for isolated networks).
    bool listen(const QHostAddress &group, quint16 port);
    void stop();
    /// A server not heard from for this long is removed.
    void setExpiryMs(int ms) { m_expiryMs = ms; }

signals:
    void countChanged();
    void listeningChanged();

private:
    struct Server
    {
        QString id;
        QString name;
        QString host;
        quint16 port = 0;
        bool secure = false;
        QString version;
        qint64 lastSeenMs = 0;
    };
    void readDatagrams();
    void expire();

    QUdpSocket *m_socket = nullptr;
    QList<Server> m_servers;
    QTimer m_expiryTimer;
    int m_expiryMs = 10'000;
};

} // namespace natter
