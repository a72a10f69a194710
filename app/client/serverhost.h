#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace natter {

class ChatServer;

/**
 * @brief "Host a server" in the desktop app: the same engine as `natter --server`, on its own threads,
 * started and stopped from the GUI thread.
 */
class ServerHost : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(int port READ port NOTIFY runningChanged)
    Q_PROPERTY(QString serverName READ serverName NOTIFY runningChanged)
    Q_PROPERTY(QStringList addresses READ addresses NOTIFY runningChanged)
    Q_PROPERTY(int connectionCount READ connectionCount NOTIFY connectionCountChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit ServerHost(QObject *parent = nullptr);
    ~ServerHost() override;

    bool isRunning() const;
    int port() const;
    QString serverName() const { return m_serverName; }
    /// host:port strings others on the network can use.
    QStringList addresses() const;
    int connectionCount() const { return m_connectionCount; }
    QString error() const { return m_error ? m_error() : QString(); }

    /// Starts hosting on @p port (0 picks a free one) as @p name. False with error() set on failure.
    Q_INVOKABLE bool start(int port, const QString &name);
    /// Closes every connection with 1001 and stops the server's threads.
    Q_INVOKABLE void stop();
    /// The address the host's own client uses (loopback).
    Q_INVOKABLE QString localAddress() const;

    /// Where the LAN beacon goes (tests keep it on loopback); empty disables it.
    void setAnnounce(const QString &address, quint16 port);
    void setBindAddress(const QString &address) { m_bindAddress = address; }
    /// Where the hosted server keeps its messages (see ServerConfig::database); default: SQLite in the app's
    /// data location, so a hosted room keeps its history across restarts.
    void setDatabase(const QString &database) { m_database = database; }

signals:
    void runningChanged();
    void connectionCountChanged();
    void errorChanged();

private:
    /// Made when read, so that it follows a language switch (empty: no error).
    void setError(std::function<QString()> error);
    void pollConnections();

    std::unique_ptr<ChatServer> m_server;
    QString m_serverName;
    std::function<QString()> m_error;
    int m_connectionCount = 0;
    QTimer m_poll;
    QString m_announceAddress;
    quint16 m_announcePort;
    QString m_bindAddress;
    QString m_database;
};

} // namespace natter
