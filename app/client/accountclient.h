#pragma once

#include "serveraddress.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace natter {

/**
 * @brief The REST side of accounts: how a server lets people in (GET /health), logging in, registering, and
 * whether a login token is still good. Answers come back as callbacks; cancel() drops whatever is in flight.
 */
class AccountClient : public QObject
{
    Q_OBJECT

public:
    /// What a server's /health says about connecting to it.
    struct ServerInfo
    {
        bool accounts = false;         ///< It wants a login token (`--auth accounts`); otherwise any free name goes.
        bool registrationOpen = false; ///< With accounts: anyone may create one.
        /// The TLS certificate did not verify (and is not the one trusted for this server): nothing is known yet.
        /// The WebSocket meets the same certificate and asks the user about it.
        bool certificateUnverified = false;
    };

    enum class Outcome
    {
        Ok,
        Unreachable,        ///< No HTTP answer (refused, timed out, TLS failed): detail holds the network's words.
        InvalidCredentials, ///< Wrong name or password.
        WeakPassword,
        InvalidUser,
        NameTaken,
        RegistrationClosed,
        Banned,
        AccountsDisabled,   ///< The server runs without accounts.
        TokenRejected,      ///< The token expired, or this server did not sign it (it may have a new key).
        StorageUnavailable, ///< The server cannot read or store accounts right now.
        Refused,            ///< Anything else: detail holds the server's words.
    };

    struct Answer
    {
        Outcome outcome = Outcome::Refused;
        QString detail; ///< The server's or the network's own words.
        QString user;   ///< Login: the name as registered (it may differ in letter case from the one typed).
        QString token;  ///< Login: the token.
    };
    using AnswerCallback = std::function<void(const Answer &)>;
    /// The server's info, or std::nullopt and the network's words when it could not be asked.
    using InfoCallback = std::function<void(const std::optional<ServerInfo> &, const QString &error)>;

    explicit AccountClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AccountClient() override;

    void fetchServerInfo(const ServerAddress &address, InfoCallback done);
    void logIn(const ServerAddress &address, const QString &user, const QString &password, AnswerCallback done);
    void registerAccount(const ServerAddress &address, const QString &user, const QString &password,
                         AnswerCallback done);
    /// Whether the server still takes @p token (Ok, TokenRejected or Banned, or why it could not tell).
    void checkToken(const ServerAddress &address, const QString &token, AnswerCallback done);
    /// Drops every request in flight; their callbacks are not called.
    void cancel();

    /// The outcome for the user, in their language (@p user: the name concerned; @p detail as in Answer).
    static QString describe(Outcome outcome, const QString &user, const QString &detail);
    /// Why the server would refuse @p password for a new account, in the user's language (empty: it would not).
    static QString newPasswordProblem(const QString &password);

private:
    QNetworkRequest request(const ServerAddress &address, const QString &path) const;
    /// Keeps @p reply until it finishes; on a TLS server it accepts what the user trusted for it, as the WebSocket
    /// does.
    void track(const ServerAddress &address, QNetworkReply *reply, std::function<void(QNetworkReply *)> finished);
    static Answer answerOf(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace natter
