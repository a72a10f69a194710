// Fuzz target: the RFC 6455 frame decoder (server/websocketcodec).
//
// Input: byte 0 picks the message size cap, byte 1 the chunk size in which the stream is fed a second time;
// the rest is the byte stream a client sends after the upgrade.
//
// Checked besides "no crash, no sanitizer report":
//  - feeding the stream at once or in chunks gives the same messages and the same failure;
//  - no data message is larger than the cap, no control frame larger than 125 bytes, text is valid UTF-8,
//    a close payload is empty or a valid code with a UTF-8 reason, and a failure carries a close code;
//  - the decoder never holds more than one partial frame (header plus at most the cap) between calls;
//  - every decoded message, sent again as masked client frames (split into random fragments) and as a masked
//    copy of the server's own encodeFrame()/encodeCloseFrame() output, decodes to the same message.
#include "fuzzcheck.h"
#include "utf8.h"
#include "websocketcodec.h"

#include <QList>
#include <QtEndian>

#include <algorithm>

using namespace natter;
using namespace natter::websocket;

namespace {

constexpr qsizetype maxClientHeader = 14; // 2 + 8 bytes of extended length + 4 bytes of masking key

struct Decoded
{
    QList<IncomingMessage> messages;
    FrameDecoder::Status last = FrameDecoder::Status::NeedMoreData;
    quint16 failureCode = 0;
    QByteArray failureReason;
    qsizetype buffered = 0;
};

bool sameMessage(const IncomingMessage &a, const IncomingMessage &b)
{
    return a.opcode == b.opcode && a.payload == b.payload;
}

bool isControl(Opcode opcode)
{
    return quint8(opcode) & 0x08;
}

/// Feeds @p stream in pieces of @p chunk bytes, draining the decoder after each, and checks what it keeps.
Decoded decode(QByteArrayView stream, qint64 cap, qsizetype chunk)
{
    Decoded result;
    FrameDecoder decoder(cap);
    for (qsizetype offset = 0; offset < stream.size(); offset += chunk) {
        decoder.append(stream.sliced(offset, std::min(chunk, stream.size() - offset)));
        IncomingMessage message;
        while ((result.last = decoder.next(message)) == FrameDecoder::Status::Message)
            result.messages.append(std::move(message));
        if (result.last == FrameDecoder::Status::Failed)
            break;
        // Between calls the decoder holds at most one incomplete frame.
        FUZZ_CHECK(decoder.bufferedBytes() < maxClientHeader + std::max<qint64>(cap, 125) + 1);
    }
    if (stream.isEmpty()) {
        IncomingMessage message;
        result.last = decoder.next(message);
        FUZZ_CHECK(result.last == FrameDecoder::Status::NeedMoreData);
    }
    if (result.last == FrameDecoder::Status::Failed) {
        result.failureCode = decoder.failureCode();
        result.failureReason = decoder.failureReason();
        // Once failed, the decoder stays failed.
        IncomingMessage message;
        FUZZ_CHECK(decoder.next(message) == FrameDecoder::Status::Failed);
    }
    result.buffered = decoder.bufferedBytes();
    return result;
}

void checkMessage(const IncomingMessage &message, qint64 cap)
{
    switch (message.opcode) {
    case Opcode::Text:
        FUZZ_CHECK(isValidUtf8(message.payload));
        [[fallthrough]];
    case Opcode::Binary:
        FUZZ_CHECK(message.payload.size() <= cap);
        break;
    case Opcode::Close:
        FUZZ_CHECK(message.payload.size() != 1);
        if (message.payload.size() >= 2) {
            const quint16 code = qFromBigEndian<quint16>(message.payload.constData());
            FUZZ_CHECK((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) ||
                       (code >= 3000 && code <= 4999));
            FUZZ_CHECK(isValidUtf8(QByteArrayView(message.payload).sliced(2)));
        }
        [[fallthrough]];
    case Opcode::Ping:
    case Opcode::Pong:
        FUZZ_CHECK(message.payload.size() <= 125);
        break;
    case Opcode::Continuation:
        FUZZ_CHECK(message.opcode != Opcode::Continuation); // never a message of its own
    }
}

void appendMasked(QByteArray &out, QByteArrayView payload, quint32 key)
{
    char mask[4];
    qToBigEndian<quint32>(key, mask);
    out.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(payload[i] ^ mask[i % 4]));
}

/// A client frame written independently of the decoder: shortest length form, masked with @p key.
QByteArray clientFrame(bool fin, Opcode opcode, QByteArrayView payload, quint32 key)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | quint8(opcode)));
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xFF));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xFF));
    }
    appendMasked(frame, payload, key);
    return frame;
}

/// Turns a server frame from encodeFrame() into the client frame with the same content: mask bit and key added.
QByteArray maskServerFrame(const QByteArray &serverFrame, quint32 key)
{
    FUZZ_CHECK(serverFrame.size() >= 2);
    FUZZ_CHECK((quint8(serverFrame[1]) & 0x80) == 0); // servers never mask
    const quint8 length7 = quint8(serverFrame[1]) & 0x7F;
    const qsizetype header = length7 == 127 ? 10 : length7 == 126 ? 4 : 2;
    FUZZ_CHECK(serverFrame.size() >= header);
    QByteArray frame = serverFrame.first(header);
    frame[1] = char(quint8(frame[1]) | 0x80);
    appendMasked(frame, QByteArrayView(serverFrame).sliced(header), key);
    return frame;
}

IncomingMessage decodeOne(const QByteArray &stream, qint64 cap)
{
    const Decoded decoded = decode(stream, cap, std::max<qsizetype>(stream.size(), 1));
    FUZZ_CHECK(decoded.last == FrameDecoder::Status::NeedMoreData);
    FUZZ_CHECK(decoded.messages.size() == 1);
    FUZZ_CHECK(decoded.buffered == 0);
    return decoded.messages.constFirst();
}

void checkRoundTrips(const IncomingMessage &message, qint64 cap, fuzz::Choices &choices)
{
    const auto key = quint32(choices.next());
    if (isControl(message.opcode)) {
        FUZZ_CHECK(sameMessage(decodeOne(clientFrame(true, message.opcode, message.payload, key), cap), message));
    } else {
        // The same message in 1 to 4 fragments, each masked with its own key.
        const int fragments = int(choices.below(4)) + 1;
        QByteArray stream;
        qsizetype offset = 0;
        for (int i = 0; i < fragments; ++i) {
            const bool last = i == fragments - 1;
            const qsizetype size = last ? message.payload.size() - offset
                                        : qsizetype(choices.below(quint64(message.payload.size() - offset) + 1));
            stream += clientFrame(last, i == 0 ? message.opcode : Opcode::Continuation,
                                  QByteArrayView(message.payload).sliced(offset, size), quint32(choices.next()));
            offset += size;
        }
        FUZZ_CHECK(sameMessage(decodeOne(stream, cap), message));
    }

    const QByteArray serverFrame = encodeFrame(message.opcode, message.payload);
    FUZZ_CHECK(sameMessage(decodeOne(maskServerFrame(serverFrame, key), cap), message));

    if (message.opcode == Opcode::Close && message.payload.size() >= 2) {
        const quint16 code = qFromBigEndian<quint16>(message.payload.constData());
        const QByteArray closeFrame = encodeCloseFrame(code, QByteArrayView(message.payload).sliced(2));
        FUZZ_CHECK(closeFrame == serverFrame);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Caps from 0 to 15 bytes reach the size checks quickly; larger ones let real messages through.
    const qint64 cap = data[0] < 16 ? data[0] : qint64(data[0]) * 16;
    const qsizetype chunk = qsizetype(data[1] % 32) + 1;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    const Decoded whole = decode(stream, cap, std::max<qsizetype>(stream.size(), 1));
    const Decoded chunked = decode(stream, cap, chunk);

    FUZZ_CHECK(whole.last == chunked.last);
    FUZZ_CHECK(whole.messages.size() == chunked.messages.size());
    for (qsizetype i = 0; i < whole.messages.size(); ++i)
        FUZZ_CHECK(sameMessage(whole.messages[i], chunked.messages[i]));
    if (whole.last == FrameDecoder::Status::Failed) {
        FUZZ_CHECK(whole.failureCode == ProtocolError || whole.failureCode == InvalidPayload ||
                   whole.failureCode == MessageTooBig);
        FUZZ_CHECK(!whole.failureReason.isEmpty());
        FUZZ_CHECK(whole.failureCode == chunked.failureCode && whole.failureReason == chunked.failureReason);
    } else {
        FUZZ_CHECK(whole.last == FrameDecoder::Status::NeedMoreData);
        FUZZ_CHECK(whole.buffered == chunked.buffered);
    }

    fuzz::Choices choices(fuzz::hashBytes(data, size));
    for (const auto &message : whole.messages) {
        checkMessage(message, cap);
        checkRoundTrips(message, cap, choices);
    }
    return 0;
}
