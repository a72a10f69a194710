#include "rawclient.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

RawClient::RawClient(const QHostAddress &localAddress)
    : m_localAddress(localAddress)
{}

bool RawClient::connectTo(quint16 port, int timeoutMs)
{
    if (!m_localAddress.isNull() && !m_socket.bind(m_localAddress, 0))
        return false;
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawClient::write(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

QByteArray RawClient::upgrade(quint16 port, const QByteArray &target, const QByteArray &extraHeaders)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState && !connectTo(port))
        return {};
    write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
          "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
          extraHeaders + "\r\n");
    QByteArray head;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return m_socket.state() != QAbstractSocket::ConnectedState;
            head = m_buffer.left(end + 4);
            m_buffer.remove(0, end + 4);
            return true;
        },
        5000);
    return head;
}

QByteArray RawClient::readHttpResponse(int timeoutMs)
{
    QByteArray response;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            qsizetype length = 0;
            for (const auto &line : m_buffer.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (m_buffer.size() < end + 4 + length)
                return false;
            response = m_buffer.left(end + 4 + length);
            m_buffer.remove(0, end + 4 + length);
            return true;
        },
        timeoutMs);
    return response;
}

QByteArray RawClient::buildFrame(quint8 opcode, const QByteArray &payload, bool fin, bool masked)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | opcode));
    const quint8 maskBit = masked ? 0x80 : 0;
    if (payload.size() < 126) {
        frame.append(char(maskBit | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame.append(char(maskBit | 126));
        char length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        frame.append(length, 2);
    } else {
        frame.append(char(maskBit | 127));
        char length[8];
        qToBigEndian<quint64>(quint64(payload.size()), length);
        frame.append(length, 8);
    }
    if (!masked)
        return frame + payload;
    const quint32 key = QRandomGenerator::global()->generate();
    char mask[4];
    qToBigEndian<quint32>(key, mask);
    frame.append(mask, 4);
    QByteArray body = payload;
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(body[i] ^ mask[i % 4]);
    return frame + body;
}

void RawClient::sendFrame(quint8 opcode, const QByteArray &payload, bool fin, bool masked)
{
    write(buildFrame(opcode, payload, fin, masked));
}

bool RawClient::tryDecode(Frame &frame)
{
    if (m_buffer.size() < 2)
        return false;
    const auto *data = reinterpret_cast<const quint8 *>(m_buffer.constData());
    quint64 length = data[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(data + 2);
        header = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = qFromBigEndian<quint64>(data + 2);
        header = 10;
    }
    if (quint64(m_buffer.size() - header) < length)
        return false;
    frame.opcode = data[0] & 0x0F;
    frame.payload = m_buffer.mid(header, qsizetype(length));
    m_buffer.remove(0, header + qsizetype(length));
    return true;
}

bool RawClient::readFrame(Frame &frame, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            return tryDecode(frame);
        },
        timeoutMs);
}

int RawClient::waitForClose(int timeoutMs)
{
    int code = -1;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            Frame frame;
            while (tryDecode(frame)) {
                if (frame.opcode == 0x8) {
                    code = frame.payload.size() >= 2 ? qFromBigEndian<quint16>(frame.payload.constData()) : 1005;
                    return true;
                }
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                code = 0;
                return true;
            }
            return false;
        },
        timeoutMs);
    return code;
}

bool RawClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}
