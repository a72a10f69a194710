#pragma once

#include "accounts.h"
#include "httpmessage.h"
#include "protocol.h"
#include "restroute.h"
#include "roomshard.h"

#include <functional>
#include <optional>

namespace natter {

struct ServerContext;
class IoWorker;

/**
 * @brief The REST API and the operational endpoints (/health, /stats, /metrics), answered on an I/O
 * worker's thread. Room state is read from the shards that own it, asynchronously.
 */
class RestApi
{
public:
    using Reply = std::function<void(const http::Response &)>;

    RestApi(ServerContext &context, IoWorker &worker);

    void handle(const http::Request &request, Reply reply);

    /// What came of a kick, ban or unban: the user as registered, or why it was refused.
    struct Moderation
    {
        QString user;
        struct Refusal
        {
            int status = 400; ///< For REST.
            protocol::ErrorCode code = protocol::ErrorCode::InvalidPayload;
            QString message;
        };
        std::optional<Refusal> refusal;
    };
    /// Kicks, bans or unbans @p name (the caller is an admin; whoever asks checked). REST and the typed protocol
    /// both use it and render the outcome each in their own form.
    void moderate(protocol::Moderate::Action action, const Account &caller, const QString &name,
                  std::function<void(const Moderation &)> done);

    /// Deletes @p room (the caller is an admin): here, in the store, and in a cluster on every server.
    void removeRoom(const QString &room, std::function<void(RoomShard::DeleteResult)> done);

    /// The JSON of /stats and the text of /metrics, from the shared counters.
    static QByteArray statsJson(const ServerContext &context);
    static QByteArray prometheusText(const ServerContext &context);

private:
    void listRooms(const QString &viewer, Reply reply);
    void listClusterRooms(const QString &viewer, Reply reply);
    /// Runs @p then if @p viewer may see @p room (always without accounts); else answers 403 NOT_A_MEMBER.
    void ifMember(const QString &room, const QString &viewer, std::function<void()> then, Reply reply);
    void invitations(const QString &viewer, Reply reply);
    /// POST/DELETE /api/users/{name}/ban, POST /api/users/{name}/kick.
    void userAction(rest::Endpoint action, const Account &caller, const QString &name, Reply reply);
    void createRoom(const http::Request &request, Reply reply);
    void getRoom(const QString &room, const QString &viewer, Reply reply);
    void updateRoom(const http::Request &request, const QString &room, Reply reply);
    void deleteRoom(const QString &room, Reply reply);
    void roomMessages(const QString &room, int pageSize, quint64 beforeSeq, Reply reply);
    void roomMembers(const QString &room, Reply reply);
    void online(Reply reply);
    /// Identified users and their connection counts: this server's, and in a cluster the other servers' too.
    void onlineEverywhere(std::function<void(QHash<QString, int>)> done);
    /// Every account that is not banned, with whether it is online: who a user can write to or invite.
    void users(Reply reply);

    /// 503 STORAGE_UNAVAILABLE: the database could not answer; @p what says what could not be done.
    static http::Response storageUnavailable(const QString &what);

    // Accounts (restaccounts.cpp).
    /// 404 ACCOUNTS_DISABLED: the endpoint exists only with --auth accounts.
    static http::Response accountsDisabled();
    void registerAccount(const http::Request &request, Reply reply);
    void storeNewAccount(const Account &account, Reply reply);
    void login(const http::Request &request, Reply reply);
    void checkPassword(const std::optional<Account> &account, const QString &password, Reply reply);
    /// In a cluster: tells the other servers to read @p user's account again (registered, banned, unbanned).
    void announceAccount(const QString &user);

    /// Runs @p work on the password hashing pool and @p done with its result back on this thread.
    template <typename Result> void offload(std::function<Result()> work, std::function<void(Result)> done);

    ServerContext &m_context;
    IoWorker &m_worker;
};

} // namespace natter
