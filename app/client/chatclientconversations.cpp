// ChatClient, private rooms on a server with accounts: direct conversations, invite-only groups, invitations, and
// the people one can write to. The server decides who may do what; this side keeps the room list and the
// invitations in step with its answers and says in the user's language why a request did not work.
#include "certificatetrust.h"
#include "chatclient.h"

#include "names.h"
#include "protocol.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>

namespace natter {

namespace field = protocol::field;
namespace type = protocol::type;

namespace {
QString roomInfoKey(const QString &accountKey)
{
    return QStringLiteral("roomInfo/") +
           QString::fromLatin1(QCryptographicHash::hash(accountKey.toUtf8(), QCryptographicHash::Sha1).toHex());
}
} // namespace

bool ChatClient::isOwnName(const QString &name) const
{
    return names::userKey(name) == names::userKey(m_user);
}

void ChatClient::setActionError(Text error)
{
    if (!error && !m_actionError)
        return;
    m_actionError = std::move(error);
    emit actionErrorChanged();
}

void ChatClient::clearActionError()
{
    setActionError({});
}

bool ChatClient::readyForPrivateRequest()
{
    if (m_state == Connected)
        return true;
    // Not queued like messages: the answer would come too late to mean anything to the dialog that asked.
    setActionError([] { return tr("Not connected. Try again when the connection is back."); });
    return false;
}

void ChatClient::sendPrivateRequest(const QString &frameType, PrivateRequest request)
{
    QJsonObject frame{{field::type, frameType}};
    if (!request.room.isEmpty())
        frame.insert(field::room, request.room);
    if (!request.user.isEmpty())
        frame.insert(field::user, request.user);
    const QString id = nextRequestId();
    frame.insert(field::requestId, id);
    m_privateRequests.insert(id, std::move(request));
    setActionError({});
    sendFrame(frame);
}

QString ChatClient::directRoomWith(const QString &user) const
{
    const QString name = user.trimmed();
    if (!names::isValidUserName(name) || m_user.isEmpty())
        return {};
    return names::directRoomName(m_user, name);
}

bool ChatClient::openDirect(const QString &user)
{
    const QString name = user.trimmed();
    if (!privateRoomsAvailable()) {
        setActionError([] { return tr("Direct messages need accounts, and this server has none."); });
        return false;
    }
    if (!names::isValidUserName(name)) {
        setActionError([] { return tr("Choose a name of 1 to 64 characters."); });
        return false;
    }
    if (isOwnName(name)) {
        setActionError([] { return tr("That is you. Pick someone else."); });
        return false;
    }
    // Already open here: the same room whoever started it.
    const QString existing = names::directRoomName(m_user, name);
    if (m_rooms.contains(existing)) {
        setActionError({});
        setCurrentRoom(existing);
        return true;
    }
    if (!readyForPrivateRequest())
        return false;
    sendPrivateRequest(type::direct, {PrivateRequest::OpenDirect, {}, name});
    return true;
}

bool ChatClient::createGroup(const QString &roomName)
{
    const QString name = roomName.trimmed();
    if (!privateRoomsAvailable()) {
        setActionError([] { return tr("Groups need accounts, and this server has none."); });
        return false;
    }
    if (!names::isValidRoomName(name) || names::isDirectRoomName(name)) {
        setActionError([] { return tr("Use 1 to 64 letters, digits, dots, dashes or underscores."); });
        return false;
    }
    if (m_rooms.contains(name)) {
        setActionError([name] { return tr("You are already in a room called “%1”.").arg(name); });
        return false;
    }
    if (!readyForPrivateRequest())
        return false;
    sendPrivateRequest(type::createGroup, {PrivateRequest::CreateGroup, name, {}});
    return true;
}

bool ChatClient::inviteToGroup(const QString &roomName, const QString &user)
{
    const QString name = user.trimmed();
    if (!names::isValidUserName(name)) {
        setActionError([] { return tr("Choose a name of 1 to 64 characters."); });
        return false;
    }
    if (!readyForPrivateRequest())
        return false;
    sendPrivateRequest(type::invite, {PrivateRequest::Invite, roomName, name});
    return true;
}

void ChatClient::acceptInvitation(const QString &roomName)
{
    if (!readyForPrivateRequest())
        return;
    sendPrivateRequest(type::acceptInvite, {PrivateRequest::Accept, roomName, {}});
}

void ChatClient::declineInvitation(const QString &roomName)
{
    if (!readyForPrivateRequest())
        return;
    sendPrivateRequest(type::declineInvite, {PrivateRequest::Decline, roomName, {}});
}

void ChatClient::removeFromGroup(const QString &roomName, const QString &user)
{
    if (!readyForPrivateRequest())
        return;
    sendPrivateRequest(type::removeMember, {PrivateRequest::Remove, roomName, user});
}

void ChatClient::leaveGroup(const QString &roomName)
{
    removeFromGroup(roomName, m_user);
}

void ChatClient::adoptRequestedRoom(const PrivateRequest &request, const QString &roomName)
{
    if (request.kind == PrivateRequest::Accept)
        removeInvitation(roomName);
    if (m_rooms.contains(roomName))
        return;
    m_rooms.addRoom(roomName);
    room(roomName);
    saveJoinedRooms();
    emit joinedRoomsChanged();
}

void ChatClient::handleDirectOpened(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    const QString peer = frame.value(field::peer).toString();
    if (!names::isDirectRoomName(roomName) || m_rooms.contains(roomName))
        return;
    // Someone wrote (or opened the conversation): it comes into the list, and what they wrote counts as new.
    m_rooms.addRoom(roomName);
    m_rooms.setRoomInfo(roomName, QStringLiteral("direct"), peer, {});
    room(roomName).announceAfterSeq = m_closedConversations.value(roomName, 0);
    saveJoinedRooms();
    emit joinedRoomsChanged();
    if (m_state == Connected)
        sendJoin(roomName);
}

void ChatClient::handleInvited(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    const QString user = frame.value(field::user).toString();
    const QString by = frame.value(field::by).toString();
    if (m_privateRequests.remove(frame.value(field::requestId).toString()) > 0) {
        emit actionSucceeded(tr("Invited %1 to %2.").arg(user, roomName));
        return;
    }
    if (!isOwnName(user) || roomName.isEmpty())
        return;
    for (const QVariant &invitation : std::as_const(m_invitations)) {
        if (invitation.toMap().value(QStringLiteral("room")).toString() == roomName)
            return;
    }
    QVariantList invitations = m_invitations;
    invitations.append(QVariantMap{{QStringLiteral("room"), roomName}, {QStringLiteral("by"), by}});
    setInvitations(invitations);
    emit invitationReceived(roomName, by);
}

void ChatClient::handleInviteDeclined(const QJsonObject &frame)
{
    m_privateRequests.remove(frame.value(field::requestId).toString());
    if (isOwnName(frame.value(field::user).toString()))
        removeInvitation(frame.value(field::room).toString());
}

void ChatClient::handleMemberRemoved(const QJsonObject &frame)
{
    const QString roomName = frame.value(field::room).toString();
    const QString user = frame.value(field::user).toString();
    const QString by = frame.value(field::by).toString();
    const bool asked = m_privateRequests.remove(frame.value(field::requestId).toString()) > 0;
    if (!isOwnName(user)) {
        if (asked)
            emit actionSucceeded(tr("Removed %1 from %2.").arg(user, roomName));
        return;
    }
    removeInvitation(roomName);
    if (!m_rooms.contains(roomName))
        return;
    forgetRoom(roomName);
    if (asked || isOwnName(by))
        emit actionSucceeded(tr("You left %1.").arg(roomName));
    else
        emit removedFromGroup(roomName, by);
}

bool ChatClient::handlePrivateRequestError(const QString &requestId, const QString &code, const QString &message)
{
    const auto it = m_privateRequests.constFind(requestId);
    if (it == m_privateRequests.cend())
        return false;
    const PrivateRequest request = *it;
    m_privateRequests.erase(it);
    const QString roomName = request.room;
    const QString user = request.user;
    Text error;
    switch (protocol::errorCodeFromName(code).value_or(protocol::ErrorCode::InvalidFormat)) {
    case protocol::ErrorCode::NoSuchUser:
        error = [user] {
            return tr("There is no one called “%1” on this server.").arg(user);
        };
        break;
    case protocol::ErrorCode::NotAMember:
        if (request.kind == PrivateRequest::Accept || request.kind == PrivateRequest::Decline) {
            // Withdrawn, or answered on another computer: nothing left to answer.
            removeInvitation(roomName);
            error = [roomName] {
                return tr("The invitation to %1 is no longer open.").arg(roomName);
            };
        } else {
            error = [roomName] {
                return tr("You are not a member of %1.").arg(roomName);
            };
        }
        break;
    case protocol::ErrorCode::Forbidden:
        error = [roomName] {
            return tr("Only the owner of %1 or a server admin can do that.").arg(roomName);
        };
        break;
    case protocol::ErrorCode::AccountsRequired:
        error = [] {
            return tr("Direct messages and groups need accounts, and this server has none.");
        };
        break;
    case protocol::ErrorCode::InvalidRoom:
        if (request.kind == PrivateRequest::CreateGroup) {
            error = [roomName] {
                return tr("A room called “%1” exists already. Choose another name.").arg(roomName);
            };
            break;
        }
        [[fallthrough]];
    default:
        error = serverErrorText(code, message);
        break;
    }
    setActionError(std::move(error));
    return true;
}

void ChatClient::setInvitations(QVariantList invitations)
{
    if (invitations == m_invitations)
        return;
    m_invitations = std::move(invitations);
    emit invitationsChanged();
}

void ChatClient::removeInvitation(const QString &roomName)
{
    QVariantList invitations = m_invitations;
    invitations.removeIf(
        [&](const QVariant &invitation) { return invitation.toMap().value(QStringLiteral("room")) == roomName; });
    setInvitations(invitations);
}

void ChatClient::getJson(const QString &path, std::function<void(const QJsonDocument &)> done)
{
    if (!m_address || m_authMode != Accounts || m_token.isEmpty())
        return;
    QUrl url = m_address->httpUrl({});
    url.setPath(path, QUrl::DecodedMode); // room names may hold characters a URL path must escape
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toLatin1());
    QNetworkReply *reply = m_network->get(request);
    if (m_address->secure)
        reply->ignoreSslErrors(CertificateTrust::expectedErrors(*m_address)); // the same trust as the WebSocket's
    connect(reply, &QNetworkReply::finished, this, [this, reply, attempt = m_attempt, done = std::move(done)] {
        reply->deleteLater();
        // An answer for an earlier connection (another account, or signed out since) is not this one's.
        if (reply->error() != QNetworkReply::NoError || attempt != m_attempt)
            return;
        done(QJsonDocument::fromJson(reply->readAll()));
    });
}

void ChatClient::refreshInvitations()
{
    getJson(QString(protocol::path::invitations), [this](const QJsonDocument &document) {
        QVariantList invitations;
        for (const auto &value : document.array()) {
            const QJsonObject invitation = value.toObject();
            const QString roomName = invitation.value(field::room).toString();
            if (!roomName.isEmpty() && !m_rooms.contains(roomName))
                invitations.append(QVariantMap{{QStringLiteral("room"), roomName},
                                               {QStringLiteral("by"), invitation.value(field::by).toString()}});
        }
        setInvitations(invitations);
    });
}

void ChatClient::refreshPeople()
{
    getJson(QString(protocol::path::users), [this](const QJsonDocument &document) {
        QVariantList people;
        for (const auto &value : document.array()) {
            const QJsonObject person = value.toObject();
            if (!isOwnName(person.value(QLatin1StringView("name")).toString()))
                people.append(person.toVariantMap());
        }
        if (people != m_people) {
            m_people = people;
            emit peopleChanged();
        }
    });
}

void ChatClient::fetchRoster(const QString &roomName)
{
    getJson(QString(protocol::path::rooms) + QLatin1Char('/') + roomName,
            [this, roomName](const QJsonDocument &document) {
                QStringList roster;
                for (const auto &value : document.object().value(QLatin1StringView("roster")).toArray())
                    roster.append(value.toString());
                emit rosterReady(roomName, roster);
            });
}

void ChatClient::saveRoomInfo() const
{
    if (!m_address)
        return;
    QVariantMap info;
    for (int row = 0; row < m_rooms.count(); ++row) {
        const QString roomName = m_rooms.nameAt(row);
        const QString kind = m_rooms.kindOf(roomName);
        if (!kind.isEmpty())
            info.insert(roomName, QStringList{kind, m_rooms.peerOf(roomName), m_rooms.ownerOf(roomName)});
    }
    QSettings().setValue(roomInfoKey(accountKey()), info);
}

void ChatClient::loadRoomInfo()
{
    // Until the server answers the joins, the sidebar shows what it said last time (who a conversation is with).
    const QVariantMap info = QSettings().value(roomInfoKey(accountKey())).toMap();
    for (auto it = info.cbegin(); it != info.cend(); ++it) {
        const QStringList parts = it.value().toStringList();
        if (parts.size() == 3 && m_rooms.contains(it.key()))
            m_rooms.setRoomInfo(it.key(), parts.at(0), parts.at(1), parts.at(2));
    }
}

} // namespace natter
