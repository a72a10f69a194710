#pragma once

#include "accounts.h"
#include "httpmessage.h"

#include <QLatin1StringView>

#include <variant>

namespace natter {

struct ServerConfig;
struct ServerContext;

/** @brief Why a request is not let in: answered with @p status and a JSON body carrying @p code. */
struct AuthFailure
{
    int status = 401;
    QString message;
    QLatin1StringView code;

    http::Response response() const;
};

/**
 * Who sent @p request, on a server with `--auth accounts`: the account its bearer token names, if the token
 * is genuine, unexpired and the account exists and is not banned.
 *
 * The token is taken from `Authorization: Bearer`, a `token` query parameter, or a `Sec-WebSocket-Protocol`
 * value `bearer.TOKEN` (browsers cannot set headers on a WebSocket). For the last, @p subprotocol receives
 * the value the server must select in its 101 answer.
 */
std::variant<Account, AuthFailure> authenticate(const ServerContext &context, const http::Request &request,
                                                QByteArray *subprotocol = nullptr);

/// A login token for @p account, valid for the configured lifetime. @p expiresAt receives its end (s).
QByteArray issueToken(const ServerContext &context, const Account &account, qint64 *expiresAt = nullptr);

/**
 * Adds an account straight to the database of @p config (what `natter --server --add-user` does, e.g. for
 * the first admin). Returns an error text, or an empty string when the account was stored. Servers
 * already running on that database learn of it at the user's first login.
 */
QString createAccount(const ServerConfig &config, const QString &name, const QString &password, bool admin);

} // namespace natter
