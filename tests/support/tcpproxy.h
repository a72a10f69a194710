#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

/**
 * @brief A loopback TCP relay between a client and a server, so a test can cut live connections (as a network
 * failure would) while the server itself keeps running.
 */
class TcpProxy : public QObject
{
    Q_OBJECT

public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    void setTargetPort(quint16 port) { m_targetPort = port; }
    /// Cuts every relayed connection at once (both sides see the connection reset).
    void cutAll();
    int connectionCount() const { return int(m_pairs.size()); }
    /// While refusing, new connections are closed at once (a server that is down).
    void setRefusing(bool refusing) { m_refusing = refusing; }
    /// Connections whose client sent @p marker (in its first 4 KiB) get nothing more from the server, though both
    /// sides stay open: a half-open connection. Returns how many were found.
    int silenceRepliesTo(const QByteArray &marker);

private:
    void accept();

    struct Pair
    {
        QTcpSocket *client;
        QTcpSocket *upstream;
    };
    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Pair> m_pairs;
    bool m_refusing = false;
};
