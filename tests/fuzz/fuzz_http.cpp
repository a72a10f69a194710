// Fuzz target: the HTTP/1.1 request parser (server/httpmessage) and the REST routing of its path and query
// (server/restroute).
//
// Input: byte 0 picks the header and body caps, byte 1 the chunk size in which the stream is fed a second time;
// the rest is what a client sends on one connection (any number of pipelined requests).
//
// Checked besides "no crash, no sanitizer report":
//  - feeding the stream at once or in chunks gives the same requests and the same failure;
//  - the parser never holds more than the larger cap after asking for more data;
//  - a request has a token method, a target starting with '/', no empty path segments, lower-case token header
//    names, trimmed header values and a body within the cap; written out again it parses to the same request;
//  - a failure has a 4xx/5xx status and a message;
//  - a route names a valid room for the room endpoints, a page size from 1 to 1000 and a seq below 2^53, and
//    fits the method; a refusal is 400, 404 or 405 with an Allow header that leaves the method out;
//  - a route's canonical URL (room percent-encoded, limit and before in the query) routes to the same route.
#include "fuzzcheck.h"
#include "httpmessage.h"
#include "names.h"
#include "protocol.h"
#include "restroute.h"

#include <QUrl>

#include <algorithm>

using namespace natter;

namespace {

struct Parsed
{
    QList<http::Request> requests;
    http::RequestParser::Status last = http::RequestParser::Status::NeedMoreData;
    int failureStatus = 0;
    QString failureMessage;
    QByteArray remainder;
};

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isTokenChar);
}

Parsed parse(QByteArrayView stream, qsizetype maxHeader, qsizetype maxBody, qsizetype chunk)
{
    Parsed result;
    http::RequestParser parser(maxHeader, maxBody);
    for (qsizetype offset = 0; offset < stream.size(); offset += chunk) {
        parser.append(stream.sliced(offset, std::min(chunk, stream.size() - offset)));
        http::Request request;
        while ((result.last = parser.next(request)) == http::RequestParser::Status::Complete)
            result.requests.append(std::move(request));
        if (result.last == http::RequestParser::Status::Failed)
            break;
    }
    if (result.last == http::RequestParser::Status::Failed) {
        result.failureStatus = parser.failure().status;
        result.failureMessage = parser.failure().message;
        http::Request request;
        FUZZ_CHECK(parser.next(request) == http::RequestParser::Status::Failed);
    } else {
        // Waiting for more: at most one head below its cap, or one body below its cap, is held.
        result.remainder = parser.takeRemainder();
        FUZZ_CHECK(result.remainder.size() <= std::max(maxHeader, maxBody));
    }
    return result;
}

bool sameRequest(const http::Request &a, const http::Request &b)
{
    return a.method == b.method && a.target == b.target && a.pathSegments == b.pathSegments && a.query == b.query &&
           a.headers == b.headers && a.body == b.body;
}

void checkRequest(const http::Request &request, qsizetype maxBody)
{
    FUZZ_CHECK(isToken(request.method));
    FUZZ_CHECK(request.target.startsWith('/'));
    FUZZ_CHECK(!request.target.contains(' '));
    FUZZ_CHECK(std::none_of(request.pathSegments.cbegin(), request.pathSegments.cend(),
                            [](const QString &segment) { return segment.isEmpty(); }));
    FUZZ_CHECK(request.path().startsWith(QLatin1Char('/')));
    FUZZ_CHECK(request.body.size() <= maxBody);
    for (const auto &[name, value] : request.headers) {
        FUZZ_CHECK(isToken(name));
        FUZZ_CHECK(name == name.toLower());
        FUZZ_CHECK(value == value.trimmed());
        FUZZ_CHECK(!value.contains('\n'));
    }
    if (!request.header("content-length").isEmpty())
        FUZZ_CHECK(request.header("content-length").toLongLong() == request.body.size());
    else
        FUZZ_CHECK(request.body.isEmpty());
}

/// The request as a client would write it, parsed again with room to spare.
void checkRewrite(const http::Request &request)
{
    QByteArray text = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        text += name + ": " + value + "\r\n";
    text += "\r\n" + request.body;
    const Parsed again = parse(text, text.size() + 4, request.body.size(), text.size());
    FUZZ_CHECK(again.requests.size() == 1);
    FUZZ_CHECK(sameRequest(again.requests.constFirst(), request));
    FUZZ_CHECK(again.remainder.isEmpty());
}

bool allows(const QByteArray &allow, const QByteArray &method)
{
    const QByteArray asked = method == "HEAD" ? QByteArray("GET") : method;
    for (const auto &entry : allow.split(',')) {
        if (entry.trimmed() == asked)
            return true;
    }
    return false;
}

bool roomEndpoint(rest::Endpoint endpoint)
{
    using enum rest::Endpoint;
    return endpoint == GetRoom || endpoint == UpdateRoom || endpoint == DeleteRoom || endpoint == RoomMessages ||
           endpoint == RoomMembers;
}

QByteArray canonicalTarget(const rest::Route &route)
{
    using enum rest::Endpoint;
    const QByteArray room = QUrl::toPercentEncoding(route.room);
    switch (route.endpoint) {
    case Health:
        return "/health";
    case Stats:
        return "/stats";
    case Metrics:
        return "/metrics";
    case OpenApi:
        return "/api/openapi.json";
    case Online:
        return "/api/online";
    case Invitations:
        return "/api/invites";
    case ListUsers:
        return "/api/users";
    case ListRooms:
    case CreateRoom:
        return "/api/rooms";
    case GetRoom:
    case UpdateRoom:
    case DeleteRoom:
        return "/api/rooms/" + room;
    case RoomMessages: {
        QByteArray target = "/api/rooms/" + room + "/messages?limit=" + QByteArray::number(route.limit);
        if (route.before != 0)
            target += "&before=" + QByteArray::number(route.before);
        return target;
    }
    case RoomMembers:
        return "/api/rooms/" + room + "/members";
    case Register:
        return "/api/register";
    case Login:
        return "/api/login";
    case BanUser:
    case UnbanUser:
        return "/api/users/" + QUrl::toPercentEncoding(route.user) + "/ban";
    case KickUser:
        return "/api/users/" + QUrl::toPercentEncoding(route.user) + "/kick";
    }
    return {};
}

void checkRoute(const http::Request &request)
{
    using enum rest::Endpoint;
    const auto routed = rest::parseRoute(request.method, request.pathSegments, request.query);
    if (const auto *error = std::get_if<rest::RouteError>(&routed)) {
        FUZZ_CHECK(error->status == 400 || error->status == 404 || error->status == 405);
        FUZZ_CHECK(!error->message.isEmpty());
        FUZZ_CHECK((error->status == 405) == !error->allow.isEmpty());
        if (error->status == 405)
            FUZZ_CHECK(!allows(error->allow, request.method));
        return;
    }
    const auto &route = std::get<rest::Route>(routed);
    const bool get = request.method == "GET" || request.method == "HEAD";
    switch (route.endpoint) {
    case CreateRoom:
        FUZZ_CHECK(request.method == "POST");
        break;
    case UpdateRoom:
        FUZZ_CHECK(request.method == "PATCH");
        break;
    case DeleteRoom:
    case UnbanUser:
        FUZZ_CHECK(request.method == "DELETE");
        break;
    case Register:
    case Login:
    case BanUser:
    case KickUser:
        FUZZ_CHECK(request.method == "POST");
        break;
    default:
        FUZZ_CHECK(get);
    }
    const bool userEndpoint = route.endpoint == BanUser || route.endpoint == UnbanUser || route.endpoint == KickUser;
    if (userEndpoint) {
        FUZZ_CHECK(names::isValidUserName(route.user));
        FUZZ_CHECK(request.pathSegments.size() == 4 && request.pathSegments[2] == route.user);
    } else {
        FUZZ_CHECK(route.user.isEmpty());
    }
    if (roomEndpoint(route.endpoint)) {
        FUZZ_CHECK(names::isValidRoomName(route.room));
        FUZZ_CHECK(request.pathSegments.size() >= 3 && request.pathSegments[2] == route.room);
    } else {
        FUZZ_CHECK(route.room.isEmpty());
    }
    if (route.endpoint == RoomMessages) {
        FUZZ_CHECK(route.limit >= 1 && route.limit <= protocol::maxHistoryPage);
        FUZZ_CHECK(route.before <= rest::maxBeforeSeq);
    } else {
        FUZZ_CHECK(route.limit == rest::defaultMessagesPage && route.before == 0);
    }

    // The URL a client builds for this route leads to it.
    const QByteArray text = request.method + ' ' + canonicalTarget(route) + " HTTP/1.1\r\n\r\n";
    const Parsed again = parse(text, text.size(), 0, text.size());
    FUZZ_CHECK(again.requests.size() == 1);
    const auto rerouted =
        rest::parseRoute(request.method, again.requests.constFirst().pathSegments, again.requests.constFirst().query);
    FUZZ_CHECK(std::holds_alternative<rest::Route>(rerouted));
    FUZZ_CHECK(std::get<rest::Route>(rerouted) == route);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Caps small enough for inputs of a few hundred bytes to reach them.
    const qsizetype maxHeader = 32 + qsizetype(data[0] & 0x0F) * 64;
    const qsizetype maxBody = qsizetype(data[0] >> 4) * 16;
    const qsizetype chunk = qsizetype(data[1] % 64) + 1;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    const Parsed whole = parse(stream, maxHeader, maxBody, std::max<qsizetype>(stream.size(), 1));
    const Parsed chunked = parse(stream, maxHeader, maxBody, chunk);

    FUZZ_CHECK(whole.last == chunked.last);
    FUZZ_CHECK(whole.requests.size() == chunked.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(sameRequest(whole.requests[i], chunked.requests[i]));
    if (whole.last == http::RequestParser::Status::Failed) {
        FUZZ_CHECK(whole.failureStatus >= 400 && whole.failureStatus < 600);
        FUZZ_CHECK(http::reasonPhrase(whole.failureStatus) != "Unknown");
        FUZZ_CHECK(!whole.failureMessage.isEmpty());
        FUZZ_CHECK(whole.failureStatus == chunked.failureStatus && whole.failureMessage == chunked.failureMessage);
    } else {
        FUZZ_CHECK(whole.remainder == chunked.remainder);
    }

    for (const auto &request : whole.requests) {
        checkRequest(request, maxBody);
        checkRewrite(request);
        checkRoute(request);
    }
    return 0;
}
