#include "connection.h"

#include "servercontext.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConnection, "natter.server.connection")

namespace natter {

using websocket::CloseCode;
using websocket::Opcode;

Connection::Connection(quint32 id, ServerContext &context, ConnectionHandler &handler, QObject *parent)
    : QObject(parent)
    , rateLimiter(context.config.rateLimit, context.config.rateBurst)
    , m_id(id)
    , m_context(context)
    , m_handler(handler)
{}

Connection::~Connection() = default;

bool Connection::adopt(qintptr socketDescriptor)
{
    // Plain connections keep a plain socket: TLS costs nothing where it is not used.
    m_transport = m_context.tls ? Transport::tls(*this, *m_context.tls) : Transport::plain(*this);
    if (!m_transport->adopt(socketDescriptor))
        return false;
    m_httpParser =
        std::make_unique<http::RequestParser>(m_context.config.maxHeaderBytes, m_context.config.maxBodyBytes);
    m_lastActivityMs = m_context.nowMs();
    m_peerAddress = ConnectionGate::normalized(m_transport->peerAddress());
    m_peerPort = m_transport->peerPort();
    return !m_finished; // TLS may fail at once
}

QString Connection::peer() const
{
    return m_transport ? QStringLiteral("%1:%2").arg(m_peerAddress.toString()).arg(m_peerPort) : QString();
}

qint64 Connection::queuedBytes() const
{
    return m_transport ? m_transport->queuedBytes() : 0;
}

void Connection::transportReadable()
{
    if (m_state == State::Http) {
        if (m_awaitingResponse) {
            // One request at a time: the rest waits in the kernel, which pushes back on the client.
            m_transport->setReadingPaused(true);
            return;
        }
        m_httpParser->append(m_transport->read());
        processHttp();
    } else if (m_state == State::WebSocket || m_state == State::Closing) {
        const QByteArray bytes = m_transport->read();
        m_lastActivityMs = m_context.nowMs();
        processWebSocket(bytes);
    } else {
        m_transport->read();
    }
}

void Connection::processHttp()
{
    while (m_state == State::Http && !m_awaitingResponse) {
        http::Request request;
        switch (m_httpParser->next(request)) {
        case http::RequestParser::Status::NeedMoreData:
            return;
        case http::RequestParser::Status::Failed: {
            const auto &failure = m_httpParser->failure();
            qCInfo(lcConnection).noquote() << peer() << "bad HTTP request:" << failure.status << failure.message;
            m_pendingKeepAlive = false;
            m_pendingIsHead = false;
            m_awaitingResponse = true;
            m_transport->setReadingPaused(true);
            respond(http::Response::error(failure.status, failure.message));
            return;
        }
        case http::RequestParser::Status::Complete:
            m_awaitingResponse = true;
            m_transport->setReadingPaused(true);
            m_pendingKeepAlive = request.keepAlive;
            m_pendingIsHead = request.method == "HEAD";
            if (m_refusal) {
                m_pendingKeepAlive = false;
                respond(*m_refusal);
                return;
            }
            m_handler.httpRequest(*this, std::move(request));
            break;
        }
    }
}

void Connection::refuseFirstRequest(http::Response response)
{
    // Answered once the request arrived, not at once: closing a socket with unread request bytes makes the
    // kernel reset the connection, and the client would never read why it was turned away.
    m_refusal = std::move(response);
}

void Connection::respond(const http::Response &response)
{
    if (m_state != State::Http || !m_awaitingResponse)
        return;
    const bool keepAlive = m_pendingKeepAlive && response.status < 400;
    writeRaw(response.serialize(keepAlive, m_pendingIsHead));
    m_awaitingResponse = false;
    ++m_requestsServed;
    m_lastActivityMs = m_context.nowMs();
    if (!keepAlive) {
        m_state = State::Closing;
        m_closeDeadlineMs = m_lastActivityMs + m_context.config.closeTimeoutMs;
        m_transport->closeAfterFlush();
        return;
    }
    // Pick up a pipelined request that is already parsed or buffered; then read on.
    processHttp();
    if (m_state == State::Http && !m_awaitingResponse)
        m_transport->setReadingPaused(false);
}

void Connection::acceptWebSocket(const http::Request &request, const QByteArray &subprotocol)
{
    if (m_state != State::Http || !m_awaitingResponse)
        return;
    QByteArray response = "HTTP/1.1 101 Switching Protocols\r\n"
                          "Upgrade: websocket\r\n"
                          "Connection: Upgrade\r\n"
                          "Sec-WebSocket-Accept: " +
                          websocket::acceptKey(request.header("sec-websocket-key")) + "\r\n";
    if (!subprotocol.isEmpty())
        response += "Sec-WebSocket-Protocol: " + subprotocol + "\r\n";
    response += "\r\n";
    writeRaw(response);
    m_awaitingResponse = false;
    m_state = State::WebSocket;
    const qint64 now = m_context.nowMs();
    m_lastActivityMs = now;
    m_lastPingMs = now;
    m_decoder = std::make_unique<websocket::FrameDecoder>(m_context.config.maxFrameBytes);
    const QByteArray early = m_httpParser->takeRemainder();
    m_httpParser.reset();
    m_context.metrics.webSocketsOpen.fetch_add(1, std::memory_order_relaxed);
    m_context.metrics.webSocketsAccepted.fetch_add(1, std::memory_order_relaxed);
    m_transport->setReadingPaused(false);
    if (!early.isEmpty())
        processWebSocket(early);
}

void Connection::processWebSocket(QByteArrayView bytes)
{
    if (!m_decoder)
        return;
    m_decoder->append(bytes);
    websocket::IncomingMessage message;
    while (m_state == State::WebSocket || m_state == State::Closing) {
        const auto status = m_decoder->next(message);
        if (status == websocket::FrameDecoder::Status::NeedMoreData)
            return;
        if (status == websocket::FrameDecoder::Status::Failed) {
            qCInfo(lcConnection).noquote() << peer() << "closing: WebSocket" << m_decoder->failureReason();
            if (m_state == State::WebSocket) {
                close(m_decoder->failureCode(), m_decoder->failureReason());
            }
            // Nothing more from this peer can be trusted: wait for the close to flush, then cut.
            m_transport->closeAfterFlush();
            return;
        }
        switch (message.opcode) {
        case Opcode::Text:
            if (m_state == State::WebSocket)
                m_handler.textMessage(*this, std::move(message.payload));
            break;
        case Opcode::Binary:
            if (m_state == State::WebSocket)
                m_handler.binaryMessage(*this);
            break;
        case Opcode::Ping:
            if (m_state == State::WebSocket)
                writeRaw(websocket::encodeFrame(Opcode::Pong, message.payload));
            break;
        case Opcode::Pong:
            break; // any traffic already counts as liveness
        case Opcode::Close: {
            if (m_state == State::WebSocket) {
                // Echo the peer's code, as RFC 6455 asks, then let the TCP close follow the flush.
                quint16 code = CloseCode::NormalClosure;
                if (message.payload.size() >= 2)
                    code = quint16((quint8(message.payload[0]) << 8) | quint8(message.payload[1]));
                writeRaw(websocket::encodeCloseFrame(code == CloseCode::NoStatus ? quint16(CloseCode::NormalClosure)
                                                                                 : code));
                m_state = State::Closing;
                m_closeDeadlineMs = m_context.nowMs() + m_context.config.closeTimeoutMs;
            }
            m_transport->closeAfterFlush();
            return;
        }
        case Opcode::Continuation:
            break; // the decoder reassembles; never surfaces
        }
    }
}

bool Connection::sendFrame(const QByteArray &wireFrame)
{
    if (m_state != State::WebSocket)
        return false;
    const auto &config = m_context.config;
    const auto overBound = [&] {
        return queuedBytes() + wireFrame.size() > config.maxSendQueueBytes ||
               queuedFrames() >= config.maxSendQueueFrames;
    };
    // Only what the kernel will not take counts against the client: try handing it over first.
    if (overBound())
        m_transport->flush();
    if (overBound()) {
        m_context.metrics.slowConsumersDropped.fetch_add(1, std::memory_order_relaxed);
        qCInfo(lcConnection).noquote() << peer() << "dropped: not reading fast enough (" << queuedBytes() << "bytes,"
                                       << queuedFrames() << "frames queued)";
        close(CloseCode::PolicyViolation, "send queue full: not reading fast enough");
        return false;
    }
    writeRaw(wireFrame);
    return true;
}

void Connection::sendText(const QByteArray &json)
{
    sendFrame(websocket::encodeFrame(Opcode::Text, json));
}

void Connection::writeRaw(const QByteArray &bytes)
{
    m_transport->write(bytes);
    m_bytesQueued += bytes.size();
    m_frameEnds.append(m_bytesQueued);
    if (!m_flushRequested) {
        m_flushRequested = true;
        m_handler.flushRequested(*this);
    }
}

void Connection::flush()
{
    m_flushRequested = false;
    if (m_transport->isOpen())
        m_transport->flush();
}

void Connection::transportWritten()
{
    advanceWritten();
}

void Connection::transportClosed()
{
    finish();
}

void Connection::advanceWritten()
{
    // Every byte not yet in the kernel is still queued in the transport. With TLS, ciphertext does not map onto
    // plaintext byte for byte and records are a little larger than what they carry: this then underestimates
    // what left, by far less than a frame, and never counts a frame sent too early.
    const qint64 written = m_bytesQueued - queuedBytes();
    while (m_frameEndsHead < m_frameEnds.size() && m_frameEnds[m_frameEndsHead] <= written)
        ++m_frameEndsHead;
    if (m_frameEndsHead == m_frameEnds.size()) {
        m_frameEnds.clear();
        m_frameEndsHead = 0;
    } else if (m_frameEndsHead > 1024) {
        m_frameEnds.remove(0, m_frameEndsHead);
        m_frameEndsHead = 0;
    }
}

void Connection::close(quint16 code, QByteArrayView reason)
{
    if (m_state == State::WebSocket) {
        writeRaw(websocket::encodeCloseFrame(code, reason));
        m_state = State::Closing;
        m_closeDeadlineMs = m_context.nowMs() + m_context.config.closeTimeoutMs;
    } else if (m_state == State::Http) {
        m_state = State::Closing;
        m_closeDeadlineMs = m_context.nowMs() + m_context.config.closeTimeoutMs;
        m_transport->closeAfterFlush();
    }
}

void Connection::abort()
{
    if (m_transport)
        m_transport->abort();
    finish();
}

void Connection::checkTimers(qint64 nowMs)
{
    const auto &config = m_context.config;
    switch (m_state) {
    case State::Http: {
        if (m_awaitingResponse)
            return;
        const qint64 limit = m_requestsServed == 0 ? config.handshakeTimeoutMs : config.httpTimeoutMs;
        if (nowMs - m_lastActivityMs <= limit)
            return;
        m_context.metrics.timeouts.fetch_add(1, std::memory_order_relaxed);
        if (m_transport->awaitingEncryption()) {
            // No TLS yet: an HTTP answer could not be sent (and would be unreadable to the peer anyway).
            qCInfo(lcConnection).noquote() << peer() << "closing: TLS handshake not completed in time";
            abort();
            return;
        }
        if (m_httpParser->hasPartialRequest() || m_transport->hasUnreadBytes() || m_requestsServed == 0) {
            qCInfo(lcConnection).noquote() << peer() << "closing: request not received in time";
            m_awaitingResponse = true;
            m_pendingKeepAlive = false;
            m_pendingIsHead = false;
            respond(http::Response::error(408, QStringLiteral("the request did not arrive in time")));
        } else {
            close(CloseCode::NormalClosure, {});
        }
        return;
    }
    case State::WebSocket:
        if (nowMs - m_lastActivityMs > config.idleTimeoutMs) {
            m_context.metrics.timeouts.fetch_add(1, std::memory_order_relaxed);
            qCInfo(lcConnection).noquote() << peer() << "closing: silent for" << (nowMs - m_lastActivityMs) << "ms";
            close(CloseCode::GoingAway, "idle timeout");
        } else if (nowMs - m_lastPingMs >= config.pingIntervalMs) {
            m_lastPingMs = nowMs;
            sendFrame(websocket::encodeFrame(Opcode::Ping, {}));
        }
        return;
    case State::Closing:
        if (nowMs > m_closeDeadlineMs)
            abort();
        return;
    case State::Closed:
        return;
    }
}

void Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_decoder)
        m_context.metrics.webSocketsOpen.fetch_sub(1, std::memory_order_relaxed);
    m_state = State::Closed;
    m_handler.connectionClosed(*this);
}

} // namespace natter
