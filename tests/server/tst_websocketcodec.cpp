#include "websocketcodec.h"

#include <QList>
#include <QTest>
#include <QtEndian>

#include <array>
#include <optional>

using namespace natter::websocket;

namespace natter::websocket {

// Readable QCOMPARE output for the decoder's status.
char *toString(FrameDecoder::Status status)
{
    switch (status) {
    case FrameDecoder::Status::NeedMoreData:
        return qstrdup("NeedMoreData");
    case FrameDecoder::Status::Message:
        return qstrdup("Message");
    case FrameDecoder::Status::Failed:
        return qstrdup("Failed");
    }
    return qstrdup("?");
}

char *toString(Opcode opcode)
{
    return qstrdup(QByteArray("Opcode(0x" + QByteArray::number(quint8(opcode), 16) + ')').constData());
}

} // namespace natter::websocket

namespace {

using MaskKey = std::array<quint8, 4>;
constexpr MaskKey defaultMask{0x37, 0xfa, 0x21, 0x3d};

/**
 * A client frame as a browser would send it: masked with @p mask. @p declaredLength, when given, is
 * written into the header instead of the payload's size (the length form is chosen from it), so that
 * a header can announce more than is sent.
 */
QByteArray clientFrame(Opcode opcode, QByteArrayView payload, bool fin = true, MaskKey mask = defaultMask,
                       std::optional<quint64> declaredLength = std::nullopt)
{
    const quint64 length = declaredLength.value_or(quint64(payload.size()));
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0x00) | quint8(opcode)));
    if (length < 126) {
        frame.append(char(0x80 | length));
    } else if (length <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        char bytes[2];
        qToBigEndian<quint16>(quint16(length), bytes);
        frame.append(bytes, 2);
    } else {
        frame.append(char(0x80 | 127));
        char bytes[8];
        qToBigEndian<quint64>(length, bytes);
        frame.append(bytes, 8);
    }
    for (const quint8 byte : mask)
        frame.append(char(byte));
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(quint8(payload[i]) ^ mask[size_t(i % 4)]));
    return frame;
}

/// Joins frames into one stream (QStringBuilder's lazy '+' does not mix with QTest's data rows).
QByteArray concat(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out;
    for (const QByteArrayView part : parts)
        out.append(part);
    return out;
}

QByteArray closePayload(quint16 code, QByteArrayView reason = {})
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, payload.data());
    payload.append(reason);
    return payload;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

/// Takes every message the decoder can produce now; returns the status that stopped it.
FrameDecoder::Status drain(FrameDecoder &decoder, QList<IncomingMessage> &messages)
{
    for (;;) {
        IncomingMessage message;
        const auto status = decoder.next(message);
        if (status != FrameDecoder::Status::Message)
            return status;
        messages.append(message);
    }
}

/// Feeds @p bytes in pieces of @p chunkSize, draining after each piece.
FrameDecoder::Status feed(FrameDecoder &decoder, QByteArrayView bytes, qsizetype chunkSize,
                          QList<IncomingMessage> &messages)
{
    auto status = FrameDecoder::Status::NeedMoreData;
    for (qsizetype at = 0; at < bytes.size(); at += chunkSize) {
        decoder.append(bytes.sliced(at, std::min(chunkSize, bytes.size() - at)));
        status = drain(decoder, messages);
        if (status == FrameDecoder::Status::Failed)
            return status;
    }
    return status;
}

constexpr qint64 defaultMax = 64 * 1024;

} // namespace

class TestWebSocketCodec : public QObject
{
    Q_OBJECT

private slots:
    void acceptKey_data();
    void acceptKey();

    void encodeFrame_data();
    void encodeFrame();
    void encodeCloseFrame_data();
    void encodeCloseFrame();

    void helperMatchesRfcExample();
    void decodeTextByteByByte();
    void decodeSizes_data();
    void decodeSizes();
    void binaryFrameDecodesAsBinary();
    void severalFramesInOneChunk();
    void longStreamOfSmallFrames();
    void fragmentedMessages_data();
    void fragmentedMessages();
    void controlFramesInsideFragmentedMessage();
    void controlFrames_data();
    void controlFrames();
    void messageExactlyAtLimit();

    void failures_data();
    void failures();
    void oversizedFrameFailsAtHeader_data();
    void oversizedFrameFailsAtHeader();
    void failureIsSticky();
};

void TestWebSocketCodec::acceptKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");

    // RFC 6455 section 1.3. (The value is sometimes misquoted with an extra 'J' in "kYGJzzh".)
    QTest::addRow("rfc6455") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==") << QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    QTest::addRow("second-key") << QByteArray("x3JJHMbDL1EzLkh9GBhXDw==") << QByteArray("HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
}

void TestWebSocketCodec::acceptKey()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    QCOMPARE(natter::websocket::acceptKey(key), accept);
}

void TestWebSocketCodec::encodeFrame_data()
{
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<QByteArray>("expectedHeader");

    QTest::addRow("text-0") << Opcode::Text << qsizetype(0) << QByteArray::fromHex("8100");
    QTest::addRow("text-1") << Opcode::Text << qsizetype(1) << QByteArray::fromHex("8101");
    QTest::addRow("binary-125") << Opcode::Binary << qsizetype(125) << QByteArray::fromHex("827d");
    QTest::addRow("text-126") << Opcode::Text << qsizetype(126) << QByteArray::fromHex("817e007e");
    QTest::addRow("text-127") << Opcode::Text << qsizetype(127) << QByteArray::fromHex("817e007f");
    QTest::addRow("text-65535") << Opcode::Text << qsizetype(65535) << QByteArray::fromHex("817effff");
    QTest::addRow("text-65536") << Opcode::Text << qsizetype(65536) << QByteArray::fromHex("817f0000000000010000");
    QTest::addRow("binary-70000") << Opcode::Binary << qsizetype(70000) << QByteArray::fromHex("827f0000000000011170");
    QTest::addRow("ping-4") << Opcode::Ping << qsizetype(4) << QByteArray::fromHex("8904");
    QTest::addRow("pong-0") << Opcode::Pong << qsizetype(0) << QByteArray::fromHex("8a00");
}

void TestWebSocketCodec::encodeFrame()
{
    QFETCH(Opcode, opcode);
    QFETCH(qsizetype, size);
    QFETCH(QByteArray, expectedHeader);

    const QByteArray payload = pattern(size);
    const QByteArray frame = natter::websocket::encodeFrame(opcode, payload);
    QCOMPARE(frame.size(), expectedHeader.size() + size);
    QCOMPARE(frame.first(expectedHeader.size()).toHex(), expectedHeader.toHex());
    QVERIFY(frame.sliced(expectedHeader.size()) == payload); // server frames are never masked
}

void TestWebSocketCodec::encodeCloseFrame_data()
{
    QTest::addColumn<quint16>("code");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("expectedPayload");

    QTest::addRow("normal") << quint16(NormalClosure) << QByteArray() << QByteArray::fromHex("03e8");
    QTest::addRow("going-away-with-reason")
        << quint16(GoingAway) << QByteArray("bye") << concat({QByteArray::fromHex("03e9"), "bye"});
    QTest::addRow("too-big") << quint16(MessageTooBig) << QByteArray("message too big")
                             << concat({QByteArray::fromHex("03f1"), "message too big"});
    QTest::addRow("reason-cut-to-123-bytes")
        << quint16(PolicyViolation) << pattern(200) << concat({QByteArray::fromHex("03f0"), pattern(123)});
}

void TestWebSocketCodec::encodeCloseFrame()
{
    QFETCH(quint16, code);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, expectedPayload);

    const QByteArray frame = natter::websocket::encodeCloseFrame(code, reason);
    QVERIFY(expectedPayload.size() <= 125);
    QCOMPARE(quint8(frame[0]), quint8(0x88));
    QCOMPARE(quint8(frame[1]), quint8(expectedPayload.size()));
    QCOMPARE(frame.sliced(2).toHex(), expectedPayload.toHex());
}

void TestWebSocketCodec::helperMatchesRfcExample()
{
    // RFC 6455 section 5.7: a single-frame masked text message containing "Hello".
    QCOMPARE(clientFrame(Opcode::Text, "Hello").toHex(), QByteArray("818537fa213d7f9f4d5158"));
}

void TestWebSocketCodec::decodeTextByteByByte()
{
    const QByteArray frame = clientFrame(Opcode::Text, "Hello");
    FrameDecoder decoder(defaultMax);
    IncomingMessage message;
    for (qsizetype i = 0; i + 1 < frame.size(); ++i) {
        decoder.append(frame.sliced(i, 1));
        QCOMPARE(decoder.next(message), FrameDecoder::Status::NeedMoreData);
    }
    decoder.append(frame.last(1));
    QCOMPARE(decoder.next(message), FrameDecoder::Status::Message);
    QCOMPARE(message.opcode, Opcode::Text);
    QCOMPARE(message.payload, QByteArray("Hello"));
    QCOMPARE(decoder.next(message), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestWebSocketCodec::decodeSizes_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("chunkSize");

    // Sizes around the 8-byte unmasking loop and the three length forms.
    for (const qsizetype size : {0, 1, 3, 7, 8, 9, 15, 16, 17, 125, 126, 127, 1000, 65535, 65536}) {
        for (const qsizetype chunk : {qsizetype(1), qsizetype(5), qsizetype(4096), qsizetype(1) << 20}) {
            if (chunk == 1 && size > 1000)
                continue; // byte by byte is covered by the smaller sizes
            QTest::addRow("size-%lld-chunk-%lld", qlonglong(size), qlonglong(chunk)) << size << chunk;
        }
    }
}

void TestWebSocketCodec::decodeSizes()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, chunkSize);

    const QByteArray payload = pattern(size);
    FrameDecoder decoder(defaultMax);
    QList<IncomingMessage> messages;
    const auto status =
        feed(decoder, clientFrame(Opcode::Text, payload, true, {0x01, 0x80, 0xfe, 0x7f}), chunkSize, messages);
    QCOMPARE(status, FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].opcode, Opcode::Text);
    QCOMPARE(messages[0].payload.size(), size);
    QVERIFY(messages[0].payload == payload);
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestWebSocketCodec::binaryFrameDecodesAsBinary()
{
    const QByteArray payload = QByteArray::fromHex("00ff80c3fe7f"); // not UTF-8, which binary need not be
    FrameDecoder decoder(defaultMax);
    decoder.append(clientFrame(Opcode::Binary, payload));
    IncomingMessage message;
    QCOMPARE(decoder.next(message), FrameDecoder::Status::Message);
    QCOMPARE(message.opcode, Opcode::Binary);
    QCOMPARE(message.payload, payload);
}

void TestWebSocketCodec::severalFramesInOneChunk()
{
    const QByteArray third = clientFrame(Opcode::Text, "third", true, {0xde, 0xad, 0xbe, 0xef});
    QByteArray chunk = clientFrame(Opcode::Text, "first") + clientFrame(Opcode::Binary, QByteArray::fromHex("0102")) +
                       clientFrame(Opcode::Ping, "?") + clientFrame(Opcode::Text, QByteArray());
    chunk += third.first(4); // and the start of one more

    FrameDecoder decoder(defaultMax);
    decoder.append(chunk);
    QList<IncomingMessage> messages;
    QCOMPARE(drain(decoder, messages), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages[0].opcode, Opcode::Text);
    QCOMPARE(messages[0].payload, QByteArray("first"));
    QCOMPARE(messages[1].opcode, Opcode::Binary);
    QCOMPARE(messages[1].payload, QByteArray::fromHex("0102"));
    QCOMPARE(messages[2].opcode, Opcode::Ping);
    QCOMPARE(messages[2].payload, QByteArray("?"));
    QCOMPARE(messages[3].opcode, Opcode::Text);
    QVERIFY(messages[3].payload.isEmpty());
    QCOMPARE(decoder.bufferedBytes(), 4);

    decoder.append(third.sliced(4));
    QCOMPARE(drain(decoder, messages), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), 5);
    QCOMPARE(messages[4].payload, QByteArray("third"));
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestWebSocketCodec::longStreamOfSmallFrames()
{
    // Enough data that the decoder compacts its buffer several times while frames straddle chunk borders.
    QByteArray stream;
    QList<QByteArray> expected;
    for (int i = 0; i < 3000; ++i) {
        expected.append(QByteArray("message " + QByteArray::number(i)));
        stream += clientFrame(Opcode::Text, expected.last(), true, {quint8(i), quint8(i * 7), 0x55, 0xaa});
    }
    FrameDecoder decoder(defaultMax);
    QList<IncomingMessage> messages;
    QCOMPARE(feed(decoder, stream, 997, messages), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(messages[i].payload, expected[i]);
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void TestWebSocketCodec::fragmentedMessages_data()
{
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<QList<QByteArray>>("fragments");
    QTest::addColumn<qsizetype>("chunkSize");

    const QByteArray cafe = "caf\xc3\xa9 au lait";      // é is C3 A9
    const QByteArray emoji = "smile \xf0\x9f\x98\x80!"; // U+1F600, four bytes
    for (const qsizetype chunk : {qsizetype(1), qsizetype(1) << 20}) {
        QTest::addRow("three-ascii-fragments-chunk-%lld", qlonglong(chunk))
            << Opcode::Text << QList<QByteArray>{"Hel", "lo, ", "world"} << chunk;
        QTest::addRow("two-byte-char-split-chunk-%lld", qlonglong(chunk))
            << Opcode::Text << QList<QByteArray>{cafe.first(4), cafe.sliced(4)} << chunk;
        QTest::addRow("four-byte-char-split-in-three-chunk-%lld", qlonglong(chunk))
            << Opcode::Text << QList<QByteArray>{emoji.first(7), emoji.sliced(7, 2), emoji.sliced(9)} << chunk;
        QTest::addRow("empty-fragments-chunk-%lld", qlonglong(chunk))
            << Opcode::Text << QList<QByteArray>{QByteArray(), "x", QByteArray()} << chunk;
        QTest::addRow("binary-chunk-%lld", qlonglong(chunk))
            << Opcode::Binary << QList<QByteArray>{QByteArray::fromHex("ff00"), QByteArray::fromHex("c3")} << chunk;
    }
}

void TestWebSocketCodec::fragmentedMessages()
{
    QFETCH(Opcode, opcode);
    QFETCH(QList<QByteArray>, fragments);
    QFETCH(qsizetype, chunkSize);

    QByteArray stream;
    QByteArray whole;
    for (qsizetype i = 0; i < fragments.size(); ++i) {
        const bool fin = i + 1 == fragments.size();
        stream += clientFrame(i == 0 ? opcode : Opcode::Continuation, fragments[i], fin,
                              {quint8(0x10 + i), 0x20, 0x30, 0x40});
        whole += fragments[i];
    }
    FrameDecoder decoder(defaultMax);
    QList<IncomingMessage> messages;
    QCOMPARE(feed(decoder, stream, chunkSize, messages), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].opcode, opcode);
    QCOMPARE(messages[0].payload, whole);

    // The decoder is ready for the next message afterwards.
    decoder.append(clientFrame(Opcode::Text, "next"));
    QCOMPARE(drain(decoder, messages), FrameDecoder::Status::NeedMoreData);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[1].opcode, Opcode::Text);
    QCOMPARE(messages[1].payload, QByteArray("next"));
}

void TestWebSocketCodec::controlFramesInsideFragmentedMessage()
{
    const QByteArray stream = clientFrame(Opcode::Text, "Hel", false) + clientFrame(Opcode::Ping, "are you there") +
                              clientFrame(Opcode::Continuation, "lo \xc3", false) + clientFrame(Opcode::Pong, {}) +
                              clientFrame(Opcode::Continuation, "\xa9", true) +
                              clientFrame(Opcode::Close, closePayload(NormalClosure, "done"));
    for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(stream.size())}) {
        FrameDecoder decoder(defaultMax);
        QList<IncomingMessage> messages;
        QCOMPARE(feed(decoder, stream, chunk, messages), FrameDecoder::Status::NeedMoreData);
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0].opcode, Opcode::Ping);
        QCOMPARE(messages[0].payload, QByteArray("are you there"));
        QCOMPARE(messages[1].opcode, Opcode::Pong);
        QVERIFY(messages[1].payload.isEmpty());
        QCOMPARE(messages[2].opcode, Opcode::Text);
        QCOMPARE(messages[2].payload, QByteArray("Hello \xc3\xa9"));
        QCOMPARE(messages[3].opcode, Opcode::Close);
        QCOMPARE(messages[3].payload, closePayload(NormalClosure, "done"));
    }
}

void TestWebSocketCodec::controlFrames_data()
{
    QTest::addColumn<Opcode>("opcode");
    QTest::addColumn<QByteArray>("payload");

    QTest::addRow("ping-empty") << Opcode::Ping << QByteArray();
    QTest::addRow("ping-125-bytes") << Opcode::Ping << pattern(125);
    QTest::addRow("ping-binary-payload") << Opcode::Ping << QByteArray::fromHex("00ff");
    QTest::addRow("pong-empty") << Opcode::Pong << QByteArray();
    QTest::addRow("pong-125-bytes") << Opcode::Pong << pattern(125);
    QTest::addRow("close-empty") << Opcode::Close << QByteArray();
    QTest::addRow("close-code-only") << Opcode::Close << closePayload(NormalClosure);
    QTest::addRow("close-code-and-reason") << Opcode::Close << closePayload(GoingAway, "server restart");
    QTest::addRow("close-utf8-reason") << Opcode::Close << closePayload(NormalClosure, "tsch\xc3\xbcss");
    QTest::addRow("close-125-bytes") << Opcode::Close << closePayload(NormalClosure, pattern(123));
}

void TestWebSocketCodec::controlFrames()
{
    QFETCH(Opcode, opcode);
    QFETCH(QByteArray, payload);

    FrameDecoder decoder(defaultMax);
    decoder.append(clientFrame(opcode, payload));
    IncomingMessage message;
    QCOMPARE(decoder.next(message), FrameDecoder::Status::Message);
    QCOMPARE(message.opcode, opcode);
    QCOMPARE(message.payload, payload);
}

void TestWebSocketCodec::messageExactlyAtLimit()
{
    const qint64 max = 1000;
    {
        FrameDecoder decoder(max);
        decoder.append(clientFrame(Opcode::Binary, pattern(max)));
        IncomingMessage message;
        QCOMPARE(decoder.next(message), FrameDecoder::Status::Message);
        QCOMPARE(message.payload.size(), max);
    }
    {
        FrameDecoder decoder(max);
        decoder.append(clientFrame(Opcode::Text, pattern(600), false));
        decoder.append(clientFrame(Opcode::Ping, pattern(100))); // control frames do not count towards the message
        decoder.append(clientFrame(Opcode::Continuation, pattern(400), true));
        QList<IncomingMessage> messages;
        QCOMPARE(drain(decoder, messages), FrameDecoder::Status::NeedMoreData);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1].payload.size(), max);
    }
}

void TestWebSocketCodec::failures_data()
{
    QTest::addColumn<qint64>("maxMessageBytes");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<int>("messagesBefore");

    const QByteArray hello = clientFrame(Opcode::Text, "hello");
    const auto modified = [](QByteArray frame, int index, quint8 orMask, quint8 andMask = 0xff) {
        frame[index] = char((quint8(frame[index]) | orMask) & andMask);
        return frame;
    };

    QTest::addRow("unmasked") << defaultMax << QByteArray::fromHex("810568656c6c6f") << int(ProtocolError) << 0;
    QTest::addRow("mask-bit-cleared") << defaultMax << modified(hello, 1, 0, 0x7f) << int(ProtocolError) << 0;
    QTest::addRow("rsv1") << defaultMax << modified(hello, 0, 0x40) << int(ProtocolError) << 0;
    QTest::addRow("rsv2") << defaultMax << modified(hello, 0, 0x20) << int(ProtocolError) << 0;
    QTest::addRow("rsv3") << defaultMax << modified(hello, 0, 0x10) << int(ProtocolError) << 0;
    QTest::addRow("rsv1-after-good-frame")
        << defaultMax << concat({hello, modified(hello, 0, 0x40)}) << int(ProtocolError) << 1;
    for (const quint8 opcode : {0x3, 0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xd, 0xe, 0xf})
        QTest::addRow("unknown-opcode-0x%x", unsigned(opcode))
            << defaultMax << clientFrame(Opcode(opcode), "x") << int(ProtocolError) << 0;

    QTest::addRow("ping-126-bytes") << defaultMax << clientFrame(Opcode::Ping, pattern(126)) << int(ProtocolError) << 0;
    QTest::addRow("pong-200-bytes") << defaultMax << clientFrame(Opcode::Pong, pattern(200)) << int(ProtocolError) << 0;
    QTest::addRow("close-126-bytes") << defaultMax << clientFrame(Opcode::Close, closePayload(1000, pattern(124)))
                                     << int(ProtocolError) << 0;
    QTest::addRow("ping-not-fin") << defaultMax << clientFrame(Opcode::Ping, "x", false) << int(ProtocolError) << 0;
    QTest::addRow("close-not-fin") << defaultMax << clientFrame(Opcode::Close, closePayload(1000), false)
                                   << int(ProtocolError) << 0;
    QTest::addRow("ping-not-fin-inside-fragmented")
        << defaultMax << concat({clientFrame(Opcode::Text, "a", false), clientFrame(Opcode::Ping, "x", false)})
        << int(ProtocolError) << 0;

    QTest::addRow("continuation-without-start")
        << defaultMax << clientFrame(Opcode::Continuation, "x") << int(ProtocolError) << 0;
    QTest::addRow("continuation-after-finished-message")
        << defaultMax << concat({hello, clientFrame(Opcode::Continuation, "x", false)}) << int(ProtocolError) << 1;
    QTest::addRow("text-during-fragmented-text")
        << defaultMax << concat({clientFrame(Opcode::Text, "a", false), clientFrame(Opcode::Text, "b")})
        << int(ProtocolError) << 0;
    QTest::addRow("binary-during-fragmented-text")
        << defaultMax << concat({clientFrame(Opcode::Text, "a", false), clientFrame(Opcode::Binary, "b", false)})
        << int(ProtocolError) << 0;

    QTest::addRow("frame-over-max") << qint64(1000) << clientFrame(Opcode::Binary, pattern(1001)) << int(MessageTooBig)
                                    << 0;
    QTest::addRow("fragments-over-max") << qint64(1000)
                                        << concat({clientFrame(Opcode::Text, pattern(600), false),
                                                   clientFrame(Opcode::Continuation, pattern(401))})
                                        << int(MessageTooBig) << 0;
    QTest::addRow("many-fragments-over-max") << qint64(1000)
                                             << concat({clientFrame(Opcode::Binary, pattern(300), false),
                                                        clientFrame(Opcode::Continuation, pattern(300), false),
                                                        clientFrame(Opcode::Continuation, pattern(300), false),
                                                        clientFrame(Opcode::Continuation, pattern(101), true)})
                                             << int(MessageTooBig) << 0;

    QTest::addRow("utf8-invalid-continuation")
        << defaultMax << clientFrame(Opcode::Text, "\xc3\x28") << int(InvalidPayload) << 0;
    QTest::addRow("utf8-overlong") << defaultMax << clientFrame(Opcode::Text, "\xc0\xaf") << int(InvalidPayload) << 0;
    QTest::addRow("utf8-surrogate") << defaultMax << clientFrame(Opcode::Text, "\xed\xa0\x80") << int(InvalidPayload)
                                    << 0;
    QTest::addRow("utf8-above-max") << defaultMax << clientFrame(Opcode::Text, "\xf4\x90\x80\x80")
                                    << int(InvalidPayload) << 0;
    QTest::addRow("utf8-truncated-at-end")
        << defaultMax << clientFrame(Opcode::Text, "abc\xe2\x82") << int(InvalidPayload) << 0;
    QTest::addRow("utf8-lone-ff") << defaultMax << clientFrame(Opcode::Text, "\xff") << int(InvalidPayload) << 0;
    QTest::addRow("utf8-truncated-across-fragments")
        << defaultMax << concat({clientFrame(Opcode::Text, "caf\xc3", false), clientFrame(Opcode::Continuation, "!")})
        << int(InvalidPayload) << 0;
    QTest::addRow("close-reason-not-utf8")
        << defaultMax << clientFrame(Opcode::Close, closePayload(1000, "\xc3\x28")) << int(InvalidPayload) << 0;

    QTest::addRow("close-one-byte-payload")
        << defaultMax << clientFrame(Opcode::Close, QByteArray(1, '\x03')) << int(ProtocolError) << 0;
    QTest::addRow("length-msb-set") << defaultMax
                                    << clientFrame(Opcode::Binary, {}, true, defaultMask, quint64(1) << 63)
                                    << int(ProtocolError) << 0;
    QTest::addRow("length-all-ones") << defaultMax << clientFrame(Opcode::Binary, {}, true, defaultMask, ~quint64(0))
                                     << int(ProtocolError) << 0;
}

void TestWebSocketCodec::failures()
{
    QFETCH(qint64, maxMessageBytes);
    QFETCH(QByteArray, stream);
    QFETCH(int, expectedCode);
    QFETCH(int, messagesBefore);

    for (const qsizetype chunk : {qsizetype(1), qsizetype(stream.size())}) {
        FrameDecoder decoder(maxMessageBytes);
        QList<IncomingMessage> messages;
        QCOMPARE(feed(decoder, stream, chunk, messages), FrameDecoder::Status::Failed);
        QCOMPARE(int(decoder.failureCode()), expectedCode);
        QVERIFY(qstrlen(decoder.failureReason()) > 0);
        QCOMPARE(messages.size(), messagesBefore);
    }
}

void TestWebSocketCodec::oversizedFrameFailsAtHeader_data()
{
    QTest::addColumn<qint64>("maxMessageBytes");
    QTest::addColumn<QByteArray>("prefix");       ///< Complete frames that come first.
    QTest::addColumn<QByteArray>("header");       ///< Only the header of the offending frame; no payload follows.
    QTest::addColumn<qsizetype>("decidingBytes"); ///< How many header bytes it takes to decide.

    const QByteArray none;
    const auto header = [](Opcode opcode, quint64 declared, bool fin = true) {
        return clientFrame(opcode, {}, fin, defaultMask, declared);
    };
    QTest::addRow("one-gib-64-bit-length")
        << defaultMax << none << header(Opcode::Binary, quint64(1) << 30) << qsizetype(10);
    QTest::addRow("one-gib-text-not-fin")
        << defaultMax << none << header(Opcode::Text, quint64(1) << 30, false) << qsizetype(10);
    QTest::addRow("16-bit-length") << qint64(1000) << none << header(Opcode::Text, 65535) << qsizetype(4);
    QTest::addRow("7-bit-length") << qint64(100) << none << header(Opcode::Text, 125) << qsizetype(2);
    QTest::addRow("continuation-pushes-total-over") << qint64(1000) << clientFrame(Opcode::Text, pattern(900), false)
                                                    << header(Opcode::Continuation, 200) << qsizetype(4);
}

void TestWebSocketCodec::oversizedFrameFailsAtHeader()
{
    QFETCH(qint64, maxMessageBytes);
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, header);
    QFETCH(qsizetype, decidingBytes);

    FrameDecoder decoder(maxMessageBytes);
    QList<IncomingMessage> messages;
    decoder.append(prefix);
    QCOMPARE(drain(decoder, messages), FrameDecoder::Status::NeedMoreData);

    // Byte by byte: undecided until the length is known, failed the moment it is, mask key or not.
    for (qsizetype i = 0; i < header.size(); ++i) {
        decoder.append(header.sliced(i, 1));
        const auto expected = i + 1 < decidingBytes ? FrameDecoder::Status::NeedMoreData : FrameDecoder::Status::Failed;
        QCOMPARE(drain(decoder, messages), expected);
    }
    QCOMPARE(int(decoder.failureCode()), int(MessageTooBig));
    QVERIFY(messages.isEmpty());

    // All at once, header with mask key and nothing else.
    FrameDecoder whole(maxMessageBytes);
    whole.append(concat({prefix, header}));
    QCOMPARE(drain(whole, messages), FrameDecoder::Status::Failed);
    QCOMPARE(int(whole.failureCode()), int(MessageTooBig));
}

void TestWebSocketCodec::failureIsSticky()
{
    FrameDecoder decoder(defaultMax);
    decoder.append(clientFrame(Opcode::Continuation, "x"));
    IncomingMessage message;
    QCOMPARE(decoder.next(message), FrameDecoder::Status::Failed);
    const quint16 code = decoder.failureCode();
    QCOMPARE(int(code), int(ProtocolError));

    // Valid frames after the failure are not decoded, and the code stays.
    decoder.append(clientFrame(Opcode::Text, "valid"));
    QCOMPARE(decoder.next(message), FrameDecoder::Status::Failed);
    QCOMPARE(decoder.failureCode(), code);
}

QTEST_GUILESS_MAIN(TestWebSocketCodec)
#include "tst_websocketcodec.moc"
