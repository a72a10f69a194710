// The accounts part of the REST API (--auth accounts): registration, login, and what admins do to users.
#include "authentication.h"
#include "clusterbus.h"
#include "ioworker.h"
#include "names.h"
#include "passwords.h"
#include "persistence.h"
#include "restapi.h"
#include "servercontext.h"
#include "threading.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAccounts, "natter.server.accounts")

namespace natter {

using http::Response;

Response RestApi::accountsDisabled()
{
    return Response::error(404, QStringLiteral("this server has no accounts (it runs with --auth open)"),
                           QLatin1StringView("ACCOUNTS_DISABLED"));
}

namespace {

QString storageUnavailableMessage()
{
    return QStringLiteral("accounts cannot be read or stored right now; try again shortly");
}

/// {"user": ..., "password": ...} from a request body; an error response when it is not that.
std::variant<std::pair<QString, QString>, Response> readCredentials(const http::Request &request)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(request.body, &error);
    const QJsonObject object = document.object();
    const QJsonValue user = object.value(QLatin1StringView("user"));
    const QJsonValue password = object.value(QLatin1StringView("password"));
    if (error.error != QJsonParseError::NoError || !document.isObject() || !user.isString() || !password.isString())
        return Response::error(400,
                               QStringLiteral("the body must be a JSON object like "
                                              "{\"user\": \"Alice\", \"password\": \"...\"}"),
                               QLatin1StringView("INVALID_PAYLOAD"));
    return std::pair{user.toString(), password.toString()};
}

/// An Argon2id hash to check passwords of unknown users against, so "no such user" takes as long as
/// "wrong password" and response times do not tell which names exist.
const QByteArray &decoyHash()
{
    static const QByteArray hash = hashPassword(QStringLiteral("a password no account has"));
    return hash;
}

} // namespace

template <typename Result> void RestApi::offload(std::function<Result()> work, std::function<void(Result)> done)
{
    // Runs on the hash pool; the answer comes back to this worker's thread. The server drains the pool
    // before it destroys the workers, so the worker outlives every task.
    m_context.hashPool->start([worker = &m_worker, work = std::move(work), done = std::move(done)] {
        Result result = work();
        postTo(worker, [result = std::move(result), done](IoWorker &) { done(result); });
    });
}

void RestApi::announceAccount(const QString &user)
{
    if (!m_context.cluster)
        return;
    postTo(m_context.cluster, [user](ClusterBus &bus) {
        bus.publishEvent({{QStringLiteral("t"), QStringLiteral("account")}, {QStringLiteral("user"), user}});
    });
}

void RestApi::registerAccount(const http::Request &request, Reply reply)
{
    if (m_context.config.auth != ServerConfig::Auth::Accounts)
        return reply(accountsDisabled());
    if (!m_context.config.registrationOpen) {
        return reply(Response::error(403, QStringLiteral("registration is closed on this server; ask an admin"),
                                     QLatin1StringView("REGISTRATION_CLOSED")));
    }
    auto credentials = readCredentials(request);
    if (auto *error = std::get_if<Response>(&credentials))
        return reply(*error);
    const auto [user, password] = std::get<std::pair<QString, QString>>(credentials);
    if (!names::isValidUserName(user))
        return reply(Response::error(400, names::userNameRule(), QLatin1StringView("INVALID_USER")));
    if (const auto violation = passwordPolicyViolation(password))
        return reply(Response::error(400, *violation, QLatin1StringView("WEAK_PASSWORD")));
    if (m_context.accounts.find(user))
        return reply(
            Response::error(409, QStringLiteral("the name '%1' is taken").arg(user), QLatin1StringView("NAME_TAKEN")));

    offload<QByteArray>(
        [password] { return hashPassword(password); },
        [this, user, reply](QByteArray hash) {
            if (hash.isEmpty())
                return reply(Response::error(503, QStringLiteral("the server is out of memory for "
                                                                 "password hashing; try again")));
            storeNewAccount({user, hash, Account::roleUser, false, QDateTime::currentMSecsSinceEpoch()}, reply);
        });
}

void RestApi::storeNewAccount(const Account &account, Reply reply)
{
    const auto created = [this, reply](const Account &stored) {
        qCInfo(lcAccounts).noquote() << "registered" << stored.name;
        announceAccount(stored.name);
        reply(Response::json(201, QJsonDocument(QJsonObject{{QLatin1StringView("user"), stored.name},
                                                            {QLatin1StringView("role"), stored.role}})));
    };
    const auto taken = [reply, name = account.name] {
        reply(
            Response::error(409, QStringLiteral("the name '%1' is taken").arg(name), QLatin1StringView("NAME_TAKEN")));
    };
    if (!m_context.persistence) {
        if (!m_context.accounts.insert(account))
            return taken();
        return created(account);
    }
    // The database decides (its key is the case-folded name); the directory learns only what committed.
    postTo(m_context.persistence, [worker = &m_worker, directory = &m_context.accounts, account, created, taken,
                                   reply](Persistence &persistence) {
        const auto result = persistence.store().insertAccount(account);
        if (result == MessageStore::InsertResult::Failed)
            qCWarning(lcAccounts).noquote() << "cannot store an account:" << persistence.store().lastError();
        postTo(worker, [result, directory, account, created, taken, reply](IoWorker &) {
            switch (result) {
            case MessageStore::InsertResult::Inserted:
                directory->update(account);
                return created(account);
            case MessageStore::InsertResult::NameExists:
                return taken();
            case MessageStore::InsertResult::Failed:
                return reply(storageUnavailable(storageUnavailableMessage()));
            }
        });
    });
}

void RestApi::login(const http::Request &request, Reply reply)
{
    if (m_context.config.auth != ServerConfig::Auth::Accounts)
        return reply(accountsDisabled());
    auto credentials = readCredentials(request);
    if (auto *error = std::get_if<Response>(&credentials))
        return reply(*error);
    const auto [user, password] = std::get<std::pair<QString, QString>>(credentials);
    if (const auto known = m_context.accounts.find(user))
        return checkPassword(known, password, reply);
    if (!m_context.persistence)
        return checkPassword(std::nullopt, password, reply);
    // Not known here yet: added by `natter --server --add-user` or by another server on the same database.
    postTo(m_context.persistence, [this, worker = &m_worker, user, password, reply](Persistence &persistence) {
        const auto found = persistence.store().findAccount(user);
        postTo(worker, [this, found, password, reply](IoWorker &) {
            if (!found)
                return reply(storageUnavailable(storageUnavailableMessage()));
            if (*found)
                m_context.accounts.update(**found);
            checkPassword(*found, password, reply);
        });
    });
}

void RestApi::checkPassword(const std::optional<Account> &account, const QString &password, Reply reply)
{
    const QByteArray hash = account ? account->passwordHash : QByteArray();
    offload<bool>(
        [hash, password] {
            return hash.isEmpty() ? (verifyPassword(decoyHash(), password), false) : verifyPassword(hash, password);
        },
        [this, account, reply](bool matches) {
            if (!matches || !account) {
                return reply(Response::error(401, QStringLiteral("wrong user name or password"),
                                             QLatin1StringView("INVALID_CREDENTIALS")));
            }
            // The current state, not the one read before hashing: a ban may have landed meanwhile.
            const auto current = m_context.accounts.find(account->name).value_or(*account);
            if (current.banned) {
                return reply(Response::error(403, QStringLiteral("you are banned from this server"),
                                             QLatin1StringView("BANNED")));
            }
            qint64 expiresAt = 0;
            const QByteArray token = issueToken(m_context, current, &expiresAt);
            qCInfo(lcAccounts).noquote() << current.name << "logged in";
            reply(Response::json(200, QJsonDocument(QJsonObject{
                                          {QLatin1StringView("token"), QString::fromLatin1(token)},
                                          {QLatin1StringView("user"), current.name},
                                          {QLatin1StringView("role"), current.role},
                                          {QLatin1StringView("expires_at"), expiresAt},
                                      })));
        });
}

void RestApi::userAction(rest::Endpoint action, const Account &caller, const QString &name, Reply reply)
{
    using Action = protocol::Moderate::Action;
    const Action what = action == rest::Endpoint::KickUser  ? Action::Kick
                        : action == rest::Endpoint::BanUser ? Action::Ban
                                                            : Action::Unban;
    moderate(what, caller, name, [what, reply](const Moderation &outcome) {
        if (outcome.refusal) {
            return reply(Response::error(outcome.refusal->status, outcome.refusal->message,
                                         protocol::errorCodeName(outcome.refusal->code)));
        }
        QJsonObject body{{QLatin1StringView("user"), outcome.user}};
        if (what == Action::Kick)
            body.insert(QLatin1StringView("kicked"), true);
        else
            body.insert(QLatin1StringView("banned"), what == Action::Ban);
        reply(Response::json(200, QJsonDocument(body)));
    });
}

void RestApi::moderate(protocol::Moderate::Action action, const Account &caller, const QString &name,
                       std::function<void(const Moderation &)> done)
{
    using Action = protocol::Moderate::Action;
    const auto refuse = [done](int status, protocol::ErrorCode code, QString message) {
        Moderation outcome;
        outcome.refusal = Moderation::Refusal{status, code, std::move(message)};
        done(outcome);
    };
    const auto target = m_context.accounts.find(name);
    if (!target)
        return refuse(404, protocol::ErrorCode::NoSuchUser, QStringLiteral("no user '%1'").arg(name));
    if (Account::keyOf(target->name) == Account::keyOf(caller.name)) {
        return refuse(400, protocol::ErrorCode::InvalidPayload,
                      action == Action::Kick ? QStringLiteral("you cannot kick yourself")
                                             : QStringLiteral("you cannot ban yourself"));
    }

    const auto removeConnections = [this](const QString &user, quint16 code, QByteArray reason) {
        for (IoWorker *worker : std::as_const(m_context.workers))
            postTo(worker, [user, code, reason](IoWorker &each) { each.closeUser(user, code, reason); });
    };
    if (action == Action::Kick) {
        qCInfo(lcAccounts).noquote() << caller.name << "kicked" << target->name;
        removeConnections(target->name, websocket::CloseCode::Kicked, "removed by an admin");
        if (m_context.cluster) // and from the other servers of the cluster
            postTo(m_context.cluster, [user = target->name](ClusterBus &bus) {
                bus.publishEvent({{QStringLiteral("t"), QStringLiteral("kick")}, {QStringLiteral("user"), user}});
            });
        return done(Moderation{target->name, {}});
    }
    Account changed = *target;
    changed.banned = action == Action::Ban;
    const auto applied = [this, caller, changed, done, removeConnections] {
        m_context.accounts.update(changed);
        qCInfo(lcAccounts).noquote() << caller.name << (changed.banned ? "banned" : "unbanned") << changed.name;
        if (changed.banned)
            removeConnections(changed.name, websocket::CloseCode::Banned, "banned by an admin");
        announceAccount(changed.name); // the other servers of a cluster read it again (and close its connections)
        done(Moderation{changed.name, {}});
    };
    if (!m_context.persistence)
        return applied();
    postTo(m_context.persistence,
           [worker = &m_worker, changed, applied, refuse = std::function(refuse)](Persistence &persistence) {
               const bool stored = persistence.store().updateAccount(changed);
               if (!stored)
                   qCWarning(lcAccounts).noquote() << "cannot store a ban:" << persistence.store().lastError();
               postTo(worker, [stored, applied, refuse](IoWorker &) {
                   if (!stored)
                       return refuse(503, protocol::ErrorCode::StorageUnavailable, storageUnavailableMessage());
                   applied();
               });
           });
}

} // namespace natter
