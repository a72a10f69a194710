#pragma once

#include "httpmessage.h"
#include "ratelimiter.h"
#include "transport.h"
#include "websocketcodec.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace natter {

struct ServerContext;
class Connection;

/** @brief Receives what a connection reads; implemented by the I/O worker that owns it. */
class ConnectionHandler
{
public:
    /// A complete HTTP request. The handler answers with Connection::respond() (now or later) or upgrades.
    virtual void httpRequest(Connection &connection, http::Request &&request) = 0;
    virtual void textMessage(Connection &connection, QByteArray &&utf8) = 0;
    virtual void binaryMessage(Connection &connection) = 0;
    /// The socket is gone; called exactly once. The handler deletes the connection later.
    virtual void connectionClosed(Connection &connection) = 0;
    /// Bytes were queued: the handler calls Connection::flush() soon, once for everything queued meanwhile.
    virtual void flushRequested(Connection &connection) = 0;

protected:
    ~ConnectionHandler() = default;
};

/** @brief Who is behind a WebSocket connection and where it is. */
struct ChatSession
{
    QString user;               ///< Empty until identified (typed clients may say hello later).
    bool typed = true;          ///< Typed dialect, or seed (simple) dialect.
    bool authenticated = false; ///< Identified by a login token (--auth accounts), not by a claimed name.
    QSet<QString> rooms;        ///< Rooms joined (for a seed client: its one room).
};

/**
 * @brief One accepted TCP connection: HTTP/1.1 requests until it upgrades, then WebSocket frames.
 *
 * Enforces the transport limits itself (head and body caps, handshake/HTTP/idle timeouts, frame size,
 * a bounded send queue) so that no client can make the server buffer or wait without bound.
 */
class Connection : public QObject, private TransportEvents
{
    Q_OBJECT

public:
    enum class State
    {
        Http,
        WebSocket,
        Closing,
        Closed
    };

    Connection(quint32 id, ServerContext &context, ConnectionHandler &handler, QObject *parent);
    ~Connection() override;

    /// Takes over an accepted socket; false if the descriptor is unusable (it is closed then).
    bool adopt(qintptr socketDescriptor);

    quint32 id() const { return m_id; }
    State state() const { return m_state; }
    QString peer() const;
    /// The client's address, as the connection gate counts it.
    QHostAddress peerAddress() const { return m_peerAddress; }
    /// Counted by the connection gate (and to be released by whoever closes it).
    bool admitted = false;
    /// The connection is over a limit: its first request is answered with @p response, then it is closed.
    void refuseFirstRequest(http::Response response);
    ChatSession session;
    RateLimiter rateLimiter;

    // HTTP side.
    void respond(const http::Response &response);
    /// Answers the pending request with 101 Switching Protocols and continues as a WebSocket; @p subprotocol,
    /// if given, is the one of the client's offered Sec-WebSocket-Protocol values the server takes.
    void acceptWebSocket(const http::Request &request, const QByteArray &subprotocol = {});
    bool isHead() const { return m_pendingIsHead; }

    // WebSocket side.
    /// Queues one complete frame. Returns false (and drops the client) when its send queue is over the bound.
    bool sendFrame(const QByteArray &wireFrame);
    void sendText(const QByteArray &json);
    /// Starts the closing handshake with @p code; the socket is cut if the peer does not answer in time.
    void close(quint16 code, QByteArrayView reason);
    void abort();

    /// Called periodically by the worker: enforces timeouts and sends pings.
    void checkTimers(qint64 nowMs);

    /// Hands queued bytes to the kernel now (Qt would otherwise wait for the next write notification).
    void flush();

    /// Bytes written and not yet taken by the kernel (with TLS: not yet encrypted, plus encrypted and not sent).
    qint64 queuedBytes() const;
    qsizetype queuedFrames() const { return m_frameEnds.size() - m_frameEndsHead; }

private:
    void transportReadable() override;
    void transportWritten() override;
    void transportClosed() override;
    /// Frames wholly handed to the kernel are no longer queued.
    void advanceWritten();
    void processHttp();
    void processWebSocket(QByteArrayView bytes);
    void finish();
    void writeRaw(const QByteArray &bytes);

    quint32 m_id;
    ServerContext &m_context;
    ConnectionHandler &m_handler;
    std::unique_ptr<Transport> m_transport;
    State m_state = State::Http;

    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    std::optional<http::Response> m_refusal;
    std::unique_ptr<http::RequestParser> m_httpParser;
    bool m_awaitingResponse = false;
    bool m_pendingIsHead = false;
    bool m_pendingKeepAlive = true;
    int m_requestsServed = 0;

    std::unique_ptr<websocket::FrameDecoder> m_decoder;
    qint64 m_lastActivityMs = 0; ///< HTTP: accept or last response; WebSocket: last bytes received.
    qint64 m_lastPingMs = 0;
    qint64 m_closeDeadlineMs = 0;

    // Send-queue accounting: cumulative end offset of every frame not yet handed to the kernel.
    QList<qint64> m_frameEnds;
    qsizetype m_frameEndsHead = 0;
    qint64 m_bytesQueued = 0;
    bool m_finished = false;
    bool m_flushRequested = false;
};

} // namespace natter
