#include "outbox.h"
#include "serveraddress.h"

#include <QTemporaryDir>
#include <QTest>

using natter::Outbox;
using natter::ServerAddress;

class TestServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("url");
        QTest::addRow("host only") << u"chat.example.org"_qs << true << u"chat.example.org:8082"_qs
                                   << u"ws://chat.example.org:8082/ws?user=Ann"_qs;
        QTest::addRow("host:port") << u"192.168.1.5:9000"_qs << true << u"192.168.1.5:9000"_qs
                                   << u"ws://192.168.1.5:9000/ws?user=Ann"_qs;
        QTest::addRow("ws url") << u"ws://host:8082/ws"_qs << true << u"host:8082"_qs
                                << u"ws://host:8082/ws?user=Ann"_qs;
        QTest::addRow("wss default port") << u"wss://secure.example"_qs << true << u"wss://secure.example:443"_qs
                                          << u"wss://secure.example:443/ws?user=Ann"_qs;
        QTest::addRow("ipv6") << u"[::1]:8082"_qs << true << u"[::1]:8082"_qs << u"ws://[::1]:8082/ws?user=Ann"_qs;
        QTest::addRow("spaces trimmed") << u"  host:1  "_qs << true << u"host:1"_qs << u"ws://host:1/ws?user=Ann"_qs;
        QTest::addRow("empty") << u""_qs << false << QString() << QString();
        QTest::addRow("other scheme") << u"ftp://host"_qs << false << QString() << QString();
        QTest::addRow("bad port") << u"host:99999"_qs << false << QString() << QString();
        QTest::addRow("other path") << u"ws://host/admin"_qs << false << QString() << QString();
        QTest::addRow("credentials") << u"ws://user:pw@host"_qs << false << QString() << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, display);
        QFETCH(QString, url);
        const auto address = ServerAddress::parse(text);
        QCOMPARE(address.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(address->display(), display);
        QCOMPARE(address->webSocketUrl(QStringLiteral("Ann")).toString(), url);
    }

    void userNameIsEncoded()
    {
        const auto address = ServerAddress::parse(QStringLiteral("host"));
        QCOMPARE(address->webSocketUrl(QStringLiteral("Ada Lovelace&co")).toString(QUrl::FullyEncoded),
                 QStringLiteral("ws://host:8082/ws?user=Ada%20Lovelace%26co"));
        QCOMPARE(address->httpUrl(QStringLiteral("/api/rooms")).toString(),
                 QStringLiteral("http://host:8082/api/rooms"));
    }

    void outboxPersistsPerAccount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/outbox.json"));
        {
            Outbox alice(path, QStringLiteral("host:1|Alice"));
            alice.add({QStringLiteral("c1"), QStringLiteral("general"), QStringLiteral("one"), 1});
            alice.add({QStringLiteral("c2"), QStringLiteral("side"), QStringLiteral("two"), 2});
            Outbox bob(path, QStringLiteral("host:1|Bob"));
            bob.add({QStringLiteral("c3"), QStringLiteral("general"), QStringLiteral("bob's"), 3});
        }
        Outbox alice(path, QStringLiteral("host:1|Alice"));
        QCOMPARE(alice.items().size(), 2);
        QCOMPARE(alice.itemsFor(QStringLiteral("side")).constFirst().content, QStringLiteral("two"));
        QVERIFY(alice.remove(QStringLiteral("c1")));
        QVERIFY(!alice.remove(QStringLiteral("c1")));
        alice.removeRoom(QStringLiteral("side"));
        QVERIFY(alice.isEmpty());
        QCOMPARE(Outbox(path, QStringLiteral("host:1|Bob")).items().size(), 1);
        QVERIFY(Outbox(path, QStringLiteral("host:1|Alice")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
