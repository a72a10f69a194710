#include "restroute.h"

#include <QTest>

using namespace natter::rest;
using namespace Qt::StringLiterals;

using Query = QHash<QString, QString>;

Q_DECLARE_METATYPE(natter::rest::Endpoint)

class TestRestRoute : public QObject
{
    Q_OBJECT

private slots:
    void routes_data();
    void routes();
    void refusals_data();
    void refusals();
};

void TestRestRoute::routes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<Query>("query");
    QTest::addColumn<Endpoint>("endpoint");
    QTest::addColumn<QString>("room");
    QTest::addColumn<int>("limit");
    QTest::addColumn<quint64>("before");

    const QStringList rooms{u"api"_s, u"rooms"_s};
    const QStringList general = rooms + QStringList{u"general"_s};
    QTest::addRow("health") << "GET"_ba << QStringList{u"health"_s} << Query{} << Endpoint::Health << QString() << 100
                            << quint64(0);
    QTest::addRow("HEAD is GET") << "HEAD"_ba << QStringList{u"stats"_s} << Query{} << Endpoint::Stats << QString()
                                 << 100 << quint64(0);
    QTest::addRow("metrics") << "GET"_ba << QStringList{u"metrics"_s} << Query{} << Endpoint::Metrics << QString()
                             << 100 << quint64(0);
    QTest::addRow("openapi") << "GET"_ba << QStringList{u"api"_s, u"openapi.json"_s} << Query{} << Endpoint::OpenApi
                             << QString() << 100 << quint64(0);
    QTest::addRow("online") << "GET"_ba << QStringList{u"api"_s, u"online"_s} << Query{} << Endpoint::Online
                            << QString() << 100 << quint64(0);
    QTest::addRow("users") << "GET"_ba << QStringList{u"api"_s, u"users"_s} << Query{} << Endpoint::ListUsers
                           << QString() << 100 << quint64(0);
    QTest::addRow("list rooms") << "GET"_ba << rooms << Query{} << Endpoint::ListRooms << QString() << 100
                                << quint64(0);
    QTest::addRow("create room") << "POST"_ba << rooms << Query{} << Endpoint::CreateRoom << QString() << 100
                                 << quint64(0);
    QTest::addRow("get room") << "GET"_ba << general << Query{} << Endpoint::GetRoom << u"general"_s << 100
                              << quint64(0);
    QTest::addRow("update room") << "PATCH"_ba << general << Query{} << Endpoint::UpdateRoom << u"general"_s << 100
                                 << quint64(0);
    QTest::addRow("delete room") << "DELETE"_ba << rooms + QStringList{u"caf\u00e9"_s} << Query{}
                                 << Endpoint::DeleteRoom << u"caf\u00e9"_s << 100 << quint64(0);
    QTest::addRow("members") << "GET"_ba << general + QStringList{u"members"_s} << Query{} << Endpoint::RoomMembers
                             << u"general"_s << 100 << quint64(0);
    QTest::addRow("messages, defaults") << "GET"_ba << general + QStringList{u"messages"_s} << Query{}
                                        << Endpoint::RoomMessages << u"general"_s << 100 << quint64(0);
    QTest::addRow("messages, page") << "GET"_ba << general + QStringList{u"messages"_s}
                                    << Query{{u"limit"_s, u"1000"_s}, {u"before"_s, u"9007199254740992"_s}}
                                    << Endpoint::RoomMessages << u"general"_s << 1000 << quint64(9007199254740992ULL);
    QTest::addRow("messages, other parameters ignored")
        << "GET"_ba << general + QStringList{u"messages"_s} << Query{{u"after"_s, u"x"_s}, {u"limit"_s, u"1"_s}}
        << Endpoint::RoomMessages << u"general"_s << 1 << quint64(0);
}

void TestRestRoute::routes()
{
    QFETCH(QByteArray, method);
    QFETCH(QStringList, path);
    QFETCH(Query, query);
    QFETCH(Endpoint, endpoint);
    QFETCH(QString, room);
    QFETCH(int, limit);
    QFETCH(quint64, before);

    const auto routed = parseRoute(method, path, query);
    const auto *route = std::get_if<Route>(&routed);
    if (!route)
        QFAIL(qPrintable(std::get<RouteError>(routed).message));
    QCOMPARE(route->endpoint, endpoint);
    QCOMPARE(route->room, room);
    QCOMPARE(route->limit, limit);
    QCOMPARE(route->before, before);
}

void TestRestRoute::refusals_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<Query>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");

    const QStringList rooms{u"api"_s, u"rooms"_s};
    const QStringList messages = rooms + QStringList{u"general"_s, u"messages"_s};
    QTest::addRow("unknown path") << "GET"_ba << QStringList{u"nowhere"_s} << Query{} << 404 << QByteArray();
    QTest::addRow("root") << "GET"_ba << QStringList{} << Query{} << 404 << QByteArray();
    QTest::addRow("too deep") << "GET"_ba << messages + QStringList{u"x"_s} << Query{} << 404 << QByteArray();
    QTest::addRow("unknown room resource")
        << "GET"_ba << rooms + QStringList{u"general"_s, u"pictures"_s} << Query{} << 404 << QByteArray();
    QTest::addRow("POST health") << "POST"_ba << QStringList{u"health"_s} << Query{} << 405 << "GET"_ba;
    QTest::addRow("DELETE rooms") << "DELETE"_ba << rooms << Query{} << 405 << "GET, POST"_ba;
    QTest::addRow("PUT room") << "PUT"_ba << rooms + QStringList{u"general"_s} << Query{} << 405
                              << "GET, PATCH, DELETE"_ba;
    QTest::addRow("POST messages") << "POST"_ba << messages << Query{} << 405 << "GET"_ba;
    QTest::addRow("invalid room") << "GET"_ba << rooms + QStringList{u"a/b"_s} << Query{} << 400 << QByteArray();
    QTest::addRow("invalid room before method")
        << "PUT"_ba << rooms + QStringList{u".."_s} << Query{} << 400 << QByteArray();
    QTest::addRow("limit 0") << "GET"_ba << messages << Query{{u"limit"_s, u"0"_s}} << 400 << QByteArray();
    QTest::addRow("limit 1001") << "GET"_ba << messages << Query{{u"limit"_s, u"1001"_s}} << 400 << QByteArray();
    QTest::addRow("limit empty") << "GET"_ba << messages << Query{{u"limit"_s, QString()}} << 400 << QByteArray();
    QTest::addRow("before 0") << "GET"_ba << messages << Query{{u"before"_s, u"0"_s}} << 400 << QByteArray();
    QTest::addRow("before 2^53 + 1") << "GET"_ba << messages << Query{{u"before"_s, u"9007199254740993"_s}} << 400
                                     << QByteArray();
    QTest::addRow("before text") << "GET"_ba << messages << Query{{u"before"_s, u"seven"_s}} << 400 << QByteArray();
}

void TestRestRoute::refusals()
{
    QFETCH(QByteArray, method);
    QFETCH(QStringList, path);
    QFETCH(Query, query);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);

    const auto routed = parseRoute(method, path, query);
    const auto *error = std::get_if<RouteError>(&routed);
    QVERIFY(error);
    QCOMPARE(error->status, status);
    QCOMPARE(error->allow, allow);
    QVERIFY(!error->message.isEmpty());
}

QTEST_APPLESS_MAIN(TestRestRoute)
#include "tst_restroute.moc"
