#pragma once

#include <QTcpServer>

namespace natter {

struct ServerContext;

/**
 * @brief Accepts connections and hands each descriptor to an I/O worker, round robin.
 *
 * The worker creates the socket itself, so every socket lives on the thread that serves it for its whole life
 * (server-side sockets cannot move between threads). Accepting on one thread also works on every platform.
 */
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    explicit Listener(ServerContext &context);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    ServerContext &m_context;
    qsizetype m_next = 0;
};

} // namespace natter
