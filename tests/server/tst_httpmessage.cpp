#include "httpmessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace natter::http;
using namespace Qt::StringLiterals;

using QueryMap = QHash<QString, QString>;
using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

namespace natter::http {

// Readable QCOMPARE output for the parser's status.
char *toString(RequestParser::Status status)
{
    switch (status) {
    case RequestParser::Status::NeedMoreData:
        return qstrdup("NeedMoreData");
    case RequestParser::Status::Complete:
        return qstrdup("Complete");
    case RequestParser::Status::Failed:
        return qstrdup("Failed");
    }
    return qstrdup("?");
}

} // namespace natter::http

namespace {

constexpr qsizetype defaultMaxHeader = 8 * 1024;
constexpr qsizetype defaultMaxBody = 64 * 1024;

/// A request head from a request line and header lines, CRLF-terminated, with the blank line.
QByteArray head(QByteArrayView requestLine, const QList<QByteArray> &headerLines = {})
{
    QByteArray out = requestLine.toByteArray();
    out += "\r\n";
    for (const QByteArray &line : headerLines) {
        out += line;
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

QByteArray get(QByteArrayView target)
{
    return head(QByteArray("GET " + target.toByteArray() + " HTTP/1.1"), {"Host: localhost"});
}

QByteArray post(QByteArrayView target, const QByteArray &body)
{
    QByteArray out = head(QByteArray("POST " + target.toByteArray() + " HTTP/1.1"),
                          {"Host: localhost", "Content-Type: application/json",
                           QByteArray("Content-Length: " + QByteArray::number(body.size()))});
    out += body;
    return out;
}

/// Parses a request that arrives in one piece; fails the test unless it is complete.
std::optional<Request> parseOne(const QByteArray &bytes)
{
    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(bytes);
    Request request;
    if (parser.next(request) != RequestParser::Status::Complete)
        return std::nullopt;
    return request;
}

} // namespace

class TestHttpMessage : public QObject
{
    Q_OBJECT

private slots:
    void parseTarget_data();
    void parseTarget();
    void malformedTarget_data();
    void malformedTarget();

    void headers();
    void headerHasToken_data();
    void headerHasToken();
    void keepAlive_data();
    void keepAlive();

    void requestSplitAcrossAppends_data();
    void requestSplitAcrossAppends();
    void pipelinedRequests();
    void bodySplitAcrossAppends();
    void takeRemainderAfterRequest_data();
    void takeRemainderAfterRequest();

    void headSizeLimit_data();
    void headSizeLimit();
    void headOverLimitFailsWhileArriving();
    void bodySizeLimit_data();
    void bodySizeLimit();
    void failures_data();
    void failures();
    void failureIsSticky();

    void serialize_data();
    void serialize();
    void errorResponse_data();
    void errorResponse();
    void reasonPhrases_data();
    void reasonPhrases();
};

void TestHttpMessage::parseTarget_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QueryMap>("query");

    QTest::addRow("root") << QByteArray("/") << QStringList() << u"/"_s << QueryMap();
    QTest::addRow("plain-path") << QByteArray("/api/rooms") << QStringList{u"api"_s, u"rooms"_s} << u"/api/rooms"_s
                                << QueryMap();
    QTest::addRow("encoded-segment") << QByteArray("/api/rooms/caf%C3%A9/messages")
                                     << QStringList{u"api"_s, u"rooms"_s, u"café"_s, u"messages"_s}
                                     << u"/api/rooms/café/messages"_s << QueryMap();
    QTest::addRow("lower-case-hex") << QByteArray("/rooms/caf%c3%a9") << QStringList{u"rooms"_s, u"café"_s}
                                    << u"/rooms/café"_s << QueryMap();
    QTest::addRow("empty-segments-dropped")
        << QByteArray("//api///rooms/") << QStringList{u"api"_s, u"rooms"_s} << u"/api/rooms"_s << QueryMap();
    QTest::addRow("encoded-slash-stays-in-segment")
        << QByteArray("/rooms/a%2Fb") << QStringList{u"rooms"_s, u"a/b"_s} << u"/rooms/a/b"_s << QueryMap();
    QTest::addRow("plus-in-path-is-plus")
        << QByteArray("/rooms/a+b%20c") << QStringList{u"rooms"_s, u"a+b c"_s} << u"/rooms/a+b c"_s << QueryMap();
    QTest::addRow("emoji-segment") << QByteArray("/rooms/%F0%9F%98%80") << QStringList{u"rooms"_s, u"😀"_s}
                                   << u"/rooms/😀"_s << QueryMap();

    QTest::addRow("query") << QByteArray("/api/rooms/lobby/messages?limit=10&before=abc")
                           << QStringList{u"api"_s, u"rooms"_s, u"lobby"_s, u"messages"_s}
                           << u"/api/rooms/lobby/messages"_s
                           << QueryMap{{u"limit"_s, u"10"_s}, {u"before"_s, u"abc"_s}};
    QTest::addRow("plus-is-space") << QByteArray("/s?q=hello+world") << QStringList{u"s"_s} << u"/s"_s
                                   << QueryMap{{u"q"_s, u"hello world"_s}};
    QTest::addRow("encoded-plus-is-plus")
        << QByteArray("/s?q=1%2B1") << QStringList{u"s"_s} << u"/s"_s << QueryMap{{u"q"_s, u"1+1"_s}};
    QTest::addRow("percent-decoded") << QByteArray("/s?name=caf%C3%A9%20cr%C3%A8me&x=%26%3D") << QStringList{u"s"_s}
                                     << u"/s"_s << QueryMap{{u"name"_s, u"café crème"_s}, {u"x"_s, u"&="_s}};
    QTest::addRow("encoded-key") << QByteArray("/s?my+key=1&other%20key=2") << QStringList{u"s"_s} << u"/s"_s
                                 << QueryMap{{u"my key"_s, u"1"_s}, {u"other key"_s, u"2"_s}};
    QTest::addRow("first-duplicate-wins") << QByteArray("/s?a=1&b=x&a=2&a=3") << QStringList{u"s"_s} << u"/s"_s
                                          << QueryMap{{u"a"_s, u"1"_s}, {u"b"_s, u"x"_s}};
    QTest::addRow("first-duplicate-wins-even-if-empty")
        << QByteArray("/s?a=&a=2") << QStringList{u"s"_s} << u"/s"_s << QueryMap{{u"a"_s, QString()}};
    QTest::addRow("key-without-value") << QByteArray("/s?flag&v=1") << QStringList{u"s"_s} << u"/s"_s
                                       << QueryMap{{u"flag"_s, QString()}, {u"v"_s, u"1"_s}};
    QTest::addRow("equals-in-value") << QByteArray("/s?expr=a=b") << QStringList{u"s"_s} << u"/s"_s
                                     << QueryMap{{u"expr"_s, u"a=b"_s}};
    QTest::addRow("empty-pairs-skipped") << QByteArray("/s?&&a=1&") << QStringList{u"s"_s} << u"/s"_s
                                         << QueryMap{{u"a"_s, u"1"_s}};
    QTest::addRow("empty-query") << QByteArray("/s?") << QStringList{u"s"_s} << u"/s"_s << QueryMap();
    QTest::addRow("query-on-root") << QByteArray("/?a=1") << QStringList() << u"/"_s << QueryMap{{u"a"_s, u"1"_s}};
    QTest::addRow("question-mark-in-value")
        << QByteArray("/s?q=why?") << QStringList{u"s"_s} << u"/s"_s << QueryMap{{u"q"_s, u"why?"_s}};
}

void TestHttpMessage::parseTarget()
{
    QFETCH(QByteArray, target);
    QFETCH(QStringList, segments);
    QFETCH(QString, path);
    QFETCH(QueryMap, query);

    const auto request = parseOne(get(target));
    QVERIFY(request);
    QCOMPARE(request->method, QByteArray("GET"));
    QCOMPARE(request->target, target);
    QCOMPARE(request->pathSegments, segments);
    QCOMPARE(request->path(), path);
    QCOMPARE(request->query, query);
    QVERIFY(request->body.isEmpty());
}

void TestHttpMessage::malformedTarget_data()
{
    QTest::addColumn<QByteArray>("target");

    QTest::addRow("percent-at-end") << QByteArray("/rooms/x%");
    QTest::addRow("percent-one-digit") << QByteArray("/rooms/x%4");
    QTest::addRow("percent-one-digit-mid-path") << QByteArray("/rooms/x%4/y");
    QTest::addRow("percent-not-hex") << QByteArray("/rooms/x%zz");
    QTest::addRow("percent-second-not-hex") << QByteArray("/rooms/x%4g");
    QTest::addRow("percent-sign-alone") << QByteArray("/%");
    QTest::addRow("query-value-percent-at-end") << QByteArray("/s?q=%");
    QTest::addRow("query-value-not-hex") << QByteArray("/s?q=%G1");
    QTest::addRow("query-key-not-hex") << QByteArray("/s?%x=1");
    QTest::addRow("later-query-pair-bad") << QByteArray("/s?a=1&b=%2");

    QTest::addRow("utf8-truncated") << QByteArray("/rooms/caf%C3");
    QTest::addRow("utf8-bad-continuation") << QByteArray("/rooms/%C3%28");
    QTest::addRow("utf8-lone-ff") << QByteArray("/rooms/%FF");
    QTest::addRow("utf8-overlong-slash") << QByteArray("/rooms/%C0%AF");
    QTest::addRow("utf8-surrogate") << QByteArray("/rooms/%ED%A0%80");
    QTest::addRow("utf8-raw-byte-in-path") << QByteArray("/rooms/caf\xe9");
    QTest::addRow("utf8-query-value") << QByteArray("/s?q=%E9t%E9");
    QTest::addRow("utf8-query-key") << QByteArray("/s?%FE=1");
}

void TestHttpMessage::malformedTarget()
{
    QFETCH(QByteArray, target);

    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(get(target));
    Request request;
    QCOMPARE(parser.next(request), RequestParser::Status::Failed);
    QCOMPARE(parser.failure().status, 400);
    QVERIFY(!parser.failure().message.isEmpty());
}

void TestHttpMessage::headers()
{
    const auto request =
        parseOne(head("GET /ws HTTP/1.1", {"Host: example.org:8082", "UPGRADE: websocket",
                                           "Sec-WebSocket-Key:dGhlIHNhbXBsZSBub25jZQ==", "X-Padded:    spaced value   ",
                                           "X-Empty:", "Accept: text/html", "accept: application/json"}));
    QVERIFY(request);
    const HeaderList expected{
        {"host", "example.org:8082"},   {"upgrade", "websocket"}, {"sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"x-padded", "spaced value"},   {"x-empty", ""},          {"accept", "text/html"},
        {"accept", "application/json"},
    };
    QCOMPARE(request->headers, expected);
    QCOMPARE(request->header("upgrade"), QByteArray("websocket"));
    QCOMPARE(request->header("sec-websocket-key"), QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    QCOMPARE(request->header("accept"), QByteArray("text/html")); // the first of repeated headers
    QVERIFY(request->header("missing").isNull());
}

void TestHttpMessage::headerHasToken_data()
{
    QTest::addColumn<QList<QByteArray>>("headerLines");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("expected");

    QTest::addRow("single") << QList<QByteArray>{"Connection: Upgrade"} << QByteArray("connection")
                            << QByteArray("upgrade") << true;
    QTest::addRow("comma-list") << QList<QByteArray>{"Connection: keep-alive, Upgrade"} << QByteArray("connection")
                                << QByteArray("upgrade") << true;
    QTest::addRow("comma-list-no-spaces") << QList<QByteArray>{"Connection: keep-alive,Upgrade"}
                                          << QByteArray("connection") << QByteArray("Upgrade") << true;
    QTest::addRow("spaces-around-comma") << QList<QByteArray>{"Connection: keep-alive  ,  Upgrade  "}
                                         << QByteArray("connection") << QByteArray("upgrade") << true;
    QTest::addRow("case-insensitive-token")
        << QList<QByteArray>{"Upgrade: WebSocket"} << QByteArray("upgrade") << QByteArray("websocket") << true;
    QTest::addRow("mixed-case-header-name")
        << QList<QByteArray>{"cOnNeCtIoN: UPGRADE"} << QByteArray("connection") << QByteArray("upgrade") << true;
    QTest::addRow("second-header-line") << QList<QByteArray>{"Connection: keep-alive", "Connection: upgrade"}
                                        << QByteArray("connection") << QByteArray("upgrade") << true;
    QTest::addRow("absent-token") << QList<QByteArray>{"Connection: keep-alive"} << QByteArray("connection")
                                  << QByteArray("upgrade") << false;
    QTest::addRow("substring-is-not-token") << QList<QByteArray>{"Connection: upgraded, not-upgrade"}
                                            << QByteArray("connection") << QByteArray("upgrade") << false;
    QTest::addRow("other-header") << QList<QByteArray>{"X-Connection: upgrade"} << QByteArray("connection")
                                  << QByteArray("upgrade") << false;
    QTest::addRow("no-header") << QList<QByteArray>{} << QByteArray("connection") << QByteArray("upgrade") << false;
}

void TestHttpMessage::headerHasToken()
{
    QFETCH(QList<QByteArray>, headerLines);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, token);
    QFETCH(bool, expected);

    const auto request = parseOne(head("GET / HTTP/1.1", headerLines));
    QVERIFY(request);
    QCOMPARE(request->headerHasToken(name, token), expected);
}

void TestHttpMessage::keepAlive_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QList<QByteArray>>("headerLines");
    QTest::addColumn<bool>("keepAlive");

    QTest::addRow("http11-default") << QByteArray("HTTP/1.1") << QList<QByteArray>{} << true;
    QTest::addRow("http10-default") << QByteArray("HTTP/1.0") << QList<QByteArray>{} << false;
    QTest::addRow("http11-close") << QByteArray("HTTP/1.1") << QList<QByteArray>{"Connection: close"} << false;
    QTest::addRow("http11-close-upper-case")
        << QByteArray("HTTP/1.1") << QList<QByteArray>{"Connection: Close"} << false;
    QTest::addRow("http11-close-in-list")
        << QByteArray("HTTP/1.1") << QList<QByteArray>{"Connection: foo, close"} << false;
    QTest::addRow("http10-keep-alive") << QByteArray("HTTP/1.0") << QList<QByteArray>{"Connection: Keep-Alive"} << true;
    QTest::addRow("http11-keep-alive") << QByteArray("HTTP/1.1") << QList<QByteArray>{"Connection: keep-alive"} << true;
    QTest::addRow("http10-upgrade-only") << QByteArray("HTTP/1.0") << QList<QByteArray>{"Connection: upgrade"} << false;
}

void TestHttpMessage::keepAlive()
{
    QFETCH(QByteArray, version);
    QFETCH(QList<QByteArray>, headerLines);
    QFETCH(bool, keepAlive);

    const auto request = parseOne(head(QByteArray("GET /api/health " + version), headerLines));
    QVERIFY(request);
    QCOMPARE(request->keepAlive, keepAlive);
}

void TestHttpMessage::requestSplitAcrossAppends_data()
{
    QTest::addColumn<qsizetype>("chunkSize");

    for (const qsizetype chunk : {1, 2, 3, 7, 16, 100})
        QTest::addRow("chunk-%lld", qlonglong(chunk)) << chunk;
}

void TestHttpMessage::requestSplitAcrossAppends()
{
    QFETCH(qsizetype, chunkSize);

    const QByteArray body = R"({"name":"lobby","topic":"caf\u00e9"})";
    const QByteArray bytes = post("/api/rooms?dryRun=1", body);
    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    Request request;
    for (qsizetype at = 0; at < bytes.size(); at += chunkSize) {
        const qsizetype size = std::min(chunkSize, bytes.size() - at);
        parser.append(QByteArrayView(bytes).sliced(at, size));
        const auto expected =
            at + size == bytes.size() ? RequestParser::Status::Complete : RequestParser::Status::NeedMoreData;
        QCOMPARE(parser.next(request), expected);
        if (expected == RequestParser::Status::NeedMoreData)
            QVERIFY(parser.hasPartialRequest());
    }
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.pathSegments, (QStringList{u"api"_s, u"rooms"_s}));
    QCOMPARE(request.query.value(u"dryRun"_s), u"1"_s);
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QCOMPARE(request.body, body);
    QVERIFY(!parser.hasPartialRequest());
    QCOMPARE(parser.next(request), RequestParser::Status::NeedMoreData);
}

void TestHttpMessage::pipelinedRequests()
{
    QByteArray bytes = get("/api/rooms");
    bytes += post("/api/rooms/lobby/messages", "hello");
    bytes += "\r\n"; // an empty line between requests is tolerated
    bytes += head("HEAD /api/health HTTP/1.1", {"Connection: close"});
    bytes += "GET /api/rooms/next"; // and the start of one more

    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(bytes);
    Request request;
    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path(), u"/api/rooms"_s);
    QVERIFY(request.body.isEmpty());

    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path(), u"/api/rooms/lobby/messages"_s);
    QCOMPARE(request.body, QByteArray("hello"));

    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.method, QByteArray("HEAD"));
    QCOMPARE(request.path(), u"/api/health"_s);
    QVERIFY(!request.keepAlive);
    QVERIFY(request.body.isEmpty());
    QVERIFY(request.query.isEmpty());

    QCOMPARE(parser.next(request), RequestParser::Status::NeedMoreData);
    QVERIFY(parser.hasPartialRequest());
    parser.append(" HTTP/1.1\r\n\r\n");
    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.path(), u"/api/rooms/next"_s);
    QVERIFY(request.headers.isEmpty());
    QVERIFY(!parser.hasPartialRequest());
}

void TestHttpMessage::bodySplitAcrossAppends()
{
    const QByteArray body = QByteArray(1000, 'x') + QByteArray(24, 'y');
    QByteArray bytes = post("/api/upload", body);
    const qsizetype headSize = bytes.size() - body.size();
    bytes += get("/after");

    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    Request request;
    parser.append(QByteArrayView(bytes).first(headSize));
    QCOMPARE(parser.next(request), RequestParser::Status::NeedMoreData); // head read, body awaited
    QVERIFY(parser.hasPartialRequest());
    for (qsizetype at = 0; at + 100 < body.size(); at += 100) {
        parser.append(QByteArrayView(body).sliced(at, 100));
        QCOMPARE(parser.next(request), RequestParser::Status::NeedMoreData);
    }
    parser.append(QByteArrayView(bytes).sliced(headSize + body.size() / 100 * 100)); // rest of body + next request
    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.body.size(), body.size());
    QCOMPARE(request.body, body);
    QCOMPARE(parser.next(request), RequestParser::Status::Complete);
    QCOMPARE(request.path(), u"/after"_s);
    QVERIFY(request.body.isEmpty());
}

void TestHttpMessage::takeRemainderAfterRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("following");

    const QByteArray upgrade =
        head("GET /ws HTTP/1.1", {"Host: localhost", "Upgrade: websocket", "Connection: Upgrade",
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"});
    // A masked "Hello" text frame (RFC 6455 section 5.7) sent right behind the upgrade request.
    const QByteArray frame = QByteArray::fromHex("818537fa213d7f9f4d5158");
    QTest::addRow("websocket-frame") << upgrade << frame;
    QTest::addRow("frame-starting-with-crlf") << upgrade << QByteArray("\r\n\r\nxyz");
    QTest::addRow("nothing") << upgrade << QByteArray();
    QTest::addRow("after-body") << post("/api/x", "{}") << QByteArray("GET /partial");
}

void TestHttpMessage::takeRemainderAfterRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, following);

    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(request);
    parser.append(following);
    Request parsed;
    QCOMPARE(parser.next(parsed), RequestParser::Status::Complete);
    QCOMPARE(parser.takeRemainder(), following);
    QVERIFY(!parser.hasPartialRequest());
    QVERIFY(parser.takeRemainder().isEmpty());
}

void TestHttpMessage::headSizeLimit_data()
{
    QTest::addColumn<qsizetype>("headSize"); ///< Bytes sent, including the final CRLF CRLF when terminated.
    QTest::addColumn<bool>("terminated");    ///< Whether the blank line is there.
    QTest::addColumn<int>("expected");       ///< 0: NeedMoreData, 200: Complete, else the failure status.

    const qsizetype max = 1024;
    QTest::addRow("terminated-well-under") << qsizetype(100) << true << 200;
    QTest::addRow("terminated-exactly-at-cap") << max << true << 200;
    QTest::addRow("terminated-one-over-cap") << max + 1 << true << 431;
    QTest::addRow("terminated-far-over-cap") << 10 * max << true << 431;
    QTest::addRow("unterminated-under-cap") << max - 100 << false << 0;
    QTest::addRow("unterminated-exactly-at-cap") << max << false << 0;
    QTest::addRow("unterminated-over-cap") << max + 1 << false << 431;
    QTest::addRow("unterminated-far-over-cap") << 10 * max << false << 431;
}

void TestHttpMessage::headSizeLimit()
{
    QFETCH(qsizetype, headSize);
    QFETCH(bool, terminated);
    QFETCH(int, expected);

    // Pad one header to reach exactly headSize bytes.
    const QByteArray start = "GET / HTTP/1.1\r\nX-Pad: ";
    const QByteArray end = "\r\n\r\n";
    const qsizetype padding = headSize - start.size() - (terminated ? end.size() : 0);
    QByteArray bytes = start + QByteArray(padding, 'p');
    if (terminated)
        bytes += end;
    QCOMPARE(bytes.size(), headSize);

    RequestParser parser(1024, defaultMaxBody);
    parser.append(bytes);
    Request request;
    const auto status = parser.next(request);
    switch (expected) {
    case 0:
        QCOMPARE(status, RequestParser::Status::NeedMoreData);
        break;
    case 200:
        QCOMPARE(status, RequestParser::Status::Complete);
        QCOMPARE(request.header("x-pad").size(), padding);
        break;
    default:
        QCOMPARE(status, RequestParser::Status::Failed);
        QCOMPARE(parser.failure().status, expected);
        QVERIFY(parser.failure().message.contains(u"1024"_s));
    }
}

void TestHttpMessage::headOverLimitFailsWhileArriving()
{
    // A client that never ends its head is refused as soon as it passes the cap, not when it stops.
    RequestParser parser(1024, defaultMaxBody);
    Request request;
    const QByteArray line = "X-Endless: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    parser.append("GET / HTTP/1.1\r\n");
    qsizetype sent = 16;
    while (sent + line.size() <= 1024) {
        parser.append(line);
        sent += line.size();
        QCOMPARE(parser.next(request), RequestParser::Status::NeedMoreData);
    }
    parser.append(line);
    QCOMPARE(parser.next(request), RequestParser::Status::Failed);
    QCOMPARE(parser.failure().status, 431);
}

void TestHttpMessage::bodySizeLimit_data()
{
    QTest::addColumn<QByteArray>("contentLength");
    QTest::addColumn<int>("expected"); ///< 200: complete without a body, 0: body awaited, else the failure status.

    QTest::addRow("zero") << QByteArray("0") << 200;
    QTest::addRow("one") << QByteArray("1") << 0;
    QTest::addRow("at-cap") << QByteArray("100") << 0;
    QTest::addRow("one-over-cap") << QByteArray("101") << 413;
    QTest::addRow("one-gib") << QByteArray::number(1LL << 30) << 413;
    QTest::addRow("largest-qint64") << QByteArray("9223372036854775807") << 413;
    QTest::addRow("beyond-qint64") << QByteArray("99999999999999999999999") << 413;
}

void TestHttpMessage::bodySizeLimit()
{
    QFETCH(QByteArray, contentLength);
    QFETCH(int, expected);

    RequestParser parser(defaultMaxHeader, 100);
    // Only the head arrives: the decision must not wait for the body.
    parser.append(head("POST /api/rooms HTTP/1.1", {QByteArray("Content-Length: " + contentLength)}));
    Request request;
    const auto status = parser.next(request);
    if (expected == 200) {
        QCOMPARE(status, RequestParser::Status::Complete);
        QVERIFY(request.body.isEmpty());
    } else if (expected == 0) {
        QCOMPARE(status, RequestParser::Status::NeedMoreData);
        const qsizetype length = contentLength.toLongLong();
        parser.append(QByteArray(length, 'b'));
        QCOMPARE(parser.next(request), RequestParser::Status::Complete);
        QCOMPARE(request.body, QByteArray(length, 'b'));
    } else {
        QCOMPARE(status, RequestParser::Status::Failed);
        QCOMPARE(parser.failure().status, expected);
    }
}

void TestHttpMessage::failures_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");

    QTest::addRow("transfer-encoding-chunked")
        << QByteArray(head("POST /api/rooms HTTP/1.1", {"Transfer-Encoding: chunked"}) + "5\r\nhello\r\n0\r\n\r\n")
        << 411;
    QTest::addRow("transfer-encoding-with-content-length")
        << head("POST /api/rooms HTTP/1.1", {"Content-Length: 5", "Transfer-Encoding: chunked"}) << 411;
    QTest::addRow("transfer-encoding-identity")
        << head("POST /api/rooms HTTP/1.1", {"Transfer-Encoding: identity"}) << 411;

    for (const char *length : {"abc", "-1", "1.5", "0x10", "10abc", "1 0", "5,5", "+5"})
        QTest::addRow("content-length-%s", length)
            << head("POST /api/rooms HTTP/1.1", {QByteArray(QByteArray("Content-Length: ") + length)}) << 400;
    QTest::addRow("content-length-empty")
        << QByteArray(head("POST /api/rooms HTTP/1.1", {"Content-Length:"}) + "hello") << 400;
    QTest::addRow("content-length-conflicting-duplicates")
        << QByteArray(head("POST /api/rooms HTTP/1.1", {"Content-Length: 5", "Content-Length: 50"}) + "hello") << 400;

    QTest::addRow("http2") << head("GET / HTTP/2.0") << 505;
    QTest::addRow("http12") << head("GET / HTTP/1.2") << 505;
    QTest::addRow("http09") << head("GET / HTTP/0.9") << 505;
    QTest::addRow("no-version") << head("GET /") << 400;
    QTest::addRow("only-method") << head("GET") << 400;
    QTest::addRow("double-space") << head("GET  / HTTP/1.1") << 400;
    QTest::addRow("extra-part") << head("GET / HTTP/1.1 extra") << 400;
    QTest::addRow("leading-space") << head(" GET / HTTP/1.1") << 400;
    QTest::addRow("empty-method") << head(" / HTTP/1.1") << 400;
    QTest::addRow("method-not-token") << head("G(T / HTTP/1.1") << 400;
    QTest::addRow("target-not-absolute-path") << head("GET rooms HTTP/1.1") << 400;
    QTest::addRow("target-absolute-form") << head("GET http://example.org/ HTTP/1.1") << 400;
    QTest::addRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;

    QTest::addRow("header-without-colon") << head("GET / HTTP/1.1", {"Host localhost"}) << 400;
    QTest::addRow("header-empty-name") << head("GET / HTTP/1.1", {": value"}) << 400;
    QTest::addRow("header-name-with-space") << head("GET / HTTP/1.1", {"Bad Name: value"}) << 400;
    QTest::addRow("header-space-before-colon") << head("GET / HTTP/1.1", {"Host : localhost"}) << 400;
}

void TestHttpMessage::failures()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);

    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(bytes);
    Request request;
    QCOMPARE(parser.next(request), RequestParser::Status::Failed);
    QCOMPARE(parser.failure().status, status);
    QVERIFY(!parser.failure().message.isEmpty());
}

void TestHttpMessage::failureIsSticky()
{
    RequestParser parser(defaultMaxHeader, defaultMaxBody);
    parser.append(head("GET / HTTP/2.0"));
    Request request;
    QCOMPARE(parser.next(request), RequestParser::Status::Failed);
    parser.append(get("/fine"));
    QCOMPARE(parser.next(request), RequestParser::Status::Failed);
    QCOMPARE(parser.failure().status, 505);
}

void TestHttpMessage::serialize_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HeaderList>("extraHeaders");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("headOnly");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray json = R"({"ok":true})";
    QTest::addRow("ok-keep-alive") << 200 << QByteArray("application/json") << json << HeaderList() << true << false
                                   << QByteArray("HTTP/1.1 200 OK\r\n"
                                                 "Content-Type: application/json\r\n"
                                                 "Content-Length: 11\r\n"
                                                 "Cache-Control: no-store\r\n"
                                                 "Connection: keep-alive\r\n"
                                                 "\r\n"
                                                 R"({"ok":true})");
    QTest::addRow("not-found-close") << 404 << QByteArray("application/json") << json << HeaderList() << false << false
                                     << QByteArray("HTTP/1.1 404 Not Found\r\n"
                                                   "Content-Type: application/json\r\n"
                                                   "Content-Length: 11\r\n"
                                                   "Cache-Control: no-store\r\n"
                                                   "Connection: close\r\n"
                                                   "\r\n"
                                                   R"({"ok":true})");
    QTest::addRow("head-only-keeps-length")
        << 200 << QByteArray("application/json") << json << HeaderList() << true << true
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: application/json\r\n"
                      "Content-Length: 11\r\n"
                      "Cache-Control: no-store\r\n"
                      "Connection: keep-alive\r\n"
                      "\r\n");
    QTest::addRow("no-content-type") << 204 << QByteArray() << QByteArray() << HeaderList() << true << false
                                     << QByteArray("HTTP/1.1 204 No Content\r\n"
                                                   "Content-Length: 0\r\n"
                                                   "Cache-Control: no-store\r\n"
                                                   "Connection: keep-alive\r\n"
                                                   "\r\n");
    QTest::addRow("extra-headers") << 429 << QByteArray("text/plain") << QByteArray("slow down")
                                   << HeaderList{{"Retry-After", "3"}, {"X-Natter", "1"}} << false << false
                                   << QByteArray("HTTP/1.1 429 Too Many Requests\r\n"
                                                 "Content-Type: text/plain\r\n"
                                                 "Content-Length: 9\r\n"
                                                 "Cache-Control: no-store\r\n"
                                                 "Retry-After: 3\r\n"
                                                 "X-Natter: 1\r\n"
                                                 "Connection: close\r\n"
                                                 "\r\n"
                                                 "slow down");
    QTest::addRow("utf8-body-length-in-bytes")
        << 200 << QByteArray("text/plain") << QByteArray("caf\xc3\xa9") << HeaderList() << true << false
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "Cache-Control: no-store\r\n"
                      "Connection: keep-alive\r\n"
                      "\r\n"
                      "caf\xc3\xa9");
}

void TestHttpMessage::serialize()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(HeaderList, extraHeaders);
    QFETCH(bool, keepAlive);
    QFETCH(bool, headOnly);
    QFETCH(QByteArray, expected);

    Response response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    response.extraHeaders = extraHeaders;
    QCOMPARE(response.serialize(keepAlive, headOnly), expected);
}

void TestHttpMessage::errorResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::addRow("not-found") << 404 << u"no such room"_s;
    QTest::addRow("quotes-and-unicode") << 400 << u"bad \"name\": café ✓"_s;
    QTest::addRow("empty") << 500 << QString();
    QTest::addRow("too-large") << 413 << u"request body is larger than 65536 bytes"_s;
}

void TestHttpMessage::errorResponse()
{
    QFETCH(int, status);
    QFETCH(QString, message);

    const Response response = Response::error(status, message);
    QCOMPARE(response.status, status);
    QCOMPARE(response.contentType, QByteArray("application/json"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    QCOMPARE(document.object(), (QJsonObject{{u"error"_s, message}}));

    const QByteArray wire = response.serialize(false);
    QVERIFY(
        wire.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n")));
    QVERIFY(wire.endsWith(QByteArray("\r\n\r\n" + response.body)));
    QVERIFY(wire.contains(QByteArray("Content-Length: " + QByteArray::number(response.body.size()) + "\r\n")));
}

void TestHttpMessage::reasonPhrases_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("phrase");

    QTest::addRow("101") << 101 << QByteArray("Switching Protocols");
    QTest::addRow("200") << 200 << QByteArray("OK");
    QTest::addRow("400") << 400 << QByteArray("Bad Request");
    QTest::addRow("411") << 411 << QByteArray("Length Required");
    QTest::addRow("413") << 413 << QByteArray("Content Too Large");
    QTest::addRow("431") << 431 << QByteArray("Request Header Fields Too Large");
    QTest::addRow("505") << 505 << QByteArray("HTTP Version Not Supported");
    QTest::addRow("unknown") << 599 << QByteArray("Unknown");
}

void TestHttpMessage::reasonPhrases()
{
    QFETCH(int, status);
    QFETCH(QByteArray, phrase);
    QCOMPARE(reasonPhrase(status), phrase);
}

QTEST_GUILESS_MAIN(TestHttpMessage)
#include "tst_httpmessage.moc"
