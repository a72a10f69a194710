#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

/**
 * @brief A real QWebSocket client that records every frame it receives, parsed as JSON.
 *
 * The wait functions run the event loop until a condition holds or the timeout passes (no sleeping).
 */
class TestClient : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(const QUrl &url, QObject *parent = nullptr);
    ~TestClient() override;

    /// Opens a typed connection as @p user and waits for the welcome frame.
    static std::unique_ptr<TestClient> typed(const QUrl &webSocketBase, const QString &user);
    /// Opens a seed-dialect connection: /ws?room=ROOM&user=USER.
    static std::unique_ptr<TestClient> simple(const QUrl &webSocketBase, const QString &room, const QString &user);

    bool waitConnected(int timeoutMs = 5000);
    bool waitDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void sendJson(const QJsonObject &object);
    void sendText(const QString &text);
    QWebSocket &socket() { return m_socket; }

    /// Sends a typed request with a fresh request_id and returns that id.
    QString request(QJsonObject object);
    /// Joins @p room and returns the `joined` frame (empty on failure).
    QJsonObject join(const QString &room, const QJsonObject &extra = {});
    /// Posts @p content to @p room and returns the `ack` frame (empty on failure).
    QJsonObject send(const QString &room, const QString &content, const QString &clientId = {});

    /// Waits for the first frame (received since the last clear) matching @p predicate.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &predicate, int timeoutMs = 5000);
    QJsonObject waitForType(const QString &type, int timeoutMs = 5000);
    /// Waits for the reply (any frame) carrying @p requestId.
    QJsonObject waitForReply(const QString &requestId, int timeoutMs = 5000);
    /// Waits until @p count frames of @p type were received.
    bool waitForCount(const QString &type, qsizetype count, int timeoutMs = 5000);

    QList<QJsonObject> framesOfType(const QString &type) const;
    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<QString> rawTexts() const { return m_rawTexts; }
    void clearFrames();

    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QString> m_rawTexts;
    /// An int: Natter's own codes (4001 and up) are outside the enum, and holding them in it is undefined.
    int m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString m_closeReason;
    bool m_disconnected = false;
    int m_nextRequest = 1;
};
