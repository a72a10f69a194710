#include "headlessserver.h"

#include "authentication.h"
#include "chatserver.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

Q_LOGGING_CATEGORY(lcMain, "natter.server.main")

namespace natter {

namespace {

#ifdef Q_OS_UNIX
// Signal handlers may only do async-signal-safe work: write one byte; the event loop does the rest.
int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

bool watchTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const auto read = ::read(signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}
#elif defined(Q_OS_WIN)
BOOL WINAPI onConsoleEvent(DWORD)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    return TRUE;
}

bool watchTerminationSignals(QCoreApplication &)
{
    return SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}
#else
bool watchTerminationSignals(QCoreApplication &)
{
    return true;
}
#endif

/// One line from standard input; typed without echo when it is a terminal.
QString readSecretLine(const char *prompt)
{
#ifdef Q_OS_UNIX
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved = {};
    if (terminal) {
        std::fputs(prompt, stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
#else
    std::fputs(prompt, stderr);
#endif
    std::string line;
    std::getline(std::cin, line);
#ifdef Q_OS_UNIX
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
#endif
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

int addUser(const ServerConfig &config)
{
    const QString password = readSecretLine("Password: ");
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO) && readSecretLine("Password again: ") != password) {
        std::fputs("natter: the passwords differ; nothing was changed\n", stderr);
        return 1;
    }
#endif
    if (const QString error = createAccount(config, config.addUser, password, config.addUserAsAdmin);
        !error.isEmpty()) {
        std::fprintf(stderr, "natter: %s\n", qUtf8Printable(error));
        return 1;
    }
    std::printf("added %s '%s'\n", config.addUserAsAdmin ? "admin" : "user", qUtf8Printable(config.addUser));
    return 0;
}

} // namespace

int runHeadlessServer(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
                                      "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif}"
                                      " %{category}: %{message}"));

    // Debug lines (every connection attempt, every room) only when asked for with QT_LOGGING_RULES.
    QLoggingCategory::setFilterRules(QStringLiteral("natter.*.debug=false"));

    auto parsed = parseServerArguments(QCoreApplication::arguments());
    if (auto *exit = std::get_if<ConfigExit>(&parsed)) {
        std::fputs(qUtf8Printable(exit->text + QLatin1Char('\n')), exit->exitCode == 0 ? stdout : stderr);
        return exit->exitCode;
    }

    if (!std::get<ServerConfig>(parsed).addUser.isEmpty())
        return addUser(std::get<ServerConfig>(parsed));

    ChatServer server(std::get<ServerConfig>(std::move(parsed)));
    if (!watchTerminationSignals(app))
        qCWarning(lcMain) << "cannot watch SIGINT/SIGTERM; stop the server with SIGKILL";
    if (!server.start()) {
        std::fprintf(stderr, "natter: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    const int code = app.exec();
    qCInfo(lcMain) << "shutting down";
    server.stop();
    return code;
}

} // namespace natter
