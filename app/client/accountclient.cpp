#include "accountclient.h"

#include "certificatetrust.h"

#include "passwords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace natter {

namespace {

constexpr int requestTimeoutMs = 10'000;

QByteArray credentialsJson(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

AccountClient::Outcome outcomeOfCode(const QString &code, int status)
{
    using Outcome = AccountClient::Outcome;
    if (code == QLatin1String("INVALID_CREDENTIALS"))
        return Outcome::InvalidCredentials;
    if (code == QLatin1String("WEAK_PASSWORD"))
        return Outcome::WeakPassword;
    if (code == QLatin1String("INVALID_USER"))
        return Outcome::InvalidUser;
    if (code == QLatin1String("NAME_TAKEN"))
        return Outcome::NameTaken;
    if (code == QLatin1String("REGISTRATION_CLOSED"))
        return Outcome::RegistrationClosed;
    if (code == QLatin1String("BANNED"))
        return Outcome::Banned;
    if (code == QLatin1String("ACCOUNTS_DISABLED"))
        return Outcome::AccountsDisabled;
    if (code == QLatin1String("STORAGE_UNAVAILABLE"))
        return Outcome::StorageUnavailable;
    if (code == QLatin1String("AUTH_REQUIRED") || code == QLatin1String("INVALID_TOKEN") || status == 401)
        return Outcome::TokenRejected;
    return Outcome::Refused;
}

} // namespace

AccountClient::AccountClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

AccountClient::~AccountClient()
{
    cancel();
}

QNetworkRequest AccountClient::request(const ServerAddress &address, const QString &path) const
{
    QNetworkRequest request(address.httpUrl(path));
    request.setTransferTimeout(requestTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

void AccountClient::track(const ServerAddress &address, QNetworkReply *reply,
                          std::function<void(QNetworkReply *)> finished)
{
    if (address.secure)
        reply->ignoreSslErrors(CertificateTrust::expectedErrors(address));
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, finished = std::move(finished)] {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        finished(reply);
    });
}

void AccountClient::cancel()
{
    const auto replies = std::exchange(m_inFlight, {});
    for (const auto &reply : replies) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

AccountClient::Answer AccountClient::answerOf(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return {Outcome::Unreachable, reply->errorString(), {}, {}};
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status >= 200 && status < 300) {
        return {Outcome::Ok,
                {},
                body.value(QLatin1String("user")).toString(),
                body.value(QLatin1String("token")).toString()};
    }
    const QString message = body.value(QLatin1String("error")).toString();
    return {outcomeOfCode(body.value(QLatin1String("code")).toString(), status),
            message.isEmpty() ? reply->errorString() : message,
            {},
            {}};
}

void AccountClient::fetchServerInfo(const ServerAddress &address, InfoCallback done)
{
    track(address, m_network->get(request(address, QStringLiteral("/health"))), [done](QNetworkReply *reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 && reply->error() == QNetworkReply::SslHandshakeFailedError) {
            ServerInfo unverified;
            unverified.certificateUnverified = true;
            return done(unverified, {});
        }
        if (status == 0)
            return done(std::nullopt, reply->errorString());
        // A server from before accounts (no "auth"), or a proxy that does not pass /health on: open names.
        const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
        ServerInfo info;
        info.accounts = status == 200 && health.value(QLatin1String("auth")).toString() == QLatin1String("accounts");
        info.registrationOpen =
            info.accounts && health.value(QLatin1String("registration")).toString() == QLatin1String("open");
        done(info, {});
    });
}

void AccountClient::logIn(const ServerAddress &address, const QString &user, const QString &password,
                          AnswerCallback done)
{
    track(address, m_network->post(request(address, QStringLiteral("/api/login")), credentialsJson(user, password)),
          [done](QNetworkReply *reply) { done(answerOf(reply)); });
}

void AccountClient::registerAccount(const ServerAddress &address, const QString &user, const QString &password,
                                    AnswerCallback done)
{
    track(address, m_network->post(request(address, QStringLiteral("/api/register")), credentialsJson(user, password)),
          [done](QNetworkReply *reply) { done(answerOf(reply)); });
}

QString AccountClient::newPasswordProblem(const QString &password)
{
    // The server's rule (passwordPolicyViolation), explained in the user's language.
    if (!passwordPolicyViolation(password))
        return {};
    if (password.toUtf8().size() > maxPasswordBytes)
        return tr("This password is too long: at most %1 bytes.").arg(maxPasswordBytes);
    return tr("Choose a password of at least %1 characters.").arg(minPasswordLength);
}

void AccountClient::checkToken(const ServerAddress &address, const QString &token, AnswerCallback done)
{
    // Any request under /api checks the token as the WebSocket upgrade does; HEAD keeps the answer small.
    QNetworkRequest check = request(address, QStringLiteral("/api/online"));
    check.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1());
    track(address, m_network->head(check), [done](QNetworkReply *reply) {
        Answer answer = answerOf(reply);
        // A HEAD answer has no body to carry the code: 401 and 403 are all the token check can say.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401)
            answer.outcome = Outcome::TokenRejected;
        else if (status == 403)
            answer.outcome = Outcome::Banned;
        done(answer);
    });
}

QString AccountClient::describe(Outcome outcome, const QString &user, const QString &detail)
{
    switch (outcome) {
    case Outcome::Ok:
        return {};
    case Outcome::Unreachable:
        return tr("Cannot reach the server: %1").arg(detail);
    case Outcome::InvalidCredentials:
        return tr("Wrong name or password.");
    case Outcome::WeakPassword:
        return tr("The server does not accept this password: %1").arg(detail);
    case Outcome::InvalidUser:
        return tr("Choose a name of 1 to 64 characters.");
    case Outcome::NameTaken:
        return tr("“%1” is already registered on this server. Log in with its password, or choose another name.")
            .arg(user);
    case Outcome::RegistrationClosed:
        return tr("This server does not let people create accounts themselves. Ask its admin for one.");
    case Outcome::Banned:
        return tr("You are banned from this server.");
    case Outcome::AccountsDisabled:
        return tr("This server does not use accounts: connect with a name instead.");
    case Outcome::TokenRejected:
        return tr("Your login is no longer valid (it expired, or the server signed everyone out). "
                  "Enter your password to log in again.");
    case Outcome::StorageUnavailable:
        return tr("The server cannot check or store accounts right now. Try again in a moment.");
    case Outcome::Refused:
        return tr("The server refused: %1").arg(detail);
    }
    return detail;
}

} // namespace natter
