#pragma once

#include "httpmessage.h"

#include <functional>

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

    /// The JSON of /stats and the text of /metrics, from the shared counters.
    static QByteArray statsJson(const ServerContext &context);
    static QByteArray prometheusText(const ServerContext &context);

private:
    void listRooms(Reply reply);
    void createRoom(const http::Request &request, Reply reply);
    void getRoom(const QString &room, Reply reply);
    void updateRoom(const http::Request &request, const QString &room, Reply reply);
    void deleteRoom(const QString &room, Reply reply);
    void roomMessages(const QString &room, int pageSize, quint64 beforeSeq, Reply reply);
    void roomMembers(const QString &room, Reply reply);
    void online(Reply reply);

    ServerContext &m_context;
    IoWorker &m_worker;
};

} // namespace natter
