#pragma once

#include "accountclient.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "outbox.h"
#include "roomlistmodel.h"
#include "serveraddress.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QWebSocket;

namespace natter {

class TokenStore;

/**
 * @brief The app's connection to one Natter server over the typed protocol: rooms, messages, presence,
 * typing, history, and an outbox, with automatic reconnect and resume so that nothing is lost or doubled.
 *
 * QML binds to its properties and calls its invokables; it never touches a socket.
 *
 * Before each connection attempt it asks the server's /health how people get in. With open names it says hello
 * with the user's name; with accounts it connects with the login token it keeps in a TokenStore (the keychain),
 * and when it has none, or the server no longer takes it, it waits for logIn() or createAccount().
 */
class ChatClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ConnectionState state READ state NOTIFY stateChanged)
    Q_PROPERTY(int reconnectSeconds READ reconnectSeconds NOTIFY reconnectSecondsChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY serverAddressChanged)
    Q_PROPERTY(QString serverName READ serverName NOTIFY serverNameChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userNameChanged)
    Q_PROPERTY(QString connectionError READ connectionError NOTIFY connectionErrorChanged)
    Q_PROPERTY(int maxContentBytes READ maxContentBytes NOTIFY maxContentBytesChanged)
    Q_PROPERTY(natter::RoomListModel *rooms READ rooms CONSTANT)
    Q_PROPERTY(QString currentRoom READ currentRoom WRITE setCurrentRoom NOTIFY currentRoomChanged)
    Q_PROPERTY(natter::MessageModel *messages READ messages NOTIFY currentRoomChanged)
    Q_PROPERTY(natter::MemberModel *members READ members NOTIFY currentRoomChanged)
    Q_PROPERTY(QStringList typingUsers READ typingUsers NOTIFY typingUsersChanged)
    Q_PROPERTY(QString roomError READ roomError NOTIFY roomErrorChanged)
    Q_PROPERTY(QVariantList serverRooms READ serverRooms NOTIFY serverRoomsChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    /// Whether the user can see the current room (window active); messages arriving otherwise count as unread.
    Q_PROPERTY(bool viewActive READ viewActive WRITE setViewActive NOTIFY viewActiveChanged)
    /// How the server at serverAddress lets people in, as it last said (AuthUnknown until it answered).
    Q_PROPERTY(AuthMode authMode READ authMode NOTIFY authModeChanged)
    /// With accounts: whether anyone may create one (createAccount()).
    Q_PROPERTY(bool registrationOpen READ registrationOpen NOTIFY authModeChanged)
    /// The server wants a login and the app has no token it takes: nothing happens until logIn() or createAccount().
    Q_PROPERTY(bool passwordRequired READ passwordRequired NOTIFY passwordRequiredChanged)
    /// Logged in to an accounts server with a token (signOut() forgets it).
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    /// Set while a login is kept only until the app quits (no keychain can be used), saying so; empty otherwise.
    Q_PROPERTY(QString tokenStorageWarning READ tokenStorageWarning NOTIFY tokenStorageWarningChanged)
    /// News about the connection that does not stop it (an admin disconnected the user), until dismissNotice().
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    /// A wss:// server whose certificate did not verify (and is not the one the user trusted for it): the connection
    /// stopped. Empty when there is none; otherwise see CertificateTrust::describe for the keys.
    Q_PROPERTY(QVariantMap certificateProblem READ certificateProblem NOTIFY certificateProblemChanged)
    /// Direct messages and groups can be used: the server has accounts and the user is signed in.
    Q_PROPERTY(bool privateRoomsAvailable READ privateRoomsAvailable NOTIFY authModeChanged)
    /// Invitations to groups not yet answered: [{room, by}], oldest first.
    Q_PROPERTY(QVariantList invitations READ invitations NOTIFY invitationsChanged)
    /// The people on the server (refreshPeople()): [{name, online, admin}], sorted, without the user.
    Q_PROPERTY(QVariantList people READ people NOTIFY peopleChanged)
    /// Why the last direct message, group or invitation request did not work (empty: it did, or none).
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)

public:
    enum ConnectionState
    {
        Disconnected, ///< Not connected and not trying (never connected, or the user disconnected).
        Connecting,   ///< Opening the connection.
        Connected,    ///< Welcomed by the server.
        Reconnecting, ///< Lost; waiting reconnectSeconds before the next try.
    };
    Q_ENUM(ConnectionState)

    enum AuthMode
    {
        AuthUnknown, ///< The server has not said yet.
        OpenNames,   ///< Anyone connects with a free name (`--auth open`).
        Accounts,    ///< People log in; the connection carries a token (`--auth accounts`).
    };
    Q_ENUM(AuthMode)

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    ConnectionState state() const { return m_state; }
    int reconnectSeconds() const { return m_reconnectSeconds; }
    QString serverAddress() const { return m_address ? m_address->display() : QString(); }
    QString serverName() const { return m_serverName; }
    QString userName() const { return m_user; }
    QString connectionError() const { return m_connectionError ? m_connectionError() : QString(); }
    int maxContentBytes() const { return m_maxContentBytes; }
    RoomListModel *rooms() { return &m_rooms; }
    QString currentRoom() const { return m_currentRoom; }
    void setCurrentRoom(const QString &room);
    MessageModel *messages();
    MemberModel *members();
    QStringList typingUsers() const;
    QString roomError() const;
    QVariantList serverRooms() const { return m_serverRooms; }
    int pendingCount() const { return int(m_outbox ? m_outbox->items().size() : 0); }
    bool viewActive() const { return m_viewActive; }
    void setViewActive(bool active);
    AuthMode authMode() const { return m_authMode; }
    bool registrationOpen() const { return m_registrationOpen; }
    bool passwordRequired() const { return m_passwordRequired; }
    bool signedIn() const { return m_authMode == Accounts && !m_token.isEmpty(); }
    QString tokenStorageWarning() const;
    QString notice() const { return m_notice ? m_notice() : QString(); }
    QVariantMap certificateProblem() const { return m_certificateProblem; }
    bool privateRoomsAvailable() const { return m_authMode == Accounts; }
    QVariantList invitations() const { return m_invitations; }
    QVariantList people() const { return m_people; }
    QString actionError() const { return m_actionError ? m_actionError() : QString(); }

    /// Connects to @p address as @p user and keeps reconnecting until disconnectFromServer(). Returns false
    /// (with connectionError set) when the address or name is not usable.
    Q_INVOKABLE bool connectToServer(const QString &address, const QString &user);
    Q_INVOKABLE void disconnectFromServer();
    /// Logs in to the accounts server at @p address as @p user, keeps the token, and connects. Returns false (with
    /// connectionError set) when something typed is not usable. On a server without accounts it simply connects.
    Q_INVOKABLE bool logIn(const QString &address, const QString &user, const QString &password);
    /// Creates the account @p user on the server at @p address, then logs in as with logIn().
    Q_INVOKABLE bool createAccount(const QString &address, const QString &user, const QString &password);
    /// Forgets the login token of this server and user, disconnects, and waits for a password again.
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void dismissNotice();
    /// Skips the rest of the reconnect wait.
    Q_INVOKABLE void retryNow();
    /// The user trusts the certificate of certificateProblem for this server from now on (it is pinned): connect.
    Q_INVOKABLE void trustCertificate();
    /// The user does not trust it: stay disconnected.
    Q_INVOKABLE void rejectCertificate();

    Q_INVOKABLE bool joinRoom(const QString &room);
    Q_INVOKABLE void leaveRoom(const QString &room);
    /// Queues @p content for @p room (shown as pending at once, sent when connected). False if refused locally.
    Q_INVOKABLE bool sendMessage(const QString &room, const QString &content);
    Q_INVOKABLE void retryMessage(const QString &room, const QString &clientId);
    Q_INVOKABLE void discardMessage(const QString &room, const QString &clientId);
    /// Call as the user types; sends typing start at most every few seconds and stop after a pause.
    Q_INVOKABLE void userTyping(const QString &room);
    Q_INVOKABLE void loadOlder(const QString &room);
    Q_INVOKABLE void markRead(const QString &room);
    Q_INVOKABLE void clearRoomError();
    /// Fetches the server's room list (REST) into serverRooms.
    Q_INVOKABLE void refreshServerRooms();
    Q_INVOKABLE bool isValidRoomName(const QString &room) const;

    // Direct messages and groups (servers with accounts). Answers arrive as changes of rooms, invitations and
    // actionError; a room the user opened or created becomes the current room.
    /// The name of the direct room with @p user (whether or not it was opened); empty for an unusable name.
    Q_INVOKABLE QString directRoomWith(const QString &user) const;
    /// Opens the direct conversation with @p user (created on first use). False if refused locally.
    Q_INVOKABLE bool openDirect(const QString &user);
    /// Creates the invite-only group @p room, owned by the user. False if refused locally.
    Q_INVOKABLE bool createGroup(const QString &room);
    Q_INVOKABLE bool inviteToGroup(const QString &room, const QString &user);
    Q_INVOKABLE void acceptInvitation(const QString &room);
    Q_INVOKABLE void declineInvitation(const QString &room);
    /// Takes @p user out of the group @p room (its owner or an admin).
    Q_INVOKABLE void removeFromGroup(const QString &room, const QString &user);
    /// Leaves the group @p room for good: only a new invitation brings the user back.
    Q_INVOKABLE void leaveGroup(const QString &room);
    /// Fetches the server's people (REST) into people.
    Q_INVOKABLE void refreshPeople();
    /// Fetches who belongs to the private room @p room, online or not; answered by rosterReady.
    Q_INVOKABLE void fetchRoster(const QString &room);
    Q_INVOKABLE void clearActionError();

    MessageModel *messagesOf(const QString &room);
    MemberModel *membersOf(const QString &room);

    /// Where outboxes are kept (tests point this at a temporary directory).
    void setOutboxPath(const QString &filePath) { m_outboxPath = filePath; }
    /// Reconnect delays start here and double up to 30 s (tests shorten them).
    void setReconnectBaseMs(int ms) { m_reconnectBaseMs = ms; }
    /// Where login tokens are kept: the system keychain unless set (tests use their own); not owned.
    void setTokenStore(TokenStore *store);
    TokenStore *tokenStore() const { return m_tokenStore; }

signals:
    void stateChanged();
    void reconnectSecondsChanged();
    void serverAddressChanged();
    void serverNameChanged();
    void userNameChanged();
    void connectionErrorChanged();
    void maxContentBytesChanged();
    void currentRoomChanged();
    void typingUsersChanged();
    void roomErrorChanged();
    void serverRoomsChanged();
    void pendingCountChanged();
    void viewActiveChanged();
    void authModeChanged();
    void passwordRequiredChanged();
    void signedInChanged();
    void tokenStorageWarningChanged();
    void noticeChanged();
    void certificateProblemChanged();
    void invitationsChanged();
    void peopleChanged();
    void actionErrorChanged();
    /// Someone invited the user to the group @p room.
    void invitationReceived(const QString &room, const QString &by);
    /// A request about a group or conversation went through; @p text says what happened, for a passing note.
    void actionSucceeded(const QString &text);
    /// @p by took the user out of the group @p room (its title was @p title).
    void removedFromGroup(const QString &room, const QString &by);
    /// Everyone who belongs to @p room (fetchRoster()).
    void rosterReady(const QString &room, const QStringList &roster);
    /// A new message from someone else arrived (for notifications and unread marks).
    void messageArrived(const QString &room, const QString &user, const QString &content);
    /// The server closed a room the user was in.
    void roomClosed(const QString &room);
    /// The user's joined room list changed (to remember it).
    void joinedRoomsChanged();

private:
    /// Text for the user, made when it is read so that it follows a language switch (empty: none).
    using Text = std::function<QString()>;

    struct RoomState
    {
        std::unique_ptr<MessageModel> messages;
        std::unique_ptr<MemberModel> members;
        QHash<QString, qint64> typing; ///< user -> when the indicator expires (ms since epoch)
        Text error;
        bool joined = false;    ///< The server confirmed the join on the current connection.
        QString historyRequest; ///< Request id of a history page in flight.
        /// Opened because someone wrote: the messages of the first join after this seq are news, not old history.
        std::optional<quint64> announceAfterSeq;
    };

    /// A request about private rooms in flight, to match its answer or error.
    struct PrivateRequest
    {
        enum Kind
        {
            OpenDirect,
            CreateGroup,
            Invite,
            Accept,
            Decline,
            Remove,
        };
        Kind kind = OpenDirect;
        QString room; ///< Empty for OpenDirect (the server names the room).
        QString user; ///< OpenDirect, Invite, Remove: who.
    };

    /// What logIn() or createAccount() asked for, used once the server said it has accounts.
    struct Credentials
    {
        QString password;
        bool createAccount = false;
    };

    RoomState &room(const QString &name);
    void setState(ConnectionState state);
    void setConnectionError(Text error);
    bool startConnection(const QString &address, const QString &user, std::optional<Credentials> credentials);
    /// Shows the rooms and outbox of m_address and m_user; @p fresh: drop what is shown first (another account).
    void loadAccountView(bool fresh);
    void openSocket();
    /// Asks /health how the server lets people in, then logs in or finds the token as needed, then opens the socket.
    void preflight();
    void continueWithAccounts();
    void useToken(const QString &token);
    void logInWithCredentials();
    void onLoggedIn(const AccountClient::Answer &answer);
    void openWebSocket();
    /// Stops and waits for a password, with @p error (if any) saying why.
    void requirePassword(Text error);
    void setPasswordRequired(bool required);
    void setAuthMode(AuthMode mode, bool registrationOpen);
    void setToken(const QString &token);
    void setNotice(Text notice);
    /// The server banned the user: stop for good (until the user connects again), saying so.
    void stopBanned();
    /// The server's spelling of the user's name (accounts match names without regard to case).
    void adoptServerSpelling(const QString &user);
    QString tokenKey() const;
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void setCertificateProblem(QVariantMap problem);
    void onText(const QString &text);
    void handleWelcome(const QJsonObject &frame);
    void handleJoined(const QJsonObject &frame);
    void handleMessage(const QJsonObject &frame);
    void handleAck(const QJsonObject &frame);
    void handleError(const QJsonObject &frame);
    void handleHistory(const QJsonObject &frame);
    void handleTyping(const QJsonObject &frame);
    void handlePresence(const QJsonObject &frame, bool joinedRoom);
    void handleRoomClosed(const QJsonObject &frame);
    void handleDirectOpened(const QJsonObject &frame);
    void handleInvited(const QJsonObject &frame);
    void handleInviteDeclined(const QJsonObject &frame);
    void handleMemberRemoved(const QJsonObject &frame);
    /// A joined frame that answers openDirect(), createGroup() or acceptInvitation(): the room joins the list.
    void adoptRequestedRoom(const PrivateRequest &request, const QString &room);
    /// An error frame answering a private-room request; false if @p requestId is not one.
    bool handlePrivateRequestError(const QString &requestId, const QString &code, const QString &message);
    /// Whether a private-room request can go out now; says why not (actionError) when it cannot.
    bool readyForPrivateRequest();
    /// Sends a private-room request and remembers it.
    void sendPrivateRequest(const QString &frameType, PrivateRequest request);
    void setActionError(Text error);
    void setInvitations(QVariantList invitations);
    void removeInvitation(const QString &room);
    /// GET /api/invites: invitations made while the user was away.
    void refreshInvitations();
    /// A REST GET with the login token; @p done gets the parsed JSON (nothing on failure).
    void getJson(const QString &path, std::function<void(const QJsonDocument &)> done);
    /// Kind, peer and owner of the joined rooms, kept with the room list.
    void saveRoomInfo() const;
    void loadRoomInfo();
    bool isOwnName(const QString &name) const;
    void sendJoin(const QString &room);
    void flushOutbox(const QString &room);
    void sendFrame(const QJsonObject &frame);
    QString nextRequestId();
    void expireTyping();
    void setRoomError(const QString &room, Text error);
    /// What to tell the user about an error frame with @p code and the server's @p message.
    Text serverErrorText(const QString &code, const QString &message) const;
    /// Drops a room from the view, the outbox and the remembered list (after leaving it, or its deletion).
    void forgetRoom(const QString &roomName);
    void saveJoinedRooms() const;
    QStringList loadJoinedRooms() const;
    QString accountKey() const;
    void sendTypingState(const QString &room, bool active);
    void heartbeat();

    std::unique_ptr<QWebSocket> m_socket;
    QNetworkAccessManager *m_network = nullptr;
    AccountClient *m_accounts = nullptr;
    std::unique_ptr<TokenStore> m_ownTokenStore;
    TokenStore *m_tokenStore = nullptr;
    AuthMode m_authMode = AuthUnknown;
    bool m_registrationOpen = false;
    bool m_passwordRequired = false;
    QString m_token;                          ///< The login token this connection carries (accounts).
    std::optional<Credentials> m_credentials; ///< From logIn() or createAccount(), until used.
    quint64 m_attempt = 0;                    ///< Counts connection attempts; answers to an older one are dropped.
    Text m_notice;
    std::optional<ServerAddress> m_address;
    QString m_user;
    QString m_serverName;
    Text m_connectionError;
    ConnectionState m_state = Disconnected;
    int m_maxContentBytes = 4096;

    RoomListModel m_rooms;
    std::map<QString, RoomState> m_roomStates;
    QString m_currentRoom;
    QVariantList m_serverRooms;
    QHash<QString, QString> m_sentClientIds; ///< request id -> client id of sends in flight
    QHash<QString, QString> m_joinRequests;  ///< request id -> room

    std::unique_ptr<Outbox> m_outbox;
    QString m_outboxPath;

    QTimer m_reconnectTimer;
    QTimer m_countdownTimer;
    QTimer m_typingExpiry;
    QTimer m_pingTimer;
    int m_reconnectAttempt = 0;
    int m_reconnectBaseMs = 1000;
    int m_reconnectSeconds = 0;
    bool m_wantConnection = false;
    QHash<QString, qint64> m_lastTypingSent; ///< room -> ms of the last "typing" sent
    QHash<QString, qint64> m_lastKeystroke;  ///< room -> ms of the last keystroke
    qint64 m_lastReceivedMs = 0;
    QSet<QString> m_retryScheduled; ///< Rooms whose outbox is sent again after a passing refusal
    bool m_viewActive = true;
    quint64 m_nextRequest = 1;
    QVariantMap m_certificateProblem;
    QHash<QString, PrivateRequest> m_privateRequests; ///< request id -> request
    QVariantList m_invitations;
    QVariantList m_people;
    Text m_actionError;
    QHash<QString, quint64> m_closedConversations; ///< Direct rooms closed in this run -> the newest seq seen then.
    QSslCertificate m_problemCertificate;
    QList<QSslError> m_problemErrors;
    bool m_certificateRefused = false; ///< The current socket fails on its certificate: do not retry by itself.
};

} // namespace natter
