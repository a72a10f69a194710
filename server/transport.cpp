#include "transport.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <array>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcTransport, "natter.server.transport")

namespace natter {

namespace {

#ifdef Q_OS_LINUX
/**
 * @brief Plain TCP straight on the socket, without QTcpSocket.
 *
 * QTcpSocket keeps a read buffer (a 16 KiB chunk once it has read anything) and a write buffer per socket,
 * copies every write into it, and toggles its write notifier around every flush. An idle connection then
 * costs tens of KiB and a delivery several notifier updates. Here a socket costs its descriptor and one read
 * notifier; reads go through one buffer shared by the thread, and queued frames stay the very QByteArrays
 * the shard built (one per broadcast, shared by every recipient) until writev() hands them to the kernel.
 * A write notifier exists only while the kernel refuses bytes.
 */
class PlainTransport final : public Transport
{
public:
    explicit PlainTransport(TransportEvents &events)
        : m_events(events)
    {}

    ~PlainTransport() override { closeDescriptor(); }

    bool adopt(qintptr socketDescriptor) override
    {
        m_fd = int(socketDescriptor);
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            qCWarning(lcTransport) << "cannot take over an accepted socket:" << qt_error_string(errno);
            closeDescriptor();
            return false;
        }
        m_peerAddress.setAddress(reinterpret_cast<const sockaddr *>(&address));
        if (address.ss_family == AF_INET6)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
        else if (address.ss_family == AF_INET)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        // Chat frames are small and latency-bound: never wait for delayed ACKs.
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        // accept() does not pass O_NONBLOCK on to the new socket on Linux.
        if (::ioctl(m_fd, FIONBIO, &on) != 0) {
            qCWarning(lcTransport) << "cannot make an accepted socket non-blocking:" << qt_error_string(errno);
            closeDescriptor();
            return false;
        }
        m_readNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_readNotifier.get(), &QSocketNotifier::activated, m_readNotifier.get(),
                         [this] { onReadable(); });
        return true;
    }

    QByteArray read() override
    {
        // One buffer per thread: a connection holds no read buffer of its own between reads.
        static thread_local std::array<char, 64 * 1024> scratch;
        QByteArray bytes;
        if (m_fd < 0)
            return bytes;
        // Bounded per call so that one busy client cannot keep its worker from the others.
        for (int round = 0; round < 4; ++round) {
            const ssize_t n = ::recv(m_fd, scratch.data(), scratch.size(), 0);
            if (n > 0) {
                bytes.append(scratch.data(), n);
                if (size_t(n) < scratch.size())
                    break;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // 0: the peer closed its side; otherwise a reset or another error. Either way the stream is over,
            // but what was read first is still handed over.
            streamEnded();
            break;
        }
        return bytes;
    }

    bool hasUnreadBytes() const override
    {
        int available = 0;
        return m_fd >= 0 && ::ioctl(m_fd, FIONREAD, &available) == 0 && available > 0;
    }

    void setReadingPaused(bool paused) override
    {
        if (m_readNotifier)
            m_readNotifier->setEnabled(!paused && m_fd >= 0);
    }

    void write(const QByteArray &bytes) override
    {
        if (m_fd < 0 || m_writeShut || bytes.isEmpty())
            return;
        m_outgoing.append(bytes);
        m_queued += bytes.size();
    }

    void flush() override
    {
        if (m_fd < 0 || m_writeShut)
            return;
        bool wrote = false;
        while (m_outgoingHead < m_outgoing.size()) {
            std::array<iovec, 64> chunks;
            size_t count = 0;
            qint64 offered = 0;
            for (qsizetype i = m_outgoingHead; i < m_outgoing.size() && count < chunks.size(); ++i, ++count) {
                const QByteArray &chunk = m_outgoing.at(i);
                const qsizetype skip = i == m_outgoingHead ? m_headOffset : 0;
                chunks[count].iov_base = const_cast<char *>(chunk.constData() + skip);
                chunks[count].iov_len = size_t(chunk.size() - skip);
                offered += chunk.size() - skip;
            }
            msghdr message{};
            message.msg_iov = chunks.data();
            message.msg_iovlen = count;
            // MSG_NOSIGNAL: a peer that went away is an error to handle here, not a SIGPIPE for the process.
            const ssize_t n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    waitUntilWritable();
                    break;
                }
                qCDebug(lcTransport) << "write failed:" << qt_error_string(errno);
                failLater();
                return;
            }
            wrote = wrote || n > 0;
            consume(n);
            if (n < offered) { // the kernel's buffer is full: the rest waits for the socket to drain
                waitUntilWritable();
                break;
            }
        }
        if (m_outgoingHead == m_outgoing.size()) {
            m_outgoing.clear();
            m_outgoingHead = 0;
            m_headOffset = 0;
            if (m_writeNotifier)
                m_writeNotifier->setEnabled(false);
            if (m_closing)
                shutDownWriting();
        }
        if (wrote)
            m_events.transportWritten();
    }

    qint64 queuedBytes() const override { return m_queued; }

    void closeAfterFlush() override
    {
        if (m_fd < 0 || m_closing)
            return;
        m_closing = true;
        flush();
    }

    void abort() override
    {
        m_ended = true; // an abort is the caller's own doing: nothing to report
        closeDescriptor();
    }

    bool isOpen() const override { return m_fd >= 0 && !m_writeShut; }
    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }

private:
    void onReadable()
    {
        m_events.transportReadable();
        if (m_peerGone)
            finishClosed();
    }

    void consume(qint64 written)
    {
        m_queued -= written;
        while (written > 0) {
            const qint64 left = m_outgoing.at(m_outgoingHead).size() - m_headOffset;
            if (written < left) {
                m_headOffset += written;
                return;
            }
            written -= left;
            m_outgoing[m_outgoingHead] = QByteArray(); // let the frame go as soon as it has left
            ++m_outgoingHead;
            m_headOffset = 0;
        }
    }

    void waitUntilWritable()
    {
        if (!m_writeNotifier) {
            m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Write);
            QObject::connect(m_writeNotifier.get(), &QSocketNotifier::activated, m_writeNotifier.get(),
                             [this] { flush(); });
        }
        m_writeNotifier->setEnabled(true);
    }

    /// Our side is done: send FIN, and close once the peer has closed too (reading on, discarding). Closing at
    /// once would make the kernel answer unread bytes with a reset, which can destroy the response in flight.
    void shutDownWriting()
    {
        if (m_writeShut)
            return;
        m_writeShut = true;
        ::shutdown(m_fd, SHUT_WR);
        if (m_readNotifier)
            m_readNotifier->setEnabled(true);
    }

    void streamEnded()
    {
        m_peerGone = true;
        if (m_readNotifier)
            m_readNotifier->setEnabled(false);
    }

    /// A write error: reported from the event loop, not from inside the caller's delivery loop.
    void failLater()
    {
        if (m_writeNotifier)
            m_writeNotifier->setEnabled(false);
        streamEnded();
        m_outgoing.clear();
        m_outgoingHead = 0;
        m_headOffset = 0;
        m_queued = 0;
        QTimer::singleShot(0, m_readNotifier.get(), [this] { finishClosed(); });
    }

    void finishClosed()
    {
        closeDescriptor();
        if (m_ended)
            return;
        m_ended = true;
        m_events.transportClosed();
    }

    void closeDescriptor()
    {
        if (m_fd < 0)
            return;
        // Notifiers go before the descriptor: its number may be reused at once by the next accepted socket.
        if (m_readNotifier)
            m_readNotifier->setEnabled(false);
        if (m_writeNotifier)
            m_writeNotifier->setEnabled(false);
        ::close(m_fd);
        m_fd = -1;
    }

    TransportEvents &m_events;
    int m_fd = -1;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    QList<QByteArray> m_outgoing;
    qsizetype m_outgoingHead = 0;
    qsizetype m_headOffset = 0;
    qint64 m_queued = 0;
    bool m_closing = false;
    bool m_writeShut = false;
    bool m_peerGone = false;
    bool m_ended = false;
};

#endif

/**
 * @brief A QTcpSocket, or for TLS a QSslSocket, which does its own buffering (and encryption).
 *
 * TLS needs it; plain TCP uses it only where PlainTransport's system calls are not available.
 */
class QtSocketTransport final : public Transport
{
public:
    /// Plain TCP when @p tlsConfiguration is null.
    QtSocketTransport(TransportEvents &events, const QSslConfiguration *tlsConfiguration)
        : m_events(events)
    {
        if (tlsConfiguration) {
            m_tls = new QSslSocket;
            m_tls->setSslConfiguration(*tlsConfiguration);
            m_socket.reset(m_tls);
        } else {
            m_socket = std::make_unique<QTcpSocket>();
        }
    }

    ~QtSocketTransport() override
    {
        // Its signals must not reach a connection that is being destroyed.
        QObject::disconnect(m_socket.get(), nullptr, nullptr, nullptr);
        m_socket->abort();
    }

    bool adopt(qintptr socketDescriptor) override
    {
        if (!m_socket->setSocketDescriptor(socketDescriptor)) {
            qCWarning(lcTransport) << "cannot take over an accepted socket:" << m_socket->errorString();
            return false;
        }
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // QSslSocket buffers decrypted bytes itself: bound what one client can make it hold while paused.
        m_socket->setReadBufferSize(256 * 1024);
        QTcpSocket *socket = m_socket.get();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] {
            if (!m_readingPaused)
                m_events.transportReadable();
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this] { ended(); });
        if (!m_tls) {
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [this] { m_events.transportWritten(); });
            return true;
        }
        // bytesWritten means "encrypted", not "sent": what left counts when the kernel took the ciphertext.
        QObject::connect(m_tls, &QSslSocket::encryptedBytesWritten, socket, [this] { m_events.transportWritten(); });
        QObject::connect(m_tls, &QSslSocket::errorOccurred, socket, [this] { onError(); });
        // readyRead then carries decrypted bytes only.
        m_tls->startServerEncryption();
        return !m_ended; // the handshake may fail at once
    }

    QByteArray read() override { return m_socket->readAll(); }
    bool hasUnreadBytes() const override { return m_socket->bytesAvailable() > 0; }

    void setReadingPaused(bool paused) override
    {
        m_readingPaused = paused;
        if (!paused && m_socket->bytesAvailable() > 0) {
            // Decrypted bytes already buffered raise no new readyRead: hand them over from the event loop.
            QTimer::singleShot(0, m_socket.get(), [this] {
                if (!m_readingPaused && m_socket->bytesAvailable() > 0)
                    m_events.transportReadable();
            });
        }
    }

    void write(const QByteArray &bytes) override { m_socket->write(bytes); }

    void flush() override
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->flush();
    }

    qint64 queuedBytes() const override
    {
        // With TLS, bytesToWrite() is only what waits to be encrypted; the ciphertext waits in another buffer.
        return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
    }

    void closeAfterFlush() override { m_socket->disconnectFromHost(); }

    void abort() override
    {
        m_ended = true;
        m_socket->abort();
    }

    bool isOpen() const override { return m_socket->state() == QAbstractSocket::ConnectedState; }
    QHostAddress peerAddress() const override { return m_socket->peerAddress(); }
    quint16 peerPort() const override { return m_socket->peerPort(); }
    bool awaitingEncryption() const override { return m_tls && !m_tls->isEncrypted(); }

private:
    void onError()
    {
        switch (m_socket->error()) {
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            // Not TLS at all (plain HTTP to this port), or no cipher in common: nothing can be said to this peer.
            qCDebug(lcTransport).noquote() << "TLS handshake failed:" << m_socket->errorString();
            m_socket->abort();
            ended();
            break;
        default:
            break; // the socket's own end (disconnected) handles the rest
        }
    }

    void ended()
    {
        if (m_ended)
            return;
        m_ended = true;
        m_events.transportClosed();
    }

    TransportEvents &m_events;
    std::unique_ptr<QTcpSocket> m_socket;
    QSslSocket *m_tls = nullptr; ///< m_socket itself with TLS
    bool m_readingPaused = false;
    bool m_ended = false;
};

} // namespace

std::unique_ptr<Transport> Transport::plain(TransportEvents &events)
{
#ifdef Q_OS_LINUX
    return std::make_unique<PlainTransport>(events);
#else
    return std::make_unique<QtSocketTransport>(events, nullptr);
#endif
}

std::unique_ptr<Transport> Transport::tls(TransportEvents &events, const QSslConfiguration &configuration)
{
    return std::make_unique<QtSocketTransport>(events, &configuration);
}

} // namespace natter
