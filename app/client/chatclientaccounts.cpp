// ChatClient, the login side: what the server's /health says about getting in, logging in or creating an account,
// the token kept in the TokenStore and checked before each connection, and what bans and kicks do.
#include "chatclient.h"
#include "tokenstore.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient)

namespace natter {

bool ChatClient::logIn(const QString &address, const QString &user, const QString &password)
{
    return startConnection(address, user, Credentials{password, false});
}

bool ChatClient::createAccount(const QString &address, const QString &user, const QString &password)
{
    return startConnection(address, user, Credentials{password, true});
}

void ChatClient::adoptServerSpelling(const QString &user)
{
    if (user.isEmpty() || user == m_user || user.toCaseFolded() != m_user.toCaseFolded())
        return;
    // The same account: what was written under the other spelling goes along, in order.
    QList<Outbox::Item> carried;
    if (m_outbox) {
        carried = m_outbox->items();
        for (const auto &item : std::as_const(carried))
            m_outbox->remove(item.clientId);
    }
    const QStringList rooms = m_rooms.names();
    const QString current = m_currentRoom;
    m_user = user;
    emit userNameChanged();
    loadAccountView(true);
    for (const QString &roomName : rooms) {
        m_rooms.addRoom(roomName);
        room(roomName);
    }
    for (const auto &item : std::as_const(carried)) {
        m_outbox->add(item);
        m_rooms.addRoom(item.room);
        room(item.room).messages->addPending({0, {}, item.room, m_user, item.content, item.createdMs, item.clientId});
    }
    saveJoinedRooms();
    emit pendingCountChanged();
    if (m_rooms.contains(current))
        setCurrentRoom(current);
    emit joinedRoomsChanged();
}

void ChatClient::preflight()
{
    // Whether the server wants a name or a login can change with a restart: asked before every attempt.
    const quint64 attempt = ++m_attempt;
    m_accounts->cancel();
    m_accounts->fetchServerInfo(
        *m_address, [this, attempt](const std::optional<AccountClient::ServerInfo> &info, const QString &error) {
            if (attempt != m_attempt)
                return;
            if (!info) {
                setConnectionError([error] { return error; });
                scheduleReconnect();
                return;
            }
            if (info->certificateUnverified) {
                // The WebSocket meets the same certificate and asks about it; after trusting it, the next
                // attempt learns how the server lets people in.
                return openWebSocket();
            }
            setAuthMode(info->accounts ? Accounts : OpenNames, info->registrationOpen);
            if (info->accounts)
                return continueWithAccounts();
            // Open names: a password typed for this server is not needed.
            m_credentials.reset();
            setToken({});
            setPasswordRequired(false);
            openWebSocket();
        });
}

void ChatClient::continueWithAccounts()
{
    if (m_credentials)
        return logInWithCredentials();
    if (!m_token.isEmpty())
        return useToken(m_token);
    const quint64 attempt = m_attempt;
    m_tokenStore->read(tokenKey(), this, [this, attempt](const QString &token) {
        if (attempt != m_attempt)
            return;
        if (token.isEmpty())
            return requirePassword({});
        useToken(token);
    });
}

void ChatClient::useToken(const QString &token)
{
    // A token the server no longer takes would only fail the upgrade with a bare 401: ask about it over REST.
    const quint64 attempt = m_attempt;
    m_accounts->checkToken(*m_address, token, [this, attempt, token](const AccountClient::Answer &answer) {
        if (attempt != m_attempt)
            return;
        switch (answer.outcome) {
        case AccountClient::Outcome::Ok:
            setToken(token);
            openWebSocket();
            return;
        case AccountClient::Outcome::TokenRejected:
            qCInfo(lcClient) << "the server no longer takes the login token; asking for the password";
            m_tokenStore->remove(tokenKey());
            setToken({});
            return requirePassword(
                [] { return AccountClient::describe(AccountClient::Outcome::TokenRejected, {}, {}); });
        case AccountClient::Outcome::Banned:
            return stopBanned();
        default:
            // Passing trouble (unreachable, overloaded): keep the token and try again later.
            setConnectionError([outcome = answer.outcome, user = m_user, detail = answer.detail] {
                return AccountClient::describe(outcome, user, detail);
            });
            scheduleReconnect();
            return;
        }
    });
}

void ChatClient::logInWithCredentials()
{
    const Credentials credentials = *m_credentials;
    m_credentials.reset(); // The password is used once and not kept.
    const quint64 attempt = m_attempt;
    const auto failed = [this](const AccountClient::Answer &answer) {
        switch (answer.outcome) {
        case AccountClient::Outcome::AccountsDisabled:
            // The server dropped accounts since it said otherwise: connect with the name.
            setAuthMode(OpenNames, false);
            setPasswordRequired(false);
            return openWebSocket();
        case AccountClient::Outcome::Banned:
            return stopBanned();
        default:
            return requirePassword([outcome = answer.outcome, user = m_user, detail = answer.detail] {
                return AccountClient::describe(outcome, user, detail);
            });
        }
    };
    const auto logIn = [this, attempt, failed, password = credentials.password] {
        m_accounts->logIn(*m_address, m_user, password, [this, attempt, failed](const AccountClient::Answer &answer) {
            if (attempt != m_attempt)
                return;
            if (answer.outcome != AccountClient::Outcome::Ok || answer.token.isEmpty())
                return failed(answer);
            onLoggedIn(answer);
        });
    };
    if (!credentials.createAccount)
        return logIn();
    m_accounts->registerAccount(*m_address, m_user, credentials.password,
                                [this, attempt, failed, logIn](const AccountClient::Answer &answer) {
                                    if (attempt != m_attempt)
                                        return;
                                    if (answer.outcome != AccountClient::Outcome::Ok)
                                        return failed(answer);
                                    qCInfo(lcClient) << "account created";
                                    logIn();
                                });
}

void ChatClient::onLoggedIn(const AccountClient::Answer &answer)
{
    qCInfo(lcClient) << "logged in";
    adoptServerSpelling(answer.user);
    setToken(answer.token);
    m_tokenStore->write(tokenKey(), answer.token);
    emit tokenStorageWarningChanged();
    openWebSocket();
}

void ChatClient::requirePassword(Text error)
{
    disconnectFromServer();
    setPasswordRequired(true);
    setConnectionError(std::move(error));
}

void ChatClient::stopBanned()
{
    // Trying again would be refused until an admin lifts the ban; the token stays for that day.
    qCInfo(lcClient) << "banned from the server; not reconnecting";
    disconnectFromServer();
    setConnectionError([] { return AccountClient::describe(AccountClient::Outcome::Banned, {}, {}); });
}

void ChatClient::signOut()
{
    if (!m_address)
        return;
    m_tokenStore->remove(tokenKey());
    setToken({});
    disconnectFromServer();
    setConnectionError({});
    setNotice({});
    if (m_authMode == Accounts)
        setPasswordRequired(true);
}

void ChatClient::setTokenStore(TokenStore *store)
{
    if (m_tokenStore)
        m_tokenStore->disconnect(this);
    m_tokenStore = store;
    if (m_tokenStore != m_ownTokenStore.get())
        m_ownTokenStore.reset();
    connect(m_tokenStore, &TokenStore::persistenceChanged, this, &ChatClient::tokenStorageWarningChanged);
    emit tokenStorageWarningChanged();
}

QString ChatClient::tokenKey() const
{
    return m_address ? TokenStore::keyFor(m_address->display(), m_user) : QString();
}

QString ChatClient::tokenStorageWarning() const
{
    if (m_authMode != Accounts || !m_tokenStore || m_tokenStore->isPersistent())
        return {};
    const QString problem = m_tokenStore->problem();
    if (problem.isEmpty())
        return tr("Your login is kept only until Natter quits.");
    return tr("No keychain can be used (%1), so your login is kept only until Natter quits.").arg(problem);
}

void ChatClient::setAuthMode(AuthMode mode, bool registrationOpen)
{
    if (m_authMode == mode && m_registrationOpen == registrationOpen)
        return;
    m_authMode = mode;
    m_registrationOpen = registrationOpen;
    emit authModeChanged();
    emit signedInChanged();
    emit tokenStorageWarningChanged();
}

void ChatClient::setPasswordRequired(bool required)
{
    if (m_passwordRequired == required)
        return;
    m_passwordRequired = required;
    emit passwordRequiredChanged();
}

void ChatClient::setToken(const QString &token)
{
    if (m_token == token)
        return;
    m_token = token;
    emit signedInChanged();
}

void ChatClient::setNotice(Text notice)
{
    const QString before = this->notice();
    m_notice = std::move(notice);
    if (this->notice() != before)
        emit noticeChanged();
}

void ChatClient::dismissNotice()
{
    setNotice({});
}

} // namespace natter
