#include "appinstance.h"

#include "natterlink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileOpenEvent>
#include <QGuiApplication>
#include <QRegularExpression>

namespace natter {

namespace {

const QString minimizedName = QStringLiteral("minimized");
const QString profileName = QStringLiteral("profile");

} // namespace

std::variant<LaunchOptions, QString> LaunchOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption minimized(minimizedName, QStringLiteral("Start in the tray."));
    const QCommandLineOption profile(profileName, QStringLiteral("Use separate settings and data."),
                                     QStringLiteral("name"));
    parser.addOption(minimized);
    parser.addOption(profile);
    parser.addPositionalArgument(QStringLiteral("link"), QStringLiteral("A natter://host:port/room link to open."));
    if (!parser.parse(arguments))
        return parser.errorText();

    LaunchOptions options;
    options.minimized = parser.isSet(minimized);
    options.links = parser.positionalArguments();
    if (parser.isSet(profile)) {
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
        options.profile = parser.value(profile);
        if (!valid.match(options.profile).hasMatch())
            return QStringLiteral("--profile expects 1 to 32 letters, digits, '-' or '_', not '%1'")
                .arg(options.profile);
    }
    return options;
}

QString LaunchOptions::applicationName() const
{
    return profile.isEmpty() ? QStringLiteral("natter") : QStringLiteral("natter-") + profile;
}

QString LaunchOptions::autostartId() const
{
    return profile.isEmpty() ? QStringLiteral("chat.natter.Natter") : QStringLiteral("chat.natter.Natter-") + profile;
}

AppInstance::AppInstance(const LaunchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_autostart(options.autostartId())
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

AppInstance::~AppInstance() = default;

bool AppInstance::setStartAtLogin(bool enabled, bool minimized)
{
    QStringList arguments;
    if (minimized)
        arguments.append(QStringLiteral("--") + minimizedName);
    if (!m_options.profile.isEmpty())
        arguments += {QStringLiteral("--") + profileName, m_options.profile};
    const bool ok = enabled ? m_autostart.enable(Autostart::defaultProgram(), arguments) : m_autostart.disable();
    setStartAtLoginError(ok ? QString() : m_autostart.errorString());
    emit startAtLoginChanged();
    return ok;
}

void AppInstance::setStartAtLoginError(const QString &error)
{
    if (m_startAtLoginError == error)
        return;
    m_startAtLoginError = error;
    emit startAtLoginErrorChanged();
}

void AppInstance::openStartupLinks()
{
    // `natter %u` passes one link; should there be several, the last one is where the user ends up.
    if (!m_options.links.isEmpty())
        openLink(m_options.links.constLast());
}

void AppInstance::handleLaunch(const QStringList &arguments, const QString &activationToken)
{
    const auto parsed = LaunchOptions::parse(QStringList{QStringLiteral("natter")} + arguments);
    const auto *options = std::get_if<LaunchOptions>(&parsed);
    if (!options)
        return; // The other launch checked its command line before handing it over.
    // Wayland only lets a window take the focus with a token from the launch that asked for it.
    if (!activationToken.isEmpty() && QGuiApplication::platformName() == QLatin1String("wayland"))
        qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8());
    if (!options->links.isEmpty())
        openLink(options->links.constLast());
    else if (!options->minimized)
        emit activationRequested();
    // Started again with --minimized (say, at login while already running): nothing to do.
}

void AppInstance::openLink(const QString &link)
{
    QString error;
    const auto parsed = NatterLink::parse(link, &error);
    if (!parsed) {
        emit linkFailed(error);
        return;
    }
    emit linkOpened(parsed->server.display(), parsed->room, parsed->user);
}

bool AppInstance::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FileOpen) {
        const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
        if (url.scheme().compare(QLatin1String("natter"), Qt::CaseInsensitive) == 0) {
            openLink(url.toString(QUrl::FullyEncoded));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace natter
