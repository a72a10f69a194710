#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonDocument;

namespace natter::http {

/** @brief One parsed HTTP/1.1 request. */
struct Request
{
    QByteArray method;
    QByteArray target;             ///< As sent: path and query, still percent-encoded.
    QStringList pathSegments;      ///< Decoded segments of the path, without empty ones.
    QHash<QString, QString> query; ///< Decoded query parameters ('+' is a space); the first of duplicates wins.
    QList<std::pair<QByteArray, QByteArray>> headers; ///< Names in lower case.
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(QByteArrayView lowerCaseName) const;
    /// True when a comma-separated header lists @p token (case-insensitive), e.g. Connection: keep-alive, Upgrade.
    bool headerHasToken(QByteArrayView lowerCaseName, QByteArrayView token) const;
    QString path() const;
};

/** @brief An HTTP error found while reading a request: answered with this status, then the connection closes. */
struct ParseFailure
{
    int status = 400;
    QString message;
};

/**
 * @brief Incremental request reader with caps on the head and the body, because the connection
 * layer must never buffer without bound on behalf of a client that has not been answered.
 */
class RequestParser
{
public:
    enum class Status
    {
        NeedMoreData,
        Complete,
        Failed
    };

    RequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes);

    void append(QByteArrayView bytes);
    Status next(Request &out);
    const ParseFailure &failure() const { return m_failure; }
    /// Bytes received after the last complete request (the start of a pipelined request, or WebSocket frames).
    QByteArray takeRemainder();
    bool hasPartialRequest() const { return !m_buffer.isEmpty() || m_pending.has_value(); }

private:
    Status fail(int status, QString message);
    Status parseHead(QByteArrayView head);

    qsizetype m_maxHeaderBytes;
    qsizetype m_maxBodyBytes;
    QByteArray m_buffer;
    std::optional<Request> m_pending; ///< Head parsed, waiting for the body.
    qsizetype m_bodyLength = 0;
    ParseFailure m_failure;
    bool m_failed = false;
};

/** @brief An HTTP response. */
struct Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders;

    static Response json(int status, const QJsonDocument &document);
    static Response error(int status, const QString &message);
    /// {"error": message, "code": code}: for refusals a client acts on (NAME_TAKEN, TOO_MANY_CONNECTIONS).
    static Response error(int status, const QString &message, QLatin1StringView code);

    /// Serialises status line, headers and body.
    QByteArray serialize(bool keepAlive, bool headOnly = false) const;
};

QByteArray reasonPhrase(int status);

} // namespace natter::http
