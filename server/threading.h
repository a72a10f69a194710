#pragma once

#include <QMetaObject>

#include <utility>

namespace natter {

/**
 * Runs @p task on @p target's thread, as target's own event, in posting order. The way the server's
 * threads talk: a task captures implicitly shared values (QByteArray, QString, QList), never pointers
 * into another thread's state. If @p target is destroyed first, the task is dropped with it.
 */
template <typename Target, typename Task> void postTo(Target *target, Task &&task)
{
    QMetaObject::invokeMethod(
        target, [target, task = std::forward<Task>(task)]() mutable { task(*target); }, Qt::QueuedConnection);
}

} // namespace natter
