#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace natter {

/**
 * @brief Starting the app when the user logs in, the way each desktop expects it:
 *
 * - Linux and other XDG desktops: a desktop entry in `$XDG_CONFIG_HOME/autostart` (`~/.config/autostart`);
 * - Windows: a value under `HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run`;
 * - macOS: a launch agent in `~/Library/LaunchAgents`.
 *
 * The entry itself is the setting: isEnabled() reads it back, so removing it outside Natter turns the setting off.
 */
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    /// @p id names the entry: the file name without extension (`chat.natter.Natter`), or the registry value.
    explicit Autostart(const QString &id);

    bool isEnabled() const;
    /// Writes (or rewrites) the entry to run @p program with @p arguments. False with errorString() on failure.
    bool enable(const QString &program, const QStringList &arguments);
    /// Removes the entry; succeeds when there was none.
    bool disable();
    QString errorString() const { return m_error; }
    /// Where the entry is: a file path, or the registry key and value name.
    QString location() const;

    /// The executable to start: the AppImage when running from one, else this executable.
    static QString defaultProgram();

    /// The desktop entry that runs @p program with @p arguments (Exec quoted and escaped as the spec requires).
    static QString desktopEntry(const QString &program, const QStringList &arguments);
    /// The launch agent property list with @p label that runs @p program with @p arguments at login.
    static QByteArray launchAgent(const QString &label, const QString &program, const QStringList &arguments);
    /// A Windows command line (quoted the way CommandLineToArgvW reads it back).
    static QString windowsCommandLine(const QString &program, const QStringList &arguments);

private:
    QString m_id;
    mutable QString m_error;
};

} // namespace natter
