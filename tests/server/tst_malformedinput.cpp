// Hostile and broken input at every layer: the answer is an error frame, an HTTP error or a proper close,
// never a crash, and the server keeps serving everyone else.
#include "protocol.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace natter;
namespace field = protocol::field;
namespace type = protocol::type;

namespace {
constexpr quint8 text = 0x1, binary = 0x2, continuation = 0x0, ping = 0x9;
}

class TestMalformedInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void invalidJsonAndWrongShapesGetErrorFrames_data();
    void invalidJsonAndWrongShapesGetErrorFrames();
    void binaryFrameGetsErrorFrame();
    void invalidUtf8ClosesWith1007();
    void utf8SplitAcrossFragmentsIsAccepted();
    void protocolViolationsClose_data();
    void protocolViolationsClose();
    void frameDeclaredFarOverTheCapClosesAtTheHeader();
    void fragmentedMessageOverTheCapCloses();
    void pingIsAnswered();
    void garbageHttpGets400();
    void randomBytesAfterUpgrade();

private:
    void assertServerStillServes();
    std::unique_ptr<TestServer> m_server;
};

void TestMalformedInput::init()
{
    m_server = std::make_unique<TestServer>([](ServerConfig &config) { config.maxFrameBytes = 64 * 1024; });
    QVERIFY(m_server->isRunning());
}

void TestMalformedInput::cleanup()
{
    assertServerStillServes();
    m_server.reset();
}

void TestMalformedInput::assertServerStillServes()
{
    auto alice = TestClient::typed(m_server->webSocketUrl(), QStringLiteral("Healthy"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("all good")).isEmpty());
}

void TestMalformedInput::invalidJsonAndWrongShapesGetErrorFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addRow("truncated json") << QByteArray(R"({"type":"send","room":)") << u"INVALID_FORMAT"_qs;
    QTest::addRow("json string") << QByteArray(R"("send")") << u"INVALID_FORMAT"_qs;
    QTest::addRow("json number") << QByteArray("42") << u"INVALID_FORMAT"_qs;
    QTest::addRow("json null") << QByteArray("null") << u"INVALID_FORMAT"_qs;
    QTest::addRow("empty") << QByteArray("") << u"INVALID_FORMAT"_qs;
    QTest::addRow("type is object") << QByteArray(R"({"type":{"x":1}})") << u"INVALID_PAYLOAD"_qs;
    QTest::addRow("room is array") << QByteArray(R"({"type":"join","room":["general"]})") << u"INVALID_PAYLOAD"_qs;
    QTest::addRow("request_id is object") << QByteArray(R"({"type":"ping","request_id":{}})") << u"INVALID_PAYLOAD"_qs;
    QTest::addRow("deeply nested") << QByteArray(5000, '[') << u"INVALID_FORMAT"_qs;
    QTest::addRow("since_seq huge") << QByteArray(R"({"type":"join","room":"general","since_seq":1e300})")
                                    << u"INVALID_PAYLOAD"_qs;
    QTest::addRow("limit fraction") << QByteArray(R"({"type":"history","room":"general","limit":2.5})")
                                    << u"INVALID_PAYLOAD"_qs;
}

void TestMalformedInput::invalidJsonAndWrongShapesGetErrorFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?user=Fuzzer").startsWith("HTTP/1.1 101"));
    RawClient::Frame welcome;
    QVERIFY(raw.readFrame(welcome));
    raw.sendFrame(text, frame);
    RawClient::Frame reply;
    QVERIFY(raw.readFrame(reply));
    const auto error = QJsonDocument::fromJson(reply.payload).object();
    QCOMPARE(error.value(field::type).toString(), QString(type::error));
    QCOMPARE(error.value(field::code).toString(), code);
}

void TestMalformedInput::binaryFrameGetsErrorFrame()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Binary").startsWith("HTTP/1.1 101"));
    raw.sendFrame(binary, QByteArray("\x00\x01\x02\xff", 4));
    RawClient::Frame reply;
    QVERIFY(raw.readFrame(reply));
    QCOMPARE(QJsonDocument::fromJson(reply.payload).object().value(field::code).toString(), u"INVALID_FORMAT"_qs);
    // Still open: a text frame is posted normally.
    raw.sendFrame(text, "after binary");
    QVERIFY(raw.readFrame(reply));
    QCOMPARE(QJsonDocument::fromJson(reply.payload).object().value(field::content).toString(), u"after binary"_qs);
}

void TestMalformedInput::invalidUtf8ClosesWith1007()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Utf8").startsWith("HTTP/1.1 101"));
    raw.sendFrame(text, QByteArray("bad \xC3\x28 byte"));
    QCOMPARE(raw.waitForClose(), 1007);
    QVERIFY(raw.waitDisconnected());
}

void TestMalformedInput::utf8SplitAcrossFragmentsIsAccepted()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Split").startsWith("HTTP/1.1 101"));
    const QByteArray euro("\xE2\x82\xAC"); // one character, three bytes
    raw.sendFrame(text, "price: " + euro.left(1), false);
    raw.sendFrame(continuation, euro.mid(1, 1), false);
    raw.sendFrame(ping, "interleaved control frame");
    raw.sendFrame(continuation, euro.mid(2) + " 5", true);
    RawClient::Frame frame;
    QVERIFY(raw.readFrame(frame));
    QCOMPARE(frame.opcode, quint8(0xA)); // the pong comes first: it was complete first
    QCOMPARE(frame.payload, QByteArray("interleaved control frame"));
    QVERIFY(raw.readFrame(frame));
    QCOMPARE(QJsonDocument::fromJson(frame.payload).object().value(field::content).toString(),
             QStringLiteral("price: \u20ac 5"));
}

void TestMalformedInput::protocolViolationsClose_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("closeCode");
    QTest::addRow("unmasked frame") << RawClient::buildFrame(text, "hi", true, false) << 1002;
    QByteArray rsv = RawClient::buildFrame(text, "hi");
    rsv[0] = char(rsv[0] | 0x40);
    QTest::addRow("reserved bit") << rsv << 1002;
    QTest::addRow("unknown opcode") << RawClient::buildFrame(0x3, "hi") << 1002;
    QTest::addRow("fragmented ping") << RawClient::buildFrame(ping, "x", false) << 1002;
    QTest::addRow("long ping") << RawClient::buildFrame(ping, QByteArray(126, 'p')) << 1002;
    QTest::addRow("stray continuation") << RawClient::buildFrame(continuation, "x") << 1002;
    QTest::addRow("text inside fragmented text")
        << RawClient::buildFrame(text, "a", false) + RawClient::buildFrame(text, "b") << 1002;
    QTest::addRow("one-byte close") << RawClient::buildFrame(0x8, "x") << 1002;
}

void TestMalformedInput::protocolViolationsClose()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, closeCode);
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Violator").startsWith("HTTP/1.1 101"));
    raw.write(bytes);
    QCOMPARE(raw.waitForClose(), closeCode);
    QVERIFY(raw.waitDisconnected());
}

void TestMalformedInput::frameDeclaredFarOverTheCapClosesAtTheHeader()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Huge").startsWith("HTTP/1.1 101"));
    // Header only: a masked text frame declaring 1 GiB. The server must refuse without waiting for the payload.
    QByteArray header;
    header.append(char(0x81)).append(char(0x80 | 127));
    char length[8];
    qToBigEndian<quint64>(quint64(1) << 30, length);
    header.append(length, 8).append("MASK");
    raw.write(header);
    QCOMPARE(raw.waitForClose(), 1009);
    QVERIFY(raw.waitDisconnected());
}

void TestMalformedInput::fragmentedMessageOverTheCapCloses()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Pieces").startsWith("HTTP/1.1 101"));
    const QByteArray piece(40 * 1024, 'a');
    raw.sendFrame(text, piece, false);
    raw.sendFrame(continuation, piece, false); // 80 KiB in total, over the 64 KiB cap
    QCOMPARE(raw.waitForClose(), 1009);
}

void TestMalformedInput::pingIsAnswered()
{
    RawClient raw;
    QVERIFY(raw.upgrade(m_server->port(), "/ws?room=general&user=Pinger").startsWith("HTTP/1.1 101"));
    raw.sendFrame(ping, "are you there");
    RawClient::Frame frame;
    QVERIFY(raw.readFrame(frame));
    QCOMPARE(frame.opcode, quint8(0xA));
    QCOMPARE(frame.payload, QByteArray("are you there"));
}

void TestMalformedInput::garbageHttpGets400()
{
    for (const QByteArray &garbage :
         {QByteArray("\x16\x03\x01\x02\x10\x01\x20\x01\xfc\x03\x03\r\n\r\n"), QByteArray("GET\r\n\r\n"),
          QByteArray("GET /health HTTP/1.1\r\nno colon here\r\n\r\n"),
          QByteArray("GET /health HTTP/1.1\r\nContent-Length: -5\r\n\r\n"),
          QByteArray("GET /health HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
          QByteArray("GET /he%zzalth HTTP/1.1\r\n\r\n"), QByteArray("GET /health HTTP/9.9\r\n\r\n")}) {
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.write(garbage);
        const QByteArray response = raw.readHttpResponse();
        QVERIFY2(response.startsWith("HTTP/1.1 4") || response.startsWith("HTTP/1.1 505"), garbage.constData());
        QVERIFY(response.contains("\"error\""));
        QVERIFY(raw.waitDisconnected());
    }
}

void TestMalformedInput::randomBytesAfterUpgrade()
{
    // Seeded, so a failure reproduces.
    QRandomGenerator random(20261122);
    for (int round = 0; round < 200; ++round) {
        RawClient raw;
        QVERIFY(raw.upgrade(m_server->port(), round % 2 ? "/ws?user=Noise" : "/ws?room=general&user=Noise")
                    .startsWith("HTTP/1.1 101"));
        QByteArray noise(int(random.bounded(1, 300)), Qt::Uninitialized);
        for (auto &byte : noise)
            byte = char(random.bounded(256));
        raw.write(noise);
        raw.socket().disconnectFromHost();
    }
}

QTEST_GUILESS_MAIN(TestMalformedInput)
#include "tst_malformedinput.moc"
