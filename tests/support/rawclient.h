#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

/**
 * @brief A bare TCP client for what a well-behaved WebSocket library never sends: malformed HTTP, unmasked
 * or oversized frames, invalid UTF-8, slow or stalled peers.
 */
class RawClient
{
public:
    struct Frame
    {
        quint8 opcode = 0;
        QByteArray payload;
    };

    /// @p localAddress: where the connection comes from (e.g. 127.0.0.2 to look like another computer).
    explicit RawClient(const QHostAddress &localAddress = {});

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void write(const QByteArray &bytes);
    /// Sends a WebSocket upgrade for @p target and returns the response head (status line and headers).
    QByteArray upgrade(quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {});
    /// Waits until a complete HTTP response (head and Content-Length body) arrived and returns it.
    QByteArray readHttpResponse(int timeoutMs = 5000);
    /// Sends one client frame; masked unless told otherwise.
    void sendFrame(quint8 opcode, const QByteArray &payload, bool fin = true, bool masked = true);
    /// Waits for the next server frame.
    bool readFrame(Frame &frame, int timeoutMs = 5000);
    /// Reads frames until a close frame arrives and returns its code (0 if the connection ended without one).
    int waitForClose(int timeoutMs = 5000);
    bool waitDisconnected(int timeoutMs = 5000);

    QTcpSocket &socket() { return m_socket; }
    static QByteArray buildFrame(quint8 opcode, const QByteArray &payload, bool fin = true, bool masked = true);

private:
    bool tryDecode(Frame &frame);

    QTcpSocket m_socket;
    QHostAddress m_localAddress;
    QByteArray m_buffer;
};
