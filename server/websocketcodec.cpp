#include "websocketcodec.h"

#include "utf8.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace natter::websocket {

QByteArray acceptKey(QByteArrayView clientKey)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

QByteArray encodeFrame(Opcode opcode, QByteArrayView payload)
{
    const qsizetype size = payload.size();
    QByteArray frame;
    frame.reserve(size + 10);
    frame.append(char(0x80 | quint8(opcode)));
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xFFFF) {
        frame.append(char(126));
        char length[2];
        qToBigEndian<quint16>(quint16(size), length);
        frame.append(length, 2);
    } else {
        frame.append(char(127));
        char length[8];
        qToBigEndian<quint64>(quint64(size), length);
        frame.append(length, 8);
    }
    frame.append(payload);
    return frame;
}

QByteArray encodeCloseFrame(quint16 code, QByteArrayView reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, payload.data());
    payload.append(reason.first(std::min<qsizetype>(reason.size(), 123))); // control frames carry at most 125 bytes
    return encodeFrame(Opcode::Close, payload);
}

FrameDecoder::FrameDecoder(qint64 maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
{}

void FrameDecoder::append(QByteArrayView bytes)
{
    // Drop what was consumed before growing, so the buffer never holds more than one frame's worth of history.
    if (m_offset > 0 && (m_offset == m_buffer.size() || m_offset > 4096)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

FrameDecoder::Status FrameDecoder::fail(quint16 code, const char *reason)
{
    m_failureCode = code;
    m_failureReason = reason;
    return Status::Failed;
}

FrameDecoder::Status FrameDecoder::next(IncomingMessage &out)
{
    if (m_failureCode != 0)
        return Status::Failed;
    for (;;) {
        const auto *data = reinterpret_cast<const quint8 *>(m_buffer.constData()) + m_offset;
        const qsizetype available = m_buffer.size() - m_offset;
        if (available < 2)
            return Status::NeedMoreData;

        const bool fin = data[0] & 0x80;
        const quint8 rsv = data[0] & 0x70;
        const auto opcode = Opcode(data[0] & 0x0F);
        const bool masked = data[1] & 0x80;
        quint64 length = data[1] & 0x7F;
        qsizetype header = 2;

        if (rsv != 0)
            return fail(ProtocolError, "reserved bits set without a negotiated extension");
        if (!masked)
            return fail(ProtocolError, "client frames must be masked");
        const bool control = quint8(opcode) & 0x08;
        switch (opcode) {
        case Opcode::Continuation:
        case Opcode::Text:
        case Opcode::Binary:
        case Opcode::Close:
        case Opcode::Ping:
        case Opcode::Pong:
            break;
        default:
            return fail(ProtocolError, "unknown opcode");
        }
        if (control && (!fin || length > 125))
            return fail(ProtocolError, "control frames must be whole and at most 125 bytes");

        if (length == 126) {
            if (available < 4)
                return Status::NeedMoreData;
            length = qFromBigEndian<quint16>(data + 2);
            header = 4;
        } else if (length == 127) {
            if (available < 10)
                return Status::NeedMoreData;
            length = qFromBigEndian<quint64>(data + 2);
            header = 10;
            if (length >> 63)
                return fail(ProtocolError, "frame length out of range");
        }
        // Refuse at the header: the payload is never buffered.
        const quint64 alreadyHeld = control ? 0 : quint64(m_fragments.size());
        if (length > quint64(m_maxMessageBytes) || alreadyHeld + length > quint64(m_maxMessageBytes))
            return fail(MessageTooBig, "message too big");

        header += 4; // masking key
        if (available < header || quint64(available - header) < length)
            return Status::NeedMoreData;

        const quint8 *maskKey = data + header - 4;
        QByteArray payload(reinterpret_cast<const char *>(data + header), qsizetype(length));
        auto *bytes = reinterpret_cast<quint8 *>(payload.data());
        // Unmask eight bytes at a time; the key repeats every four bytes.
        quint32 key32;
        std::memcpy(&key32, maskKey, 4);
        const quint64 key64 = (quint64(key32) << 32) | key32;
        qsizetype i = 0;
        for (; i + 8 <= qsizetype(length); i += 8) {
            quint64 chunk;
            std::memcpy(&chunk, bytes + i, 8);
            chunk ^= key64;
            std::memcpy(bytes + i, &chunk, 8);
        }
        for (; i < qsizetype(length); ++i)
            bytes[i] ^= maskKey[i % 4];
        m_offset += header + qsizetype(length);

        if (control) {
            if (opcode == Opcode::Close) {
                if (payload.size() == 1)
                    return fail(ProtocolError, "close frame with a one-byte payload");
                if (payload.size() >= 2) {
                    // Codes a peer may send (RFC 6455 section 7.4): 1005, 1006 and 1015 are never on the wire.
                    const quint16 code = qFromBigEndian<quint16>(payload.constData());
                    const bool valid = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) ||
                                       (code >= 3000 && code <= 4999);
                    if (!valid)
                        return fail(ProtocolError, "invalid close code");
                }
                if (payload.size() > 2 && !isValidUtf8(QByteArrayView(payload).sliced(2)))
                    return fail(InvalidPayload, "close reason is not UTF-8");
            }
            out = {opcode, std::move(payload)};
            return Status::Message;
        }

        if (opcode == Opcode::Continuation) {
            if (!m_inFragmentedMessage)
                return fail(ProtocolError, "continuation frame without a message to continue");
            m_fragments.append(payload);
            if (!fin)
                continue;
            m_inFragmentedMessage = false;
            payload = std::exchange(m_fragments, QByteArray());
        } else {
            if (m_inFragmentedMessage)
                return fail(ProtocolError, "new message before the fragmented one ended");
            if (!fin) {
                m_inFragmentedMessage = true;
                m_fragmentOpcode = opcode;
                m_fragments = std::move(payload);
                continue;
            }
            m_fragmentOpcode = opcode;
        }
        // The whole message is checked, so a character split across frames is fine.
        if (m_fragmentOpcode == Opcode::Text && !isValidUtf8(payload))
            return fail(InvalidPayload, "text message is not valid UTF-8");
        out = {m_fragmentOpcode, std::move(payload)};
        return Status::Message;
    }
}

} // namespace natter::websocket
