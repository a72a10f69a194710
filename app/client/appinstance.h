#pragma once

#include "autostart.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <variant>

namespace natter {

/// The desktop app's command line: `natter [--minimized] [--profile NAME] [natter://host:port/room]`.
struct LaunchOptions
{
    /// Start with the window hidden in the tray (minimised where there is no tray).
    bool minimized = false;
    /// A separate set of settings, data and running instance; empty for the usual one.
    QString profile;
    /// natter:// links to open, as given (checked when opened, so that a bad one is reported in the window).
    QStringList links;

    /// Parses @p arguments (the first is the program). Returns the options or an error message.
    static std::variant<LaunchOptions, QString> parse(const QStringList &arguments);

    /// `natter`, or `natter-PROFILE`: the application name, which separates settings, data and instances.
    QString applicationName() const;
    /// The name of the start-at-login entry: `chat.natter.Natter`, or `chat.natter.Natter-PROFILE`.
    QString autostartId() const;
};

/**
 * @brief This running app as the desktop sees it: how it was started, what later launches ask of it (another
 * `natter` command, a natter:// link clicked in a browser), and whether it starts at login.
 *
 * Created by the application before the window and handed to Main.qml as its `appInstance` property.
 */
class AppInstance : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the AppInstance at start-up.")
    /// Started with --minimized (and no link to open): the window stays in the tray.
    Q_PROPERTY(bool startMinimized READ startMinimized CONSTANT)
    Q_PROPERTY(bool startAtLogin READ startAtLogin NOTIFY startAtLoginChanged)
    /// Why the last change to startAtLogin failed; empty after a success.
    Q_PROPERTY(QString startAtLoginError READ startAtLoginError NOTIFY startAtLoginErrorChanged)

public:
    explicit AppInstance(const LaunchOptions &options = {}, QObject *parent = nullptr);
    ~AppInstance() override;

    bool startMinimized() const { return m_options.minimized && m_options.links.isEmpty(); }
    bool startAtLogin() const { return m_autostart.isEnabled(); }
    QString startAtLoginError() const { return m_startAtLoginError; }

    /// Turns starting at login on or off; @p minimized starts Natter in the tray then. Returns whether it worked.
    Q_INVOKABLE bool setStartAtLogin(bool enabled, bool minimized);

    /// Opens the links this process was started with; call once the window listens to the signals.
    void openStartupLinks();
    /// Another launch handed over its @p arguments (and its @p activationToken, for Wayland).
    void handleLaunch(const QStringList &arguments, const QString &activationToken);
    /// Opens a natter:// @p link: linkOpened(), or linkFailed() with the reason.
    Q_INVOKABLE void openLink(const QString &link);

    const Autostart &autostart() const { return m_autostart; }

signals:
    void startAtLoginChanged();
    void startAtLoginErrorChanged();
    /// Show and raise the window (Natter was started again).
    void activationRequested();
    /// A link asks to open @p room (may be empty) on the server at @p address ("host:port"); @p user is a
    /// suggested name (may be empty).
    void linkOpened(const QString &address, const QString &room, const QString &user);
    /// A link could not be opened; @p message says why, for the user.
    void linkFailed(const QString &message);

protected:
    /// macOS delivers clicked links as QFileOpenEvent rather than on a command line.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setStartAtLoginError(const QString &error);

    LaunchOptions m_options;
    Autostart m_autostart;
    QString m_startAtLoginError;
};

} // namespace natter
