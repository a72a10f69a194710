#include "tcpproxy.h"

#include <QTcpSocket>

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

void TcpProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(this);
        client->setParent(this);
        m_pairs.append(Pair{client, upstream});
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        const auto drop = [this, client, upstream] {
            m_pairs.removeIf([&](const Pair &pair) { return pair.client == client; });
            client->abort();
            upstream->abort();
            client->deleteLater();
            upstream->deleteLater();
        };
        connect(client, &QTcpSocket::disconnected, this, drop);
        connect(upstream, &QTcpSocket::disconnected, this, drop);
        connect(upstream, &QTcpSocket::errorOccurred, this, drop);
        // Bytes the client sent before the upstream connection was up are buffered by QTcpSocket until then.
        connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void TcpProxy::cutAll()
{
    const auto pairs = m_pairs;
    m_pairs.clear();
    for (const Pair &pair : pairs) {
        pair.client->abort();
        pair.upstream->abort();
        pair.client->deleteLater();
        pair.upstream->deleteLater();
    }
}
