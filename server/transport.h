#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <memory>

class QSocketNotifier;
class QSslConfiguration;

namespace natter {

/** @brief What a transport tells the connection it carries. Called on the connection's thread. */
class TransportEvents
{
public:
    /// Bytes can be read (Transport::read). Not called while reading is paused.
    virtual void transportReadable() = 0;
    /// Some queued bytes were handed to the kernel (Transport::queuedBytes went down).
    virtual void transportWritten() = 0;
    /// The byte stream is over (peer closed, error, or our own close finished); called at most once.
    virtual void transportClosed() = 0;

protected:
    ~TransportEvents() = default;
};

/**
 * @brief The byte stream under a Connection: plain TCP on the socket itself, or TLS through QSslSocket.
 *
 * Writes are queued and reach the kernel on flush(), so everything a connection is sent while one batch of
 * deliveries runs leaves in one system call.
 */
class Transport
{
public:
    virtual ~Transport() = default;

    /// Takes over an accepted socket; false if it is unusable (it is closed then).
    virtual bool adopt(qintptr socketDescriptor) = 0;
    /// Everything readable now, possibly empty. May end the stream (transportClosed) on EOF or an error.
    virtual QByteArray read() = 0;
    /// Unread bytes are waiting (in the kernel or in the transport).
    virtual bool hasUnreadBytes() const = 0;
    /// While paused, nothing is read: unread bytes stay in the kernel, which pushes back on the peer.
    virtual void setReadingPaused(bool paused) = 0;
    virtual void write(const QByteArray &bytes) = 0;
    virtual void flush() = 0;
    /// Bytes written and not yet taken by the kernel.
    virtual qint64 queuedBytes() const = 0;
    /// Closes once everything queued has left (queued bytes are still sent).
    virtual void closeAfterFlush() = 0;
    /// Closes now, dropping what is queued. Does not call transportClosed.
    virtual void abort() = 0;
    virtual bool isOpen() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    /// TLS only: the handshake is not finished yet.
    virtual bool awaitingEncryption() const { return false; }

    static std::unique_ptr<Transport> plain(TransportEvents &events);
    static std::unique_ptr<Transport> tls(TransportEvents &events, const QSslConfiguration &configuration);
};

} // namespace natter
