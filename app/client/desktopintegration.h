#pragma once

#include <QObject>
#include <QPointer>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

class QAction;
class QSystemTrayIcon;
class QMenu;

namespace natter {

/**
 * @brief The system tray icon and desktop notifications. The tray shows whether anything is unread; a
 * notification is raised only while the window is not focused. Without a system tray (some desktops,
 * the offscreen platform) everything here quietly does nothing and `trayAvailable` is false.
 */
class DesktopIntegration : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(int unreadCount READ unreadCount WRITE setUnreadCount NOTIFY unreadCountChanged)
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY mutedChanged)
    Q_PROPERTY(QWindow *window READ window WRITE setWindow NOTIFY windowChanged)

public:
    explicit DesktopIntegration(QObject *parent = nullptr);
    ~DesktopIntegration() override;

    bool trayAvailable() const;
    int unreadCount() const { return m_unread; }
    void setUnreadCount(int count);
    bool muted() const { return m_muted; }
    void setMuted(bool muted);
    QWindow *window() const { return m_window; }
    void setWindow(QWindow *window);

    /// Shows a desktop notification for a message in @p room, unless the window is focused or muted.
    /// Returns whether one was shown.
    /// @p roomLabel: how the room is called ("#general"); empty for a direct conversation (the sender says it all).
    Q_INVOKABLE bool notifyMessage(const QString &room, const QString &roomLabel, const QString &sender,
                                   const QString &text);
    /// Someone invited the user to a group (while the window has focus its banner says so instead).
    Q_INVOKABLE bool notifyInvitation(const QString &room, const QString &by);

signals:
    void unreadCountChanged();
    void mutedChanged();
    void windowChanged();
    /// The user clicked a notification: show the window and open @p room.
    void roomRequested(const QString &room);
    void showRequested();
    void quitRequested();

private:
    /// Sets the texts of the tray menu and tooltip in the current language.
    void retranslate();
    void updateToolTip();

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_quitAction = nullptr;
    QPointer<QWindow> m_window;
    int m_unread = 0;
    bool m_muted = false;
    QString m_lastNotifiedRoom;
};

} // namespace natter
