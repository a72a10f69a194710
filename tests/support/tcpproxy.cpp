#include "tcpproxy.h"

#include <QTcpSocket>

namespace {
constexpr const char *sentHead = "sentHead";
constexpr const char *silenced = "silenced";
constexpr qsizetype sentHeadBytes = 4096;
} // namespace

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
        const auto forward = [client, upstream] {
            const QByteArray data = client->readAll();
            if (const QByteArray head = client->property(sentHead).toByteArray(); head.size() < sentHeadBytes)
                client->setProperty(sentHead, QByteArray(head + data.left(sentHeadBytes - head.size())));
            upstream->write(data);
        };
        connect(client, &QTcpSocket::readyRead, upstream, forward);
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] {
            const QByteArray data = upstream->readAll();
            if (!client->property(silenced).toBool())
                client->write(data);
        });
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
        connect(upstream, &QTcpSocket::connected, client, forward);
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

int TcpProxy::silenceRepliesTo(const QByteArray &marker)
{
    int found = 0;
    for (const Pair &pair : std::as_const(m_pairs)) {
        if (pair.client->property(sentHead).toByteArray().contains(marker)) {
            pair.client->setProperty(silenced, true);
            ++found;
        }
    }
    return found;
}
