#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

Q_LOGGING_CATEGORY(lcInstance, "natter.app.instance")

namespace natter {

namespace {

/// A message is one line of JSON; anything longer than this is not from Natter.
constexpr qint64 maxMessageBytes = 64 * 1024;
/// How long a connected launch may take to send its message.
constexpr int messageTimeoutMs = 5000;
/// Between tries while the other instance starts up (holds the lock, not listening yet) or shuts down.
constexpr int retryIntervalMs = 50;

const QLatin1String argumentsKey("arguments");
const QLatin1String tokenKey("activationToken");
const QByteArray reply("ok\n");

} // namespace

SingleInstance::SingleInstance(const QString &directory, const QString &name, QObject *parent)
    : QObject(parent)
    , m_lockPath(QDir(directory).filePath(name + QStringLiteral(".lock")))
{
#ifdef Q_OS_WIN
    // Pipe names are machine-wide: the per-user lock path makes the name per user and profile.
    m_serverName =
        name + QLatin1Char('-') +
        QString::fromLatin1(QCryptographicHash::hash(m_lockPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
#else
    // Next to the lock, in a directory only this user can enter. A Unix socket path is limited to about 100
    // bytes; a deeper directory falls back to a name in the temporary directory, hashed from the lock path.
    m_serverName = QDir(directory).filePath(name + QStringLiteral(".socket"));
    if (QFile::encodeName(m_serverName).size() > 100)
        m_serverName = name + QLatin1Char('-') +
                       QString::fromLatin1(
                           QCryptographicHash::hash(m_lockPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
#endif
}

SingleInstance::~SingleInstance()
{
    // Stop listening before the lock goes, so that a new first instance never finds our socket in its way.
    delete m_server;
    m_server = nullptr;
}

QString SingleInstance::defaultDirectory()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // $XDG_RUNTIME_DIR: private to the user, and emptied at logout and reboot.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return runtime;
#endif
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

SingleInstance::Role SingleInstance::start(const QStringList &arguments, int timeoutMs)
{
    const QString directory = QFileInfo(m_lockPath).absolutePath();
    if (!QDir().mkpath(directory)) {
        m_error = tr("cannot create the directory %1").arg(QDir::toNativeSeparators(directory));
        return Role::Unavailable;
    }
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    // The lock lives as long as the app: never consider it stale because of its age, only because its
    // process is gone.
    m_lock->setStaleLockTime(0);

    const QJsonObject payload{{argumentsKey, QJsonArray::fromStringList(arguments)},
                              {tokenKey, qEnvironmentVariable("XDG_ACTIVATION_TOKEN")}};
    const QByteArray message = QJsonDocument(payload).toJson(QJsonDocument::Compact) + '\n';

    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        // Takes over a lock whose process died (QLockFile checks the process id and name).
        if (m_lock->tryLock(0)) {
            listen();
            return Role::Primary;
        }
        if (m_lock->error() != QLockFile::LockFailedError) {
            m_error = m_lock->error() == QLockFile::PermissionError
                          ? tr("no permission to create %1").arg(QDir::toNativeSeparators(m_lockPath))
                          : tr("cannot use the lock file %1").arg(QDir::toNativeSeparators(m_lockPath));
            m_lock.reset();
            return Role::Unavailable;
        }
        if (sendToRunningInstance(message, int(std::max<qint64>(deadline.remainingTime(), 1))))
            return Role::Secondary;
        if (deadline.hasExpired())
            break;
        QThread::msleep(retryIntervalMs);
    }
    qint64 pid = 0;
    QString host;
    QString application;
    m_lock->getLockInfo(&pid, &host, &application);
    m_error = tr("Natter is already running (process %1) but does not answer").arg(pid);
    m_lock.reset();
    return Role::Unreachable;
}

bool SingleInstance::sendToRunningInstance(const QByteArray &message, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto remaining = [&] {
        return int(std::max<qint64>(deadline.remainingTime(), 0));
    };
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(remaining()))
        return false;
#ifdef Q_OS_WIN
    // Windows lets only the foreground process hand the foreground on: allow the running instance to take it.
    AllowSetForegroundWindow(ASFW_ANY);
#endif
    socket.write(message);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(remaining()))
            return false;
    }
    // The answer says the message was read; without it (the other instance was quitting) try again.
    QByteArray answer;
    while (!answer.contains('\n')) {
        if (!socket.waitForReadyRead(remaining()))
            return false;
        answer += socket.readAll();
        if (answer.size() > reply.size())
            return false;
    }
    return answer == reply;
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // The lock is ours, so a socket left under this name belongs to an instance that crashed.
    QLocalServer::removeServer(m_serverName);
    if (!m_server->listen(m_serverName)) {
        qCWarning(lcInstance).noquote() << "cannot listen for later launches on" << m_serverName << ":"
                                        << m_server->errorString();
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
            // A connection that never finishes its message is dropped.
            QTimer::singleShot(messageTimeoutMs, socket, [socket] { socket->abort(); });
            readMessage(socket);
        }
    });
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > maxMessageBytes)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(maxMessageBytes);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcInstance) << "ignoring a malformed message from a later launch";
        socket->abort();
        return;
    }
    QStringList arguments;
    const QJsonArray list = document.object().value(argumentsKey).toArray();
    for (const QJsonValue &value : list)
        arguments.append(value.toString());
    const QString token = document.object().value(tokenKey).toString();
    // One message per connection. Answer first: the other process can exit while this one acts on it.
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    socket->write(reply);
    socket->disconnectFromServer();
    qCInfo(lcInstance).noquote() << "launched again with" << arguments.join(QLatin1Char(' '));
    emit messageReceived(arguments, token);
}

} // namespace natter
