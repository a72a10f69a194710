#include "authentication.h"

#include "jwt.h"
#include "messagestore.h"
#include "names.h"
#include "passwords.h"
#include "servercontext.h"

#include <QDateTime>
#include <QUuid>

namespace natter {

namespace {

constexpr QByteArrayView bearerProtocolPrefix = "bearer.";

QByteArray bearerToken(const http::Request &request, QByteArray *subprotocol)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.first(7).toLower() == "bearer ")
        return authorization.sliced(7).trimmed();
    if (const QString token = request.query.value(QStringLiteral("token")); !token.isEmpty())
        return token.toLatin1();
    QByteArray natterOffered;
    QByteArray token;
    for (const QByteArray &offered : request.header("sec-websocket-protocol").split(',')) {
        const QByteArray value = offered.trimmed();
        if (value.startsWith(bearerProtocolPrefix)) {
            token = value.sliced(bearerProtocolPrefix.size());
            if (subprotocol)
                *subprotocol = value;
        } else if (value == "natter") {
            natterOffered = value;
        }
    }
    // The 101 answer must name one offered protocol: "natter" when offered, so the token is not echoed.
    if (!token.isEmpty() && subprotocol && !natterOffered.isEmpty())
        *subprotocol = natterOffered;
    return token;
}

} // namespace

http::Response AuthFailure::response() const
{
    auto answer = http::Response::error(status, message, code);
    if (status == 401)
        answer.extraHeaders.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"natter\"")});
    return answer;
}

std::variant<Account, AuthFailure> authenticate(const ServerContext &context, const http::Request &request,
                                                QByteArray *subprotocol)
{
    const QByteArray token = bearerToken(request, subprotocol);
    if (token.isEmpty()) {
        return AuthFailure{401, QStringLiteral("log in first: POST /api/login, then send the token"),
                           QLatin1StringView("AUTH_REQUIRED")};
    }
    const auto verified = jwt::verify(token, context.tokenKey, QDateTime::currentSecsSinceEpoch());
    if (const auto *error = std::get_if<jwt::Error>(&verified))
        return AuthFailure{401, jwt::errorMessage(*error), QLatin1StringView("INVALID_TOKEN")};
    const QString subject = std::get<jwt::VerifiedToken>(verified).claims.subject;
    const auto account = context.accounts.find(subject);
    if (subject.isEmpty() || !account)
        return AuthFailure{401, QStringLiteral("the account of this token no longer exists"),
                           QLatin1StringView("INVALID_TOKEN")};
    if (account->banned)
        return AuthFailure{403, QStringLiteral("you are banned from this server"), QLatin1StringView("BANNED")};
    return *account;
}

QByteArray issueToken(const ServerContext &context, const Account &account, qint64 *expiresAt)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    jwt::TokenClaims claims;
    claims.subject = account.name;
    claims.role = account.role;
    claims.issuedAt = now;
    claims.notBefore = now;
    claims.expiresAt = now + context.config.tokenLifetimeSeconds;
    claims.tokenId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (expiresAt)
        *expiresAt = claims.expiresAt;
    return jwt::sign(claims, context.tokenKey);
}

QString createAccount(const ServerConfig &config, const QString &name, const QString &password, bool admin)
{
    if (!config.isDurable())
        return QStringLiteral("--add-user needs a database; accounts in memory are gone when the server stops");
    if (!names::isValidUserName(name))
        return names::userNameRule();
    if (const auto violation = passwordPolicyViolation(password))
        return *violation;
    const QByteArray hash = hashPassword(password);
    if (hash.isEmpty())
        return QStringLiteral("not enough memory to hash the password");
    MessageStore store(config.databaseUrl(), QStringLiteral("natter-add-user"), config.sqliteSynchronousFull);
    if (!store.open())
        return QStringLiteral("cannot open the database: %1").arg(store.lastError());
    const Account account{name, hash, admin ? Account::roleAdmin : Account::roleUser, false,
                          QDateTime::currentMSecsSinceEpoch()};
    switch (store.insertAccount(account)) {
    case MessageStore::InsertResult::Inserted:
        return {};
    case MessageStore::InsertResult::NameExists:
        return QStringLiteral("there is already an account named '%1'").arg(name);
    case MessageStore::InsertResult::Failed:
        break;
    }
    return QStringLiteral("cannot store the account: %1").arg(store.lastError());
}

} // namespace natter
