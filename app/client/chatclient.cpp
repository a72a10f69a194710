#include "chatclient.h"
#include "certificatetrust.h"
#include "languagemanager.h"
#include "tokenstore.h"

#include "names.h"
#include "protocol.h"
#include "servertls.h"
#include "websocketcodec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcClient, "natter.client")

namespace natter {

namespace field = protocol::field;
namespace type = protocol::type;

namespace {
constexpr int maxReconnectMs = 30'000;
constexpr int typingResendMs = 3'000;  ///< "typing" is repeated at most this often while typing goes on
constexpr int typingIdleMs = 4'000;    ///< after this long without a keystroke, "stopped typing" is sent
constexpr int typingShownMs = 6'000;   ///< how long someone else's indicator lasts without a refresh
constexpr int heartbeatMs = 15'000;    ///< the client pings this often...
constexpr int silenceLimitMs = 40'000; ///< ...and gives the connection up after this long without a frame
constexpr int historyPage = 50;
const QString helloRequestId = QStringLiteral("hello");
constexpr int retryAfterRefusalMs = 2'000; ///< BUSY, STORAGE_UNAVAILABLE, RATE_LIMITED: wait, then send again

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// Text that reads the same in every language (from the server or the system), as a ChatClient::Text.
std::function<QString()> verbatim(const QString &text)
{
    if (text.isEmpty())
        return {};
    return [text] {
        return text;
    };
}
} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_accounts(new AccountClient(m_network, this))
{
    // One set of keychain entries per profile: the application name is "natter" or "natter-PROFILE".
    m_ownTokenStore = std::make_unique<KeychainTokenStore>(QCoreApplication::applicationName());
    setTokenStore(m_ownTokenStore.get());
    m_outboxPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/outbox.json");
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatClient::openSocket);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, [this] {
        const int seconds = int((m_reconnectTimer.remainingTime() + 999) / 1000);
        if (seconds != m_reconnectSeconds) {
            m_reconnectSeconds = std::max(0, seconds);
            emit reconnectSecondsChanged();
        }
    });
    m_typingExpiry.setInterval(1000);
    connect(&m_typingExpiry, &QTimer::timeout, this, &ChatClient::expireTyping);
    m_typingExpiry.start();
    m_pingTimer.setInterval(heartbeatMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &ChatClient::heartbeat);
    // Errors are translated when read: a language switch only has to say they changed.
    onLanguageChange(this, [this] {
        emit connectionErrorChanged();
        emit roomErrorChanged();
        emit noticeChanged();
        emit tokenStorageWarningChanged();
    });

    // After sleep or a network change the old connection is usually dead: try again at once.
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online && m_state == Reconnecting)
                        retryNow();
                });
    }
}

ChatClient::~ChatClient()
{
    m_accounts->cancel();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

ChatClient::RoomState &ChatClient::room(const QString &name)
{
    auto it = m_roomStates.find(name);
    if (it == m_roomStates.end()) {
        RoomState state;
        state.messages = std::make_unique<MessageModel>();
        state.messages->setOwnUser(m_user);
        state.members = std::make_unique<MemberModel>();
        state.members->setOwnUser(m_user);
        it = m_roomStates.emplace(name, std::move(state)).first;
    }
    return it->second;
}

MessageModel *ChatClient::messagesOf(const QString &name)
{
    return name.isEmpty() ? nullptr : room(name).messages.get();
}

MemberModel *ChatClient::membersOf(const QString &name)
{
    return name.isEmpty() ? nullptr : room(name).members.get();
}

MessageModel *ChatClient::messages()
{
    return messagesOf(m_currentRoom);
}

MemberModel *ChatClient::members()
{
    return membersOf(m_currentRoom);
}

QStringList ChatClient::typingUsers() const
{
    const auto it = m_roomStates.find(m_currentRoom);
    if (it == m_roomStates.end())
        return {};
    QStringList users = it->second.typing.keys();
    users.sort(Qt::CaseInsensitive);
    return users;
}

QString ChatClient::roomError() const
{
    const auto it = m_roomStates.find(m_currentRoom);
    return it == m_roomStates.end() || !it->second.error ? QString() : it->second.error();
}

void ChatClient::setCurrentRoom(const QString &name)
{
    if (name == m_currentRoom)
        return;
    m_currentRoom = name;
    if (m_viewActive)
        markRead(name);
    emit currentRoomChanged();
    emit typingUsersChanged();
    emit roomErrorChanged();
}

void ChatClient::setViewActive(bool active)
{
    if (m_viewActive == active)
        return;
    m_viewActive = active;
    if (active)
        markRead(m_currentRoom);
    emit viewActiveChanged();
}

void ChatClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state == Connected)
        m_pingTimer.start();
    else
        m_pingTimer.stop();
    emit stateChanged();
}

void ChatClient::setConnectionError(Text error)
{
    const QString before = connectionError();
    m_connectionError = std::move(error);
    if (connectionError() != before)
        emit connectionErrorChanged();
}

QString ChatClient::accountKey() const
{
    return m_address ? m_address->display() + QLatin1Char('|') + m_user : QString();
}

void ChatClient::saveJoinedRooms() const
{
    if (!m_address)
        return;
    QSettings settings;
    const QByteArray key = QCryptographicHash::hash(accountKey().toUtf8(), QCryptographicHash::Sha1).toHex();
    settings.setValue(QStringLiteral("joinedRooms/") + QString::fromLatin1(key), m_rooms.names());
    saveRoomInfo();
}

QStringList ChatClient::loadJoinedRooms() const
{
    QSettings settings;
    const QByteArray key = QCryptographicHash::hash(accountKey().toUtf8(), QCryptographicHash::Sha1).toHex();
    QStringList rooms = settings.value(QStringLiteral("joinedRooms/") + QString::fromLatin1(key)).toStringList();
    rooms.removeIf([](const QString &room) { return !names::isValidRoomName(room); });
    return rooms;
}

bool ChatClient::connectToServer(const QString &addressText, const QString &user)
{
    return startConnection(addressText, user, std::nullopt);
}

bool ChatClient::startConnection(const QString &addressText, const QString &user,
                                 std::optional<Credentials> credentials)
{
    const auto address = ServerAddress::parse(addressText);
    if (!address) {
        setConnectionError([typed = addressText.trimmed()] {
            return tr("“%1” is not a server address. Use host:port, for example chat.example.org:8082.").arg(typed);
        });
        return false;
    }
    const QString name = user.trimmed();
    if (!names::isValidUserName(name)) {
        setConnectionError([] { return tr("Choose a name of 1 to 64 characters."); });
        return false;
    }
    if (credentials && credentials->password.isEmpty()) {
        setConnectionError([] { return tr("Enter your password."); });
        return false;
    }
    if (credentials && credentials->createAccount) {
        // Said at once, before the server is asked: it would refuse the same password.
        if (const QString problem = AccountClient::newPasswordProblem(credentials->password); !problem.isEmpty()) {
            setConnectionError(
                [password = credentials->password] { return AccountClient::newPasswordProblem(password); });
            return false;
        }
    }
    const bool sameAccount = m_address && m_address->display() == address->display() && m_user == name;
    if (sameAccount && m_state != Disconnected && !credentials)
        return true;

    const bool sameServer = m_address && m_address->display() == address->display();
    disconnectFromServer();
    setConnectionError({});
    setNotice({});
    if (!sameServer)
        setAuthMode(AuthUnknown, false);
    // Logging in keeps the password form up until the server has welcomed the user.
    if (!credentials)
        setPasswordRequired(false);
    if (!sameAccount)
        setToken({});
    m_address = address;
    m_user = name;
    emit serverAddressChanged();
    emit userNameChanged();
    loadAccountView(!sameAccount);

    m_credentials = std::move(credentials);
    m_wantConnection = true;
    m_reconnectAttempt = 0;
    openSocket();
    return true;
}

void ChatClient::loadAccountView(bool fresh)
{
    if (fresh) {
        // Another server or another name: a fresh view.
        setInvitations({});
        m_closedConversations.clear();
        if (!m_people.isEmpty()) {
            m_people.clear();
            emit peopleChanged();
        }
        m_roomStates.clear();
        while (m_rooms.count() > 0)
            m_rooms.removeRoom(m_rooms.nameAt(0));
        m_currentRoom.clear();
        emit currentRoomChanged();
    }

    // What was joined last time, and what was written but never acknowledged, even before a restart.
    QStringList joined = loadJoinedRooms();
    if (joined.isEmpty())
        joined.append(names::defaultRoom);
    m_outbox = std::make_unique<Outbox>(m_outboxPath, accountKey());
    for (const auto &item : m_outbox->items()) {
        if (!joined.contains(item.room))
            joined.append(item.room);
    }
    for (const QString &roomName : std::as_const(joined)) {
        m_rooms.addRoom(roomName);
        room(roomName);
    }
    loadRoomInfo();
    for (const auto &item : m_outbox->items()) {
        auto *model = room(item.room).messages.get();
        if (std::none_of(model->entries().cbegin(), model->entries().cend(),
                         [&](const auto &entry) { return entry.message.clientId == item.clientId; }))
            model->addPending({0, {}, item.room, m_user, item.content, item.createdMs, item.clientId});
    }
    emit pendingCountChanged();
    if (m_currentRoom.isEmpty() || !m_rooms.contains(m_currentRoom))
        setCurrentRoom(m_rooms.contains(names::defaultRoom) ? names::defaultRoom : m_rooms.nameAt(0));
}

void ChatClient::disconnectFromServer()
{
    m_wantConnection = false;
    m_credentials.reset();
    ++m_attempt;
    m_accounts->cancel();
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    m_certificateRefused = false;
    setCertificateProblem({});
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket.release()->deleteLater();
    }
    for (auto &[name, state] : m_roomStates)
        state.joined = false;
    m_privateRequests.clear();
    setState(Disconnected);
}

void ChatClient::retryNow()
{
    if (!m_wantConnection || m_state != Reconnecting)
        return;
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    openSocket();
}

void ChatClient::openSocket()
{
    if (!m_address || !m_wantConnection)
        return;
    m_countdownTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
    setState(Connecting);
    preflight();
}

void ChatClient::openWebSocket()
{
    m_socket = std::make_unique<QWebSocket>();
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ChatClient::onText);
    connect(m_socket.get(), &QWebSocket::connected, this, &ChatClient::onConnected);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &ChatClient::onDisconnected);
    m_certificateRefused = false;
    if (m_address->secure) {
        // A certificate the user trusted for this server passes, with exactly the errors it was trusted despite.
        m_socket->ignoreSslErrors(CertificateTrust::expectedErrors(*m_address));
        connect(m_socket.get(), &QWebSocket::sslErrors, this, &ChatClient::onSslErrors);
    }
    m_lastReceivedMs = nowMs();
    // With open names, the name goes in a hello frame rather than the URL: a refusal (NAME_TAKEN) then arrives as
    // an error frame the client can explain, where a refused upgrade would only be a failed handshake. With
    // accounts the token identifies the connection at the upgrade.
    QNetworkRequest request(m_address->webSocketUrl());
    if (m_authMode == Accounts && !m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toLatin1());
    m_socket->open(request);
}

void ChatClient::onConnected()
{
    m_lastReceivedMs = nowMs();
    qCInfo(lcClient).noquote() << "connected to" << m_address->display();
    if (m_authMode != Accounts)
        sendFrame(QJsonObject{{field::type, type::hello}, {field::user, m_user}, {field::requestId, helloRequestId}});
    // The server's welcome completes the connection (handleWelcome).
}

void ChatClient::onSslErrors(const QList<QSslError> &errors)
{
    if (CertificateTrust::accepts(*m_address, errors))
        return; // the pinned certificate: these errors were let through before the handshake
    // Anything else stops here: Qt ends the handshake (nothing is sent), and the user decides what happens next.
    m_certificateRefused = true;
    m_problemCertificate = m_socket->sslConfiguration().peerCertificate();
    if (m_problemCertificate.isNull() && !errors.isEmpty())
        m_problemCertificate = errors.constFirst().certificate();
    if (m_problemCertificate.isNull())
        return; // nothing that could be trusted: the connection just fails (see onDisconnected)
    m_problemErrors = errors;
    QVariantMap problem = CertificateTrust::describe(*m_address, m_problemCertificate, errors);
    qCWarning(lcClient).noquote() << QStringLiteral("certificate of %1 refused: %2; SHA-256 %3%4")
                                         .arg(m_address->display(),
                                              problem.value(QStringLiteral("errors")).toStringList().join(u"; "),
                                              problem.value(QStringLiteral("fingerprint")).toString(),
                                              problem.value(QStringLiteral("changed")).toBool()
                                                  ? QStringLiteral(" (another certificate was trusted before)")
                                                  : QString());
    setCertificateProblem(std::move(problem));
}

void ChatClient::setCertificateProblem(QVariantMap problem)
{
    if (problem == m_certificateProblem)
        return;
    m_certificateProblem = std::move(problem);
    if (m_certificateProblem.isEmpty()) {
        m_problemCertificate.clear();
        m_problemErrors.clear();
    }
    emit certificateProblemChanged();
}

void ChatClient::trustCertificate()
{
    if (m_certificateProblem.isEmpty() || m_problemCertificate.isNull() || !m_address)
        return;
    CertificateTrust::trust(*m_address, m_problemCertificate, m_problemErrors);
    qCInfo(lcClient).noquote() << "trusting the certificate" << sha256Fingerprint(m_problemCertificate) << "for"
                               << m_address->display();
    setCertificateProblem({});
    setConnectionError({});
    m_wantConnection = true;
    m_reconnectAttempt = 0;
    openSocket();
}

void ChatClient::rejectCertificate()
{
    if (m_certificateProblem.isEmpty())
        return;
    setCertificateProblem({});
    setConnectionError([] { return tr("Not connected: the server's certificate was not trusted."); });
}

void ChatClient::onDisconnected()
{
    // An int: Natter's own close codes (4001 and up) are outside QWebSocketProtocol::CloseCode.
    const int code = m_socket ? int(m_socket->closeCode()) : int(QWebSocketProtocol::CloseCodeNormal);
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    const QString socketError = m_socket ? m_socket->errorString() : QString();
    for (auto &[name, state] : m_roomStates) {
        state.joined = false;
        state.historyRequest.clear();
        state.messages->setLoadingOlder(false);
        if (!state.typing.isEmpty()) {
            state.typing.clear();
            if (name == m_currentRoom)
                emit typingUsersChanged();
        }
    }
    m_sentClientIds.clear();
    m_joinRequests.clear();
    m_privateRequests.clear(); // their answers went with the connection
    if (m_certificateRefused) {
        // Trying again would meet the same certificate: wait for the user's decision (trustCertificate).
        m_certificateRefused = false;
        m_wantConnection = false;
        const bool changed = m_certificateProblem.value(QStringLiteral("changed")).toBool();
        setConnectionError([changed] {
            return changed ? tr("The server's certificate has changed since you trusted it. Someone may be "
                                "intercepting the connection. Not connected.")
                           : tr("The server's certificate could not be verified. Not connected.");
        });
        setState(Disconnected);
        return;
    }
    if (code == websocket::CloseCode::Banned)
        return stopBanned();
    if (code == websocket::CloseCode::Kicked) {
        // Allowed back at once; the user should still know why the connection dropped.
        setNotice([] { return tr("An admin disconnected you from this server."); });
    }
    if (m_state == Connecting && !socketError.isEmpty())
        setConnectionError(verbatim(socketError));
    else if (code == QWebSocketProtocol::CloseCodePolicyViolated || code == QWebSocketProtocol::CloseCodeTooMuchData)
        setConnectionError([reason] { return tr("The server closed the connection: %1").arg(reason); });
    if (m_wantConnection)
        scheduleReconnect();
    else
        setState(Disconnected);
}

void ChatClient::scheduleReconnect()
{
    // 1 s doubling to 30 s, each with ±20% jitter so a restarted server is not hit by everyone at once.
    const double exponential = std::min<double>(maxReconnectMs, m_reconnectBaseMs * std::pow(2.0, m_reconnectAttempt));
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = int(std::min<double>(maxReconnectMs, exponential * jitter));
    ++m_reconnectAttempt;
    m_reconnectTimer.start(delay);
    m_reconnectSeconds = (delay + 999) / 1000;
    emit reconnectSecondsChanged();
    m_countdownTimer.start();
    setState(Reconnecting);
    qCInfo(lcClient) << "reconnecting in" << delay << "ms";
}

void ChatClient::heartbeat()
{
    if (!m_socket || m_state != Connected)
        return;
    if (nowMs() - m_lastReceivedMs > silenceLimitMs) {
        // Nothing heard for too long (sleep, a dead route): give this connection up and start over.
        qCInfo(lcClient) << "connection silent; reconnecting";
        m_socket->abort();
        return;
    }
    sendFrame({{field::type, type::ping}});
}

QString ChatClient::nextRequestId()
{
    return QStringLiteral("c%1").arg(m_nextRequest++);
}

void ChatClient::sendFrame(const QJsonObject &frame)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ChatClient::onText(const QString &text)
{
    m_lastReceivedMs = nowMs();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString frameType = frame.value(field::type).toString();
    if (frameType == type::message)
        handleMessage(frame);
    else if (frameType == type::ack)
        handleAck(frame);
    else if (frameType == type::typing)
        handleTyping(frame);
    else if (frameType == type::memberJoined)
        handlePresence(frame, true);
    else if (frameType == type::memberLeft)
        handlePresence(frame, false);
    else if (frameType == type::joined)
        handleJoined(frame);
    else if (frameType == type::history)
        handleHistory(frame);
    else if (frameType == type::welcome)
        handleWelcome(frame);
    else if (frameType == type::error)
        handleError(frame);
    else if (frameType == type::roomClosed)
        handleRoomClosed(frame);
    else if (frameType == type::directOpened)
        handleDirectOpened(frame);
    else if (frameType == type::invited)
        handleInvited(frame);
    else if (frameType == type::inviteDeclined)
        handleInviteDeclined(frame);
    else if (frameType == type::memberRemoved)
        handleMemberRemoved(frame);
    // left, pong: nothing to do beyond liveness
}

void ChatClient::handleWelcome(const QJsonObject &frame)
{
    m_serverName = frame.value(field::server).toString();
    emit serverNameChanged();
    const int limit = frame.value(field::limits).toObject().value(field::maxContentBytes).toInt();
    if (limit > 0 && limit != m_maxContentBytes) {
        m_maxContentBytes = limit;
        emit maxContentBytesChanged();
    }
    m_reconnectAttempt = 0;
    if (m_authMode == Accounts)
        adoptServerSpelling(frame.value(field::user).toString());
    setPasswordRequired(false);
    setConnectionError({});
    setState(Connected);
    for (const QString &roomName : m_rooms.names())
        sendJoin(roomName);
    if (m_authMode == Accounts)
        refreshInvitations(); // made while the user was away
}

void ChatClient::sendJoin(const QString &roomName)
{
    auto &state = room(roomName);
    QJsonObject frame{{field::type, type::join}, {field::room, roomName}};
    if (const quint64 latest = state.messages->latestSeq(); latest > 0)
        frame.insert(field::sinceSeq, qint64(latest)); // resume: everything after what we have
    else
        frame.insert(field::lastN, historyPage);
    const QString id = nextRequestId();
    frame.insert(field::requestId, id);
    m_joinRequests.insert(id, roomName);
    sendFrame(frame);
}

void ChatClient::handleJoined(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    const QString requestId = frame.value(field::requestId).toString();
    m_joinRequests.remove(requestId);
    // The answer to opening a conversation, creating a group or accepting an invitation: the room is new here.
    const auto privateRequest = m_privateRequests.constFind(requestId);
    const bool requested = privateRequest != m_privateRequests.cend();
    if (requested) {
        adoptRequestedRoom(*privateRequest, roomName);
        m_privateRequests.erase(privateRequest);
    }
    if (!m_rooms.contains(roomName))
        return; // left meanwhile
    auto &state = room(roomName);
    state.joined = true;
    const QString kind = frame.value(field::kind).toString();
    if (kind != m_rooms.kindOf(roomName) || frame.value(field::peer).toString() != m_rooms.peerOf(roomName) ||
        frame.value(field::owner).toString() != m_rooms.ownerOf(roomName)) {
        m_rooms.setRoomInfo(roomName, kind, frame.value(field::peer).toString(), frame.value(field::owner).toString());
        saveRoomInfo();
    }
    QStringList members;
    for (const auto &value : frame.value(field::members).toArray())
        members.append(value.toString());
    state.members->setMembers(members);
    m_rooms.setMemberCount(roomName, int(members.size()));

    QList<ChatMessage> replay;
    for (const auto &value : frame.value(field::messages).toArray()) {
        if (auto message = ChatMessage::fromJson(value.toObject()))
            replay.append(*message);
    }
    const bool resumed = frame.contains(field::complete);
    if (resumed && !frame.value(field::complete).toBool()) {
        // The server no longer holds everything we missed: start over from what it has.
        state.messages->resetConfirmed(replay);
        state.messages->setHasOlder(!replay.isEmpty() && replay.constFirst().seq > 1);
    } else {
        const bool firstLoad = state.messages->latestSeq() == 0;
        // A conversation that came in because someone wrote: what they wrote since it was last seen is news.
        const auto announceAfter = std::exchange(state.announceAfterSeq, std::nullopt);
        for (const auto &message : std::as_const(replay)) {
            const bool added = state.messages->addConfirmed(message);
            const bool announce = firstLoad ? announceAfter && message.seq > *announceAfter : true;
            if (added && announce && message.user != m_user) {
                if (roomName != m_currentRoom || !m_viewActive)
                    m_rooms.incrementUnread(roomName);
                emit messageArrived(roomName, message.user, message.content);
            }
        }
        if (firstLoad)
            state.messages->setHasOlder(!replay.isEmpty() && replay.constFirst().seq > 1);
    }
    if (!replay.isEmpty())
        m_rooms.touch(roomName, replay.constLast().timestamp);
    flushOutbox(roomName);
    if (requested)
        setCurrentRoom(roomName);
}

void ChatClient::flushOutbox(const QString &roomName)
{
    if (!m_outbox)
        return;
    for (const auto &item : m_outbox->itemsFor(roomName)) {
        const QString id = nextRequestId();
        m_sentClientIds.insert(id, item.clientId);
        sendFrame({{field::type, type::send},
                   {field::room, item.room},
                   {field::content, item.content},
                   {field::clientId, item.clientId},
                   {field::requestId, id}});
    }
}

void ChatClient::handleMessage(const QJsonObject &frame)
{
    const auto message = ChatMessage::fromJson(frame);
    if (!message || !m_rooms.contains(message->room))
        return;
    auto &state = room(message->room);
    if (!state.messages->addConfirmed(*message))
        return;
    m_rooms.touch(message->room, message->timestamp);
    if (state.typing.remove(message->user) > 0 && message->room == m_currentRoom)
        emit typingUsersChanged();
    if (message->user == m_user)
        return;
    if (message->room != m_currentRoom || !m_viewActive)
        m_rooms.incrementUnread(message->room);
    emit messageArrived(message->room, message->user, message->content);
}

void ChatClient::handleAck(const QJsonObject &frame)
{
    const QString clientId = frame.value(field::clientId).toString();
    m_sentClientIds.remove(frame.value(field::requestId).toString());
    if (clientId.isEmpty() || !m_outbox)
        return;
    const QString roomName = frame.value(field::room).toString();
    QString content;
    for (const auto &item : m_outbox->items()) {
        if (item.clientId == clientId)
            content = item.content;
    }
    if (m_outbox->remove(clientId))
        emit pendingCountChanged();
    // Normally the broadcast copy confirms the message; after a lost connection the ack may be all we get.
    if (m_rooms.contains(roomName) && !content.isEmpty()) {
        room(roomName).messages->addConfirmed({quint64(frame.value(field::seq).toInteger()),
                                               frame.value(field::id).toString(), roomName, m_user, content,
                                               frame.value(field::timestamp).toInteger(), clientId});
    }
}

void ChatClient::handleError(const QJsonObject &frame)
{
    const QString requestId = frame.value(field::requestId).toString();
    const QString message = frame.value(field::message).toString();
    const QString code = frame.value(field::code).toString();
    qCInfo(lcClient).noquote() << "server error" << code << message;
    if (requestId == helloRequestId) {
        // The name is not ours to use here: trying again would only be refused again.
        disconnectFromServer();
        if (code == QLatin1String("NAME_TAKEN")) {
            setConnectionError([user = m_user] {
                return tr("“%1” is already in use on this server by someone on another computer. "
                          "Choose another name.")
                    .arg(user);
            });
        } else {
            setConnectionError([user = m_user, message] {
                return tr("The server did not accept the name “%1”: %2").arg(user, message);
            });
        }
        return;
    }
    if (handlePrivateRequestError(requestId, code, message))
        return;
    if (const QString clientId = m_sentClientIds.take(requestId); !clientId.isEmpty()) {
        QString roomName;
        for (const auto &item : m_outbox->items()) {
            if (item.clientId == clientId)
                roomName = item.room;
        }
        if (roomName.isEmpty())
            return;
        if (code == QLatin1String("BUSY") || code == QLatin1String("STORAGE_UNAVAILABLE") ||
            code == QLatin1String("RATE_LIMITED")) {
            // Passing trouble: the message stays pending in the outbox and goes again (same client id) shortly.
            if (!m_retryScheduled.contains(roomName)) {
                m_retryScheduled.insert(roomName);
                QTimer::singleShot(retryAfterRefusalMs, this, [this, roomName] {
                    m_retryScheduled.remove(roomName);
                    if (m_rooms.contains(roomName) && room(roomName).joined)
                        flushOutbox(roomName);
                });
            }
            return;
        }
        // The server refused this message for what it is: resending it unchanged would not help.
        m_outbox->remove(clientId);
        emit pendingCountChanged();
        const Text error = serverErrorText(code, message);
        room(roomName).messages->markFailed(clientId, error());
        setRoomError(roomName, error);
        return;
    }
    if (const QString roomName = m_joinRequests.take(requestId); !roomName.isEmpty()) {
        setRoomError(roomName, serverErrorText(code, message));
        return;
    }
    if (!m_currentRoom.isEmpty())
        setRoomError(m_currentRoom, serverErrorText(code, message));
}

ChatClient::Text ChatClient::serverErrorText(const QString &code, const QString &message) const
{
    // The refusals a user can meet, in the user's language; the server's own words for anything else.
    switch (protocol::errorCodeFromName(code).value_or(protocol::ErrorCode::InvalidFormat)) {
    case protocol::ErrorCode::MessageTooLarge:
        return [limit = m_maxContentBytes] {
            return tr("This message is too long: at most %1 bytes.").arg(limit);
        };
    case protocol::ErrorCode::RateLimited:
        return [] {
            return tr("You are sending too fast. Wait a moment and try again.");
        };
    case protocol::ErrorCode::Busy:
    case protocol::ErrorCode::StorageUnavailable:
        return [] {
            return tr("The server cannot store messages right now. Try again in a moment.");
        };
    case protocol::ErrorCode::RoomLimit:
        return [] {
            return tr("The server cannot hold any more rooms.");
        };
    case protocol::ErrorCode::TooManyRooms:
        return [] {
            return tr("You are in as many rooms as this server allows. Leave one first.");
        };
    case protocol::ErrorCode::NotInRoom:
        return [] {
            return tr("You are not in this room.");
        };
    case protocol::ErrorCode::InvalidRoom:
        return [] {
            return tr("Room names are 1 to 64 letters, digits, “-”, “_” or “.”.");
        };
    default:
        return verbatim(message);
    }
}

void ChatClient::handleHistory(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    if (!m_rooms.contains(roomName))
        return;
    auto &state = room(roomName);
    state.historyRequest.clear();
    QList<ChatMessage> older;
    for (const auto &value : frame.value(field::messages).toArray()) {
        if (auto message = ChatMessage::fromJson(value.toObject()))
            older.append(*message);
    }
    state.messages->prependHistory(older);
    state.messages->setHasOlder(frame.value(field::hasMore).toBool());
    state.messages->setLoadingOlder(false);
}

void ChatClient::handleTyping(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    const QString user = frame.value(field::user).toString();
    if (!m_rooms.contains(roomName) || user == m_user)
        return;
    auto &typing = room(roomName).typing;
    bool changed;
    if (frame.value(field::active).toBool(true)) {
        changed = !typing.contains(user);
        typing.insert(user, nowMs() + typingShownMs);
    } else {
        changed = typing.remove(user) > 0;
    }
    if (changed && roomName == m_currentRoom)
        emit typingUsersChanged();
}

void ChatClient::handlePresence(const QJsonObject &frame, bool joinedRoom)
{
    const QString roomName = frame.value(field::room).toString();
    const QString user = frame.value(field::user).toString();
    if (!m_rooms.contains(roomName))
        return;
    auto &state = room(roomName);
    if (joinedRoom) {
        state.members->addMember(user);
    } else {
        state.members->removeMember(user);
        if (state.typing.remove(user) > 0 && roomName == m_currentRoom)
            emit typingUsersChanged();
    }
    m_rooms.setMemberCount(roomName, state.members->count());
}

void ChatClient::handleRoomClosed(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    if (!m_rooms.contains(roomName))
        return;
    forgetRoom(roomName);
    emit roomClosed(roomName);
}

void ChatClient::forgetRoom(const QString &roomName)
{
    if (m_rooms.kindOf(roomName) == QLatin1String("direct"))
        m_closedConversations.insert(roomName, room(roomName).messages->latestSeq());
    m_rooms.removeRoom(roomName);
    if (m_outbox)
        m_outbox->removeRoom(roomName);
    saveJoinedRooms();
    if (m_currentRoom == roomName)
        setCurrentRoom(m_rooms.contains(names::defaultRoom) ? names::defaultRoom : m_rooms.nameAt(0));
    // After the view moved to another room, so nothing shows the models being deleted here.
    m_roomStates.erase(roomName);
    emit joinedRoomsChanged();
    emit pendingCountChanged();
}

bool ChatClient::isValidRoomName(const QString &roomName) const
{
    return names::isValidRoomName(roomName);
}

bool ChatClient::joinRoom(const QString &roomName)
{
    if (!names::isValidRoomName(roomName))
        return false;
    const bool isNew = !m_rooms.contains(roomName);
    m_rooms.addRoom(roomName);
    room(roomName);
    if (isNew) {
        saveJoinedRooms();
        emit joinedRoomsChanged();
        if (m_state == Connected)
            sendJoin(roomName);
    }
    setCurrentRoom(roomName);
    return true;
}

void ChatClient::leaveRoom(const QString &roomName)
{
    if (!m_rooms.contains(roomName))
        return;
    sendFrame({{field::type, type::leave}, {field::room, roomName}, {field::requestId, nextRequestId()}});
    forgetRoom(roomName);
}

bool ChatClient::sendMessage(const QString &roomName, const QString &content)
{
    if (!m_outbox || !m_rooms.contains(roomName))
        return false;
    // Trailing new lines and spaces are noise; anything else is kept as typed.
    QString text = content;
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    if (text.trimmed().isEmpty())
        return false;
    if (text.toUtf8().size() > m_maxContentBytes) {
        setRoomError(roomName, [limit = m_maxContentBytes] {
            return tr("This message is too long: at most %1 bytes.").arg(limit);
        });
        return false;
    }
    const Outbox::Item item{QUuid::createUuid().toString(QUuid::WithoutBraces), roomName, text, nowMs()};
    m_outbox->add(item);
    emit pendingCountChanged();
    auto &state = room(roomName);
    state.messages->addPending({0, {}, roomName, m_user, text, item.createdMs, item.clientId});
    sendTypingState(roomName, false);
    if (state.joined) {
        const QString id = nextRequestId();
        m_sentClientIds.insert(id, item.clientId);
        sendFrame({{field::type, type::send},
                   {field::room, roomName},
                   {field::content, text},
                   {field::clientId, item.clientId},
                   {field::requestId, id}});
    }
    return true;
}

void ChatClient::retryMessage(const QString &roomName, const QString &clientId)
{
    if (!m_outbox || !m_rooms.contains(roomName))
        return;
    auto &state = room(roomName);
    const auto &entries = state.messages->entries();
    const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                 [&](const auto &entry) { return entry.failed && entry.message.clientId == clientId; });
    if (it == entries.cend())
        return;
    const QString content = it->message.content;
    // A new client id: the server refused the old one, so it must not be taken for a duplicate.
    state.messages->removePending(clientId);
    sendMessage(roomName, content);
}

void ChatClient::discardMessage(const QString &roomName, const QString &clientId)
{
    if (!m_rooms.contains(roomName))
        return;
    if (m_outbox && m_outbox->remove(clientId))
        emit pendingCountChanged();
    room(roomName).messages->removePending(clientId);
}

void ChatClient::sendTypingState(const QString &roomName, bool active)
{
    const bool wasActive = m_lastTypingSent.contains(roomName);
    if (!active && !wasActive)
        return;
    if (active)
        m_lastTypingSent.insert(roomName, nowMs());
    else
        m_lastTypingSent.remove(roomName);
    if (m_state == Connected && room(roomName).joined)
        sendFrame({{field::type, type::typing}, {field::room, roomName}, {field::active, active}});
}

void ChatClient::userTyping(const QString &roomName)
{
    if (!m_rooms.contains(roomName))
        return;
    m_lastKeystroke.insert(roomName, nowMs());
    const qint64 lastSent = m_lastTypingSent.value(roomName, 0);
    if (nowMs() - lastSent >= typingResendMs)
        sendTypingState(roomName, true);
}

void ChatClient::expireTyping()
{
    const qint64 now = nowMs();
    for (auto &[name, state] : m_roomStates) {
        const auto expired = state.typing.removeIf([&](const auto &entry) { return entry.value() < now; });
        if (expired > 0 && name == m_currentRoom)
            emit typingUsersChanged();
    }
    // Our own indicator: stop it after a pause in typing.
    const auto rooms = m_lastTypingSent.keys();
    for (const QString &roomName : rooms) {
        if (now - m_lastKeystroke.value(roomName, 0) >= typingIdleMs)
            sendTypingState(roomName, false);
    }
}

void ChatClient::loadOlder(const QString &roomName)
{
    if (!m_rooms.contains(roomName))
        return;
    auto &state = room(roomName);
    if (!state.joined || !state.historyRequest.isEmpty() || !state.messages->hasOlder())
        return;
    state.historyRequest = nextRequestId();
    state.messages->setLoadingOlder(true);
    QJsonObject frame{{field::type, type::history},
                      {field::room, roomName},
                      {field::limit, historyPage},
                      {field::requestId, state.historyRequest}};
    if (const quint64 oldest = state.messages->oldestSeq(); oldest > 0)
        frame.insert(field::before, qint64(oldest));
    sendFrame(frame);
}

void ChatClient::markRead(const QString &roomName)
{
    m_rooms.setUnread(roomName, 0);
}

void ChatClient::setRoomError(const QString &roomName, Text error)
{
    auto &state = room(roomName);
    const QString before = state.error ? state.error() : QString();
    state.error = std::move(error);
    if (roomName == m_currentRoom && (state.error ? state.error() : QString()) != before)
        emit roomErrorChanged();
}

void ChatClient::clearRoomError()
{
    if (!m_currentRoom.isEmpty())
        setRoomError(m_currentRoom, {});
}

void ChatClient::refreshServerRooms()
{
    if (!m_address)
        return;
    QNetworkRequest request(m_address->httpUrl(QString(protocol::path::rooms)));
    if (m_authMode == Accounts && !m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toLatin1());
    QNetworkReply *reply = m_network->get(request);
    if (m_address->secure)
        reply->ignoreSslErrors(CertificateTrust::expectedErrors(*m_address)); // the same trust as the WebSocket's
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return;
        m_serverRooms = QJsonDocument::fromJson(reply->readAll()).array().toVariantList();
        emit serverRoomsChanged();
    });
}

} // namespace natter
