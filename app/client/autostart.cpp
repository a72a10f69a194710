#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QXmlStreamWriter>

#include <algorithm>

namespace natter {

namespace {

#ifdef Q_OS_WIN
const QString runKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
#endif

/// One argument of a desktop entry's Exec line: quoted when it holds a reserved character, with `"`, `` ` ``,
/// `$` and `\` escaped inside the quotes; `%` doubled, since `%x` are field codes.
QString execArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    const bool quote = argument.isEmpty() ||
                       std::any_of(argument.cbegin(), argument.cend(), [](QChar c) { return reserved.contains(c); });
    QString result;
    if (quote)
        result += QLatin1Char('"');
    for (const QChar c : argument) {
        if (quote && (c == u'"' || c == u'`' || c == u'$' || c == u'\\'))
            result += QLatin1Char('\\');
        result += c;
        if (c == u'%')
            result += QLatin1Char('%');
    }
    if (quote)
        result += QLatin1Char('"');
    return result;
}

/// A desktop entry string value: backslashes, new lines and tabs escaped (applied after the Exec quoting).
QString entryString(const QString &value)
{
    QString result;
    for (const QChar c : value) {
        if (c == u'\\')
            result += QStringLiteral("\\\\");
        else if (c == u'\n')
            result += QStringLiteral("\\n");
        else if (c == u'\t')
            result += QStringLiteral("\\t");
        else if (c == u'\r')
            result += QStringLiteral("\\r");
        else
            result += c;
    }
    return result;
}

/// One argument as CommandLineToArgvW splits it: quotes around white space, backslashes doubled before a quote.
QString windowsArgument(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) && !argument.contains(QLatin1Char('\t')) &&
        !argument.contains(QLatin1Char('"')))
        return argument;
    QString result = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == u'\\') {
            ++backslashes;
            continue;
        }
        result += QString(c == u'"' ? backslashes * 2 + 1 : backslashes, QLatin1Char('\\'));
        backslashes = 0;
        result += c;
    }
    result += QString(backslashes * 2, QLatin1Char('\\'));
    result += QLatin1Char('"');
    return result;
}

#if !defined(Q_OS_WIN)
bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error =
            Autostart::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool removeFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists() || file.remove())
        return true;
    *error = file.errorString();
    return false;
}
#endif

} // namespace

Autostart::Autostart(const QString &id)
    : m_id(id)
{}

QString Autostart::location() const
{
#if defined(Q_OS_WIN)
    return runKey + QLatin1Char('\\') + m_id;
#elif defined(Q_OS_DARWIN)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/") + m_id + QStringLiteral(".plist");
#else
    // $XDG_CONFIG_HOME, or ~/.config when it is not set.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart/") +
           m_id + QStringLiteral(".desktop");
#endif
}

QString Autostart::defaultProgram()
{
    // An AppImage runs from a new mount point each time; the image itself stays where the user put it.
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    if (!appImage.isEmpty() && QFileInfo(appImage).isFile())
        return appImage;
    return QCoreApplication::applicationFilePath();
}

bool Autostart::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(runKey, QSettings::NativeFormat).contains(m_id);
#elif defined(Q_OS_DARWIN)
    return QFileInfo::exists(location());
#else
    QFile file(location());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // Session managers switch an entry off in place rather than deleting it.
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
#endif
}

bool Autostart::enable(const QString &program, const QStringList &arguments)
{
    m_error.clear();
#if defined(Q_OS_WIN)
    QSettings settings(runKey, QSettings::NativeFormat);
    settings.setValue(m_id, windowsCommandLine(program, arguments));
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        m_error = tr("cannot write to the registry");
        return false;
    }
    return true;
#elif defined(Q_OS_DARWIN)
    return writeFile(location(), launchAgent(m_id, program, arguments), &m_error);
#else
    return writeFile(location(), desktopEntry(program, arguments).toUtf8(), &m_error);
#endif
}

bool Autostart::disable()
{
    m_error.clear();
#if defined(Q_OS_WIN)
    QSettings settings(runKey, QSettings::NativeFormat);
    settings.remove(m_id);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        m_error = tr("cannot write to the registry");
        return false;
    }
    return true;
#else
    return removeFile(location(), &m_error);
#endif
}

QString Autostart::desktopEntry(const QString &program, const QStringList &arguments)
{
    QStringList command{execArgument(program)};
    for (const QString &argument : arguments)
        command.append(execArgument(argument));
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Natter\n"
                          "Exec=%1\n"
                          "Icon=chat.natter.Natter\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(entryString(command.join(QLatin1Char(' '))));
}

QByteArray Autostart::launchAgent(const QString &label, const QString &program, const QStringList &arguments)
{
    QByteArray content;
    QXmlStreamWriter xml(&content);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("dict"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Label"));
    xml.writeTextElement(QStringLiteral("string"), label);
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    xml.writeStartElement(QStringLiteral("array"));
    xml.writeTextElement(QStringLiteral("string"), program);
    for (const QString &argument : arguments)
        xml.writeTextElement(QStringLiteral("string"), argument);
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    xml.writeEmptyElement(QStringLiteral("true"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProcessType"));
    xml.writeTextElement(QStringLiteral("string"), QStringLiteral("Interactive"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return content;
}

QString Autostart::windowsCommandLine(const QString &program, const QStringList &arguments)
{
    // The program always in quotes: an unquoted path with spaces could run another program.
    QStringList parts{QLatin1Char('"') + QString(program).replace(QLatin1Char('/'), QLatin1Char('\\')) +
                      QLatin1Char('"')};
    for (const QString &argument : arguments)
        parts.append(windowsArgument(argument));
    return parts.join(QLatin1Char(' '));
}

} // namespace natter
