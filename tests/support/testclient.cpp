#include "testclient.h"

#include "protocol.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace natter;

TestClient::TestClient(const QUrl &url, QObject *parent)
    : QObject(parent)
{
    // Frames as large as the tests send; Qt's default limits are larger still.
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_rawTexts.append(text);
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_disconnected = true;
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
    });
    m_socket.open(url);
}

TestClient::~TestClient()
{
    m_socket.abort();
}

std::unique_ptr<TestClient> TestClient::typed(const QUrl &webSocketBase, const QString &user)
{
    QUrl url = webSocketBase;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("user"), QString::fromUtf8(QUrl::toPercentEncoding(user)));
    url.setQuery(query);
    auto client = std::make_unique<TestClient>(url);
    if (!client->waitConnected() || client->waitForType(protocol::type::welcome).isEmpty())
        qWarning("typed client %s did not get a welcome", qUtf8Printable(user));
    return client;
}

std::unique_ptr<TestClient> TestClient::simple(const QUrl &webSocketBase, const QString &room, const QString &user)
{
    QUrl url = webSocketBase;
    url.setQuery(
        QStringLiteral("room=%1&user=%2")
            .arg(QString::fromUtf8(QUrl::toPercentEncoding(room)), QString::fromUtf8(QUrl::toPercentEncoding(user))));
    auto client = std::make_unique<TestClient>(url);
    if (!client->waitConnected())
        qWarning("simple client %s did not connect", qUtf8Printable(user));
    return client;
}

bool TestClient::waitConnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return isConnected() || m_disconnected; }, timeoutMs) && isConnected();
}

bool TestClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void TestClient::sendJson(const QJsonObject &object)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QString TestClient::request(QJsonObject object)
{
    const QString id = QStringLiteral("r%1").arg(m_nextRequest++);
    object.insert(protocol::field::requestId, id);
    sendJson(object);
    return id;
}

QJsonObject TestClient::join(const QString &room, const QJsonObject &extra)
{
    QJsonObject frame = extra;
    frame.insert(protocol::field::type, protocol::type::join);
    frame.insert(protocol::field::room, room);
    const QString id = request(frame);
    const QJsonObject reply = waitForReply(id);
    return reply.value(protocol::field::type).toString() == protocol::type::joined ? reply : QJsonObject();
}

QJsonObject TestClient::send(const QString &room, const QString &content, const QString &clientId)
{
    QJsonObject frame{{protocol::field::type, protocol::type::send},
                      {protocol::field::room, room},
                      {protocol::field::content, content}};
    if (!clientId.isEmpty())
        frame.insert(protocol::field::clientId, clientId);
    const QString id = request(frame);
    const QJsonObject reply = waitForReply(id);
    if (reply.value(protocol::field::type).toString() == protocol::type::ack)
        return reply;
    return {};
}

QJsonObject TestClient::waitFor(const std::function<bool(const QJsonObject &)> &predicate, int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (const auto &frame : std::as_const(m_frames)) {
                if (predicate(frame)) {
                    found = frame;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QJsonObject TestClient::waitForType(const QString &type, int timeoutMs)
{
    return waitFor([&](const QJsonObject &frame) { return frame.value(protocol::field::type).toString() == type; },
                   timeoutMs);
}

QJsonObject TestClient::waitForReply(const QString &requestId, int timeoutMs)
{
    return waitFor(
        [&](const QJsonObject &frame) { return frame.value(protocol::field::requestId).toString() == requestId; },
        timeoutMs);
}

bool TestClient::waitForCount(const QString &type, qsizetype count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return framesOfType(type).size() >= count; }, timeoutMs);
}

QList<QJsonObject> TestClient::framesOfType(const QString &type) const
{
    QList<QJsonObject> result;
    for (const auto &frame : m_frames) {
        if (frame.value(protocol::field::type).toString() == type)
            result.append(frame);
    }
    return result;
}

void TestClient::clearFrames()
{
    m_frames.clear();
    m_rawTexts.clear();
}
