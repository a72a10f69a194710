// natter:// links, the desktop app's command line, and how AppInstance turns launches into requests for the UI.
#include "appinstance.h"
#include "natterlink.h"

#include <QCoreApplication>
#include <QFileOpenEvent>
#include <QSignalSpy>
#include <QTest>

using natter::AppInstance;
using natter::LaunchOptions;
using natter::NatterLink;

class TestNatterLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errorsNameTheProblem();
    void roundTrip();
    void launchOptions();
    void launchesBecomeRequests();
    void fileOpenEventOpensLink();
};

void TestNatterLink::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("user");

    QTest::addRow("host, port and room") << u"natter://chat.example.org:9000/lobby"_qs << true
                                         << u"chat.example.org:9000"_qs << u"lobby"_qs << QString();
    QTest::addRow("default port") << u"natter://chat.example.org/lobby"_qs << true << u"chat.example.org:8082"_qs
                                  << u"lobby"_qs << QString();
    QTest::addRow("ipv6") << u"natter://[::1]:9000/lobby"_qs << true << u"[::1]:9000"_qs << u"lobby"_qs << QString();
    QTest::addRow("ipv4") << u"natter://127.0.0.1:1/a.b-c_d"_qs << true << u"127.0.0.1:1"_qs << u"a.b-c_d"_qs
                          << QString();
    QTest::addRow("scheme and host case")
        << u"NATTER://Chat.Example.ORG/lobby"_qs << true << u"chat.example.org:8082"_qs << u"lobby"_qs << QString();
    QTest::addRow("server only") << u"natter://host:9000"_qs << true << u"host:9000"_qs << QString() << QString();
    QTest::addRow("server and slash") << u"natter://host:9000/"_qs << true << u"host:9000"_qs << QString() << QString();
    QTest::addRow("trailing slash") << u"natter://host/lobby/"_qs << true << u"host:8082"_qs << u"lobby"_qs
                                    << QString();
    QTest::addRow("encoded letters") << u"natter://host/caf%C3%A9"_qs << true << u"host:8082"_qs << u"café"_qs
                                     << QString();
    // A decomposed é (e + combining acute) becomes the composed form the server uses.
    QTest::addRow("decomposed letters") << u"natter://host/cafe%CC%81"_qs << true << u"host:8082"_qs << u"café"_qs
                                        << QString();
    QTest::addRow("suggested user") << u"natter://host/lobby?user=Ada%20Lovelace"_qs << true << u"host:8082"_qs
                                    << u"lobby"_qs << u"Ada Lovelace"_qs;
    QTest::addRow("unknown query ignored")
        << u"natter://host/lobby?theme=dark"_qs << true << u"host:8082"_qs << u"lobby"_qs << QString();
    QTest::addRow("surrounding spaces") << u"  natter://host/lobby \n"_qs << true << u"host:8082"_qs << u"lobby"_qs
                                        << QString();

    QTest::addRow("wrong scheme") << u"https://host/lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("ws scheme") << u"ws://host:8082/lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("no scheme") << u"host:8082/lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("empty") << QString() << false << QString() << QString() << QString();
    QTest::addRow("no host") << u"natter:///lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("bad port") << u"natter://host:99999/lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("credentials") << u"natter://me:pw@host/lobby"_qs << false << QString() << QString() << QString();
    QTest::addRow("bad room") << u"natter://host/no%20spaces"_qs << false << QString() << QString() << QString();
    QTest::addRow("room too long") << u"natter://host/"_qs + QString(65, u'r') << false << QString() << QString()
                                   << QString();
    QTest::addRow("dot room") << u"natter://host/.."_qs << false << QString() << QString() << QString();
    QTest::addRow("two segments") << u"natter://host/a/b"_qs << false << QString() << QString() << QString();
    QTest::addRow("encoded slash") << u"natter://host/a%2Fb"_qs << false << QString() << QString() << QString();
    QTest::addRow("bad user") << u"natter://host/lobby?user=%20padded%20"_qs << false << QString() << QString()
                              << QString();
}

void TestNatterLink::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const auto link = NatterLink::parse(text, &error);
    QCOMPARE(link.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY(error.isEmpty());
    QFETCH(QString, address);
    QFETCH(QString, room);
    QFETCH(QString, user);
    QCOMPARE(link->server.display(), address);
    QVERIFY(!link->server.secure);
    QCOMPARE(link->room, room);
    QCOMPARE(link->user, user);
}

void TestNatterLink::errorsNameTheProblem()
{
    QString error;
    QVERIFY(!NatterLink::parse(u"natter://host/no%20spaces"_qs, &error));
    QVERIFY2(error.contains(u"“no spaces” is not a room name"_qs), qPrintable(error));
    QVERIFY(!NatterLink::parse(u"https://host/lobby"_qs, &error));
    QVERIFY2(error.contains(u"https://host/lobby"_qs) && error.contains(u"natter://host:port/room"_qs),
             qPrintable(error));
    // Whatever was clicked, the message stays readable.
    QVERIFY(!NatterLink::parse(u"natter://host/"_qs + QString(5000, u'x'), &error));
    QVERIFY(error.size() < 400);
}

void TestNatterLink::roundTrip()
{
    for (const QString &text : {u"natter://host:9000/lobby"_qs, u"natter://[::1]:8082/caf%C3%A9"_qs,
                                u"natter://host:8082/lobby?user=Ada%20Lovelace"_qs, u"natter://host:1"_qs}) {
        const auto link = NatterLink::parse(text);
        QVERIFY2(link, qPrintable(text));
        QCOMPARE(link->toString(), text);
    }
}

void TestNatterLink::launchOptions()
{
    const auto plain = LaunchOptions::parse({u"natter"_qs});
    QVERIFY(std::holds_alternative<LaunchOptions>(plain));
    QCOMPARE(std::get<LaunchOptions>(plain).applicationName(), u"natter"_qs);
    QCOMPARE(std::get<LaunchOptions>(plain).autostartId(), u"chat.natter.Natter"_qs);

    const auto full =
        LaunchOptions::parse({u"natter"_qs, u"--minimized"_qs, u"--profile"_qs, u"work"_qs, u"natter://host/lobby"_qs});
    QVERIFY(std::holds_alternative<LaunchOptions>(full));
    const auto &options = std::get<LaunchOptions>(full);
    QVERIFY(options.minimized);
    QCOMPARE(options.profile, u"work"_qs);
    QCOMPARE(options.links, QStringList{u"natter://host/lobby"_qs});
    QCOMPARE(options.applicationName(), u"natter-work"_qs);
    QCOMPARE(options.autostartId(), u"chat.natter.Natter-work"_qs);

    // Links are checked when opened, so that the window can say what is wrong with one.
    const auto badLink = LaunchOptions::parse({u"natter"_qs, u"not a link"_qs});
    QVERIFY(std::holds_alternative<LaunchOptions>(badLink));

    QVERIFY(std::holds_alternative<QString>(LaunchOptions::parse({u"natter"_qs, u"--frobnicate"_qs})));
    QVERIFY(std::holds_alternative<QString>(LaunchOptions::parse({u"natter"_qs, u"--profile"_qs, u"a/b"_qs})));
    QVERIFY(std::holds_alternative<QString>(LaunchOptions::parse({u"natter"_qs, u"--profile"_qs})));
}

void TestNatterLink::launchesBecomeRequests()
{
    LaunchOptions options;
    options.links = {u"natter://host:9000/lobby"_qs};
    options.minimized = true;
    AppInstance app(options);
    // A link to open wins over starting in the tray.
    QVERIFY(!app.startMinimized());
    QSignalSpy activated(&app, &AppInstance::activationRequested);
    QSignalSpy opened(&app, &AppInstance::linkOpened);
    QSignalSpy failed(&app, &AppInstance::linkFailed);

    app.openStartupLinks();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0), (QVariantList{u"host:9000"_qs, u"lobby"_qs, QString()}));

    // Started again without arguments: show the window.
    app.handleLaunch({}, {});
    QCOMPARE(activated.size(), 1);
    // Started again with --minimized (at login, say): stay as it is.
    app.handleLaunch({u"--minimized"_qs}, {});
    QCOMPARE(activated.size(), 1);
    // Started again with a link, good or bad.
    app.handleLaunch({u"natter://[::1]:8082/general?user=Ann"_qs}, {});
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1), (QVariantList{u"[::1]:8082"_qs, u"general"_qs, u"Ann"_qs}));
    app.handleLaunch({u"natter://host/bad%20room"_qs}, {});
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"bad room"_qs));
    QCOMPARE(opened.size(), 2);

    LaunchOptions minimized;
    minimized.minimized = true;
    QVERIFY(AppInstance(minimized).startMinimized());
}

void TestNatterLink::fileOpenEventOpensLink()
{
    AppInstance app;
    QSignalSpy opened(&app, &AppInstance::linkOpened);
    // How macOS hands over a clicked link.
    QFileOpenEvent event(QUrl(u"natter://host:9000/lobby"_qs));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(1).toString(), u"lobby"_qs);
    // Files are not links: left alone.
    QFileOpenEvent file(QUrl::fromLocalFile(u"/tmp/notes.txt"_qs));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &file);
    QCOMPARE(opened.size(), 1);
}

QTEST_GUILESS_MAIN(TestNatterLink)
#include "tst_natterlink.moc"
