#include "listener.h"

#include "ioworker.h"
#include "servercontext.h"
#include "threading.h"

namespace natter {

Listener::Listener(ServerContext &context)
    : m_context(context)
{
    setObjectName(QStringLiteral("listener"));
    // Qt's default backlog of 50 makes a crowd of clients connecting at once wait for SYN retries.
    setListenBacklogSize(context.config.listenBacklog);
}

void Listener::incomingConnection(qintptr socketDescriptor)
{
    IoWorker *worker = m_context.workers.at(m_next);
    m_next = (m_next + 1) % m_context.workers.size();
    postTo(worker, [socketDescriptor](IoWorker &target) { target.adopt(socketDescriptor); });
}

} // namespace natter
