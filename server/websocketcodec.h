#pragma once

#include <QByteArray>
#include <QByteArrayView>

/**
 * RFC 6455 framing for the server side. Qt 6.4's QWebSocketServer cannot be steered where a chat server
 * needs it (thread affinity of accepted sockets, outbound backpressure, one pre-built frame for many
 * recipients, UTF-8 split across continuation frames), so the server speaks the framing itself; the
 * desktop client and the tests use QtWebSockets, which keeps this implementation honest.
 */
namespace natter::websocket {

enum class Opcode : quint8
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/// Close codes used by the server (RFC 6455 section 7.4.1).
enum CloseCode : quint16
{
    NormalClosure = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    NoStatus = 1005,
    InvalidPayload = 1007,
    PolicyViolation = 1008,
    MessageTooBig = 1009,
    InternalError = 1011,
    // Private use (4000-4999), documented in PROTOCOL.md.
    Kicked = 4001, ///< An admin removed this user; they may connect again.
    Banned = 4002, ///< An admin banned this user; connecting again is refused until the ban is lifted.
};

/// The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key.
QByteArray acceptKey(QByteArrayView clientKey);

/// A complete unmasked server frame (FIN set) ready to be written to any number of sockets.
QByteArray encodeFrame(Opcode opcode, QByteArrayView payload);
QByteArray encodeCloseFrame(quint16 code, QByteArrayView reason = {});

/// One complete message (data frames reassembled) or control frame read from a client.
struct IncomingMessage
{
    Opcode opcode = Opcode::Text;
    QByteArray payload;
};

/**
 * @brief Incremental decoder of client frames: checks masking, sizes (before buffering a payload),
 * control-frame rules, fragmentation and UTF-8 of whole text messages.
 */
class FrameDecoder
{
public:
    enum class Status
    {
        NeedMoreData,
        Message,
        Failed
    };

    explicit FrameDecoder(qint64 maxMessageBytes);

    void append(QByteArrayView bytes);
    /// Decodes the next message from what was appended. After Failed, failureCode() says how to close.
    Status next(IncomingMessage &out);

    quint16 failureCode() const { return m_failureCode; }
    const char *failureReason() const { return m_failureReason; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }

private:
    Status fail(quint16 code, const char *reason);

    qint64 m_maxMessageBytes;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    bool m_inFragmentedMessage = false;
    Opcode m_fragmentOpcode = Opcode::Text;
    QByteArray m_fragments;
    quint16 m_failureCode = 0;
    const char *m_failureReason = "";
};

} // namespace natter::websocket
