#include "httpmessage.h"

#include "utf8.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace natter::http {

namespace {

// Percent-decoding that refuses malformed escapes and invalid UTF-8 instead of guessing.
std::optional<QString> decodeComponent(QByteArrayView raw, bool plusIsSpace)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size())
                return std::nullopt;
            const int high = QByteArrayView("0123456789abcdef").indexOf(char(QChar::toLower(uint(raw[i + 1]))));
            const int low = QByteArrayView("0123456789abcdef").indexOf(char(QChar::toLower(uint(raw[i + 2]))));
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes.append(char(high * 16 + low));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            bytes.append(' ');
        } else {
            bytes.append(c);
        }
    }
    if (!isValidUtf8(bytes))
        return std::nullopt;
    return QString::fromUtf8(bytes);
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

QByteArray Request::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

bool Request::headerHasToken(QByteArrayView lowerCaseName, QByteArrayView token) const
{
    for (const auto &[name, value] : headers) {
        if (name != lowerCaseName)
            continue;
        for (const auto &part : value.split(',')) {
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

QString Request::path() const
{
    return QLatin1Char('/') + pathSegments.join(QLatin1Char('/'));
}

RequestParser::RequestParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{}

void RequestParser::append(QByteArrayView bytes)
{
    m_buffer.append(bytes);
}

QByteArray RequestParser::takeRemainder()
{
    return std::exchange(m_buffer, QByteArray());
}

RequestParser::Status RequestParser::fail(int status, QString message)
{
    m_failed = true;
    m_failure = {status, std::move(message)};
    return Status::Failed;
}

RequestParser::Status RequestParser::next(Request &out)
{
    if (m_failed)
        return Status::Failed;
    if (!m_pending) {
        // Tolerate the empty lines some clients send between pipelined requests (RFC 9112 section 2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > m_maxHeaderBytes)
                return fail(431, QStringLiteral("request headers are larger than %1 bytes").arg(m_maxHeaderBytes));
            return Status::NeedMoreData;
        }
        if (end + 4 > m_maxHeaderBytes)
            return fail(431, QStringLiteral("request headers are larger than %1 bytes").arg(m_maxHeaderBytes));
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        if (const auto status = parseHead(head); status == Status::Failed)
            return status;
    }
    if (m_buffer.size() < m_bodyLength)
        return Status::NeedMoreData;
    out = std::move(*m_pending);
    m_pending.reset();
    out.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_bodyLength = 0;
    return Status::Complete;
}

RequestParser::Status RequestParser::parseHead(QByteArrayView head)
{
    const qsizetype lineEnd = head.indexOf(QByteArrayView("\r\n"));
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const auto parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || !std::all_of(parts[0].cbegin(), parts[0].cend(), isTokenChar) ||
        !parts[1].startsWith('/'))
        return fail(400, QStringLiteral("malformed request line"));
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));

    Request request;
    request.method = parts[0];
    request.target = parts[1];
    request.keepAlive = parts[2] == "HTTP/1.1";

    const qsizetype queryStart = request.target.indexOf('?');
    const QByteArrayView rawPath =
        QByteArrayView(request.target).first(queryStart < 0 ? request.target.size() : queryStart);
    for (const auto &segment : rawPath.toByteArray().split('/')) {
        if (segment.isEmpty())
            continue;
        auto decoded = decodeComponent(segment, false);
        if (!decoded)
            return fail(400, QStringLiteral("malformed percent-encoding in the path"));
        request.pathSegments.append(*decoded);
    }
    if (queryStart >= 0) {
        for (const auto &pair : request.target.mid(queryStart + 1).split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype equals = pair.indexOf('=');
            auto key = decodeComponent(QByteArrayView(pair).first(equals < 0 ? pair.size() : equals), true);
            auto value = decodeComponent(equals < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(equals + 1), true);
            if (!key || !value)
                return fail(400, QStringLiteral("malformed percent-encoding in the query"));
            if (!request.query.contains(*key))
                request.query.insert(*key, *value);
        }
    }

    if (lineEnd >= 0) {
        for (const auto &line : head.sliced(lineEnd + 2).toByteArray().split('\n')) {
            const QByteArray trimmedLine = line.endsWith('\r') ? line.chopped(1) : line;
            const qsizetype colon = trimmedLine.indexOf(':');
            if (colon <= 0)
                return fail(400, QStringLiteral("malformed header line"));
            const QByteArray name = trimmedLine.left(colon).toLower();
            if (!std::all_of(name.cbegin(), name.cend(), isTokenChar))
                return fail(400, QStringLiteral("malformed header name"));
            request.headers.append({name, trimmedLine.mid(colon + 1).trimmed()});
        }
    }

    if (request.headerHasToken("connection", "close"))
        request.keepAlive = false;
    else if (request.headerHasToken("connection", "keep-alive"))
        request.keepAlive = true;

    if (!request.header("transfer-encoding").isEmpty())
        return fail(411, QStringLiteral("send request bodies with Content-Length"));
    // Exactly one Content-Length of digits only (RFC 9112 section 6.3): anything looser invites request smuggling.
    QList<QByteArray> lengths;
    for (const auto &[name, value] : request.headers) {
        if (name == "content-length")
            lengths.append(value);
    }
    m_bodyLength = 0;
    if (!lengths.isEmpty()) {
        const QByteArray &lengthHeader = lengths.constFirst();
        const bool digitsOnly = !lengthHeader.isEmpty() && std::all_of(lengthHeader.cbegin(), lengthHeader.cend(),
                                                                       [](char c) { return c >= '0' && c <= '9'; });
        const bool consistent = std::all_of(lengths.cbegin(), lengths.cend(),
                                            [&](const QByteArray &other) { return other == lengthHeader; });
        if (!digitsOnly || !consistent)
            return fail(400, QStringLiteral("invalid Content-Length"));
        // More than 18 digits cannot fit a qint64 safely and is certainly over any body cap.
        const qlonglong length =
            lengthHeader.size() > 18 ? std::numeric_limits<qlonglong>::max() : lengthHeader.toLongLong();
        if (length > m_maxBodyBytes)
            return fail(413, QStringLiteral("request body is larger than %1 bytes").arg(m_maxBodyBytes));
        m_bodyLength = qsizetype(length);
    }
    m_pending = std::move(request);
    return Status::NeedMoreData;
}

Response Response::json(int status, const QJsonDocument &document)
{
    return Response{status, "application/json", document.toJson(QJsonDocument::Compact), {}};
}

Response Response::error(int status, const QString &message)
{
    return json(status, QJsonDocument(QJsonObject{{QLatin1StringView("error"), message}}));
}

Response Response::error(int status, const QString &message, QLatin1StringView code)
{
    return json(status, QJsonDocument(QJsonObject{{QLatin1StringView("error"), message},
                                                  {QLatin1StringView("code"), QString(code)}}));
}

QByteArray Response::serialize(bool keepAlive, bool headOnly) const
{
    QByteArray out;
    out.reserve(body.size() + 160);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + value + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!headOnly)
        out += body;
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    case 507:
        return "Insufficient Storage";
    default:
        return "Unknown";
    }
}

} // namespace natter::http
