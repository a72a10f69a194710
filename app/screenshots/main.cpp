// Renders the main window with a realistic conversation to PNG files, light and dark, for the README.
// Usage: natter-screenshots OUTPUT.png [--dark]   (offscreen; see scripts/screenshots.sh)
#include "chatclient.h"
#include "chatserver.h"
#include "languagemanager.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(Natter_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Natter_UiPlugin)

using namespace natter;

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

/// Another person in the conversation, speaking the typed protocol.
class Bot
{
public:
    Bot(quint16 port, const QString &name)
    {
        m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?user=%2").arg(port).arg(name)));
        waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void join(const QString &room) { send({{u"type"_qs, u"join"_qs}, {u"room"_qs, room}}); }
    void say(const QString &room, const QString &text)
    {
        send({{u"type"_qs, u"send"_qs}, {u"room"_qs, room}, {u"content"_qs, text}});
        settle(60); // keeps the order obvious in the picture
    }
    void typing(const QString &room) { send({{u"type"_qs, u"typing"_qs}, {u"room"_qs, room}}); }

private:
    QWebSocket m_socket;
};

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x1f, 0x23, 0x2a), base(0x16, 0x1a, 0x1f), text(0xe6, 0xe8, 0xeb);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x2b, 0x30, 0x38));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x93, 0x9e));
    palette.setColor(QPalette::Mid, QColor(0x3a, 0x40, 0x4a));
    palette.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x16));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x40, 0x4a));
    return palette;
}

bool render(const QString &path)
{
    ServerConfig config;
    config.port = 0;
    config.bindAddress = QHostAddress::LocalHost;
    config.announce = false;
    config.serverName = QStringLiteral("Studio chat");
    config.rateLimit = 0;
    config.database = QStringLiteral("memory"); // a fresh conversation every time
    ChatServer server(config);
    if (!server.start()) {
        std::fprintf(stderr, "cannot start the server: %s\n", qUtf8Printable(server.errorString()));
        return false;
    }
    Bot alice(server.port(), QStringLiteral("Alice"));
    Bot bob(server.port(), QStringLiteral("Bob"));
    Bot chen(server.port(), QStringLiteral("Chen Wei"));
    for (Bot *bot : {&alice, &bob, &chen}) {
        bot->join(QStringLiteral("general"));
        bot->join(QStringLiteral("design"));
    }
    settle(200);
    alice.say(u"general"_qs, u"Morning all! The build from last night is up on the test box."_qs);
    alice.say(u"general"_qs, u"Release notes are in https://natter.chat/notes/0.1 if you want a look."_qs);
    bob.say(u"general"_qs, u"Nice. Installing it now on the office machine."_qs);
    chen.say(u"general"_qs, u"I tried it on the laptop over Wi-Fi: reconnects cleanly after sleep."_qs);
    chen.say(u"general"_qs, u"Only thing I noticed: the tray icon takes a second to show up."_qs);
    bob.say(u"general"_qs, u"Same here. @Dana can you check on your machine?"_qs);

    QTemporaryDir home;
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return false;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    auto *client = window ? window->findChild<ChatClient *>() : nullptr;
    if (!client)
        return false;
    window->resize(1280, 800);
    window->show();
    client->setOutboxPath(home.filePath(QStringLiteral("outbox.json")));
    client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Dana"));
    client->joinRoom(QStringLiteral("design"));
    client->joinRoom(QStringLiteral("release"));
    client->setCurrentRoom(QStringLiteral("general"));
    if (!waitUntil([&] { return client->state() == ChatClient::Connected && client->members()->count() == 4; }))
        return false;
    client->sendMessage(u"general"_qs, u"On it. Mine showed up right away, but I'm on KDE. Will try GNOME too."_qs);
    settle(150);
    alice.say(u"design"_qs, u"New sidebar mock-ups are ready."_qs);
    chen.say(u"design"_qs, u"Love the unread badges."_qs);
    bob.say(u"design"_qs, u"Can we make the day separators a bit lighter?"_qs);
    alice.say(u"general"_qs, u"Thanks Dana!"_qs);
    bob.typing(u"general"_qs);
    chen.typing(u"general"_qs);
    settle(800);
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        std::fprintf(stderr, "cannot save %s\n", qUtf8Printable(path));
        return false;
    }
    std::printf("wrote %s (%dx%d)\n", qUtf8Printable(path), image.width(), image.height());
    window->close();
    client->disconnectFromServer();
    server.stop();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true); // never touch the user's own settings
    QApplication::setOrganizationName(QStringLiteral("NatterScreenshots"));
    QApplication::setApplicationName(QStringLiteral("natter-screenshots"));
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: natter-screenshots OUTPUT.png [--dark]\n");
        return 2;
    }
    const bool dark = arguments.contains(QStringLiteral("--dark"));
    // The palette is read once per process by Qt Quick Controls: set it before anything is created.
    if (dark)
        QGuiApplication::setPalette(darkPalette());
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    qputenv("NATTER_LAN_GROUP", "off");
    QSettings().clear();
    LanguageManager languages; // the README shows the English interface, whatever this machine's language
    languages.setLanguage(QStringLiteral("en"));
    const QString path = arguments.at(1);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return render(path) ? 0 : 1;
}
