// Start at login: the real autostart entry written into a temporary $XDG_CONFIG_HOME, read back and removed; and
// the entries other platforms get, as text.
#include "appinstance.h"
#include "autostart.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using natter::AppInstance;
using natter::Autostart;
using natter::LaunchOptions;

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The Exec= line of a desktop entry.
QString execLine(const QString &entry)
{
    const QStringList lines = entry.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Exec=")))
            return line.mid(5);
    }
    return {};
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writesAndRemovesTheXdgEntry();
    void followsXdgConfigHome();
    void sessionManagerCanSwitchItOff();
    void appInstanceWritesItsOptions();
    void unwritableLocationIsReported();
    void execLineIsQuoted_data();
    void execLineIsQuoted();
    void launchAgentIsAPropertyList();
    void windowsCommandLineIsQuoted();

private:
    QTemporaryDir m_config;
};

void TestAutostart::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
}

void TestAutostart::writesAndRemovesTheXdgEntry()
{
    Autostart autostart(QStringLiteral("chat.natter.Natter"));
    const QString path = m_config.filePath(QStringLiteral("autostart/chat.natter.Natter.desktop"));
    QCOMPARE(autostart.location(), path);
    QVERIFY(!autostart.isEnabled());
    // Removing what is not there is fine.
    QVERIFY(autostart.disable());

    QVERIFY2(autostart.enable(QStringLiteral("/usr/bin/natter"), {QStringLiteral("--minimized")}),
             qPrintable(autostart.errorString()));
    QVERIFY(autostart.isEnabled());
    QCOMPARE(readAll(path), QStringLiteral("[Desktop Entry]\n"
                                           "Type=Application\n"
                                           "Name=Natter\n"
                                           "Exec=/usr/bin/natter --minimized\n"
                                           "Icon=chat.natter.Natter\n"
                                           "Terminal=false\n"
                                           "X-GNOME-Autostart-enabled=true\n"));

    // Enabling again replaces the entry (start-minimised was turned off).
    QVERIFY(autostart.enable(QStringLiteral("/usr/bin/natter"), {}));
    QCOMPARE(execLine(readAll(path)), QStringLiteral("/usr/bin/natter"));

    QVERIFY(autostart.disable());
    QVERIFY(!QFile::exists(path));
    QVERIFY(!autostart.isEnabled());
}

void TestAutostart::followsXdgConfigHome()
{
    QTemporaryDir other;
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(other.path()));
    Autostart autostart(QStringLiteral("chat.natter.Natter"));
    QVERIFY(autostart.enable(QStringLiteral("/opt/natter/natter"), {}));
    QVERIFY(QFile::exists(other.filePath(QStringLiteral("autostart/chat.natter.Natter.desktop"))));
    QVERIFY(!QFile::exists(m_config.filePath(QStringLiteral("autostart/chat.natter.Natter.desktop"))));

    // Without XDG_CONFIG_HOME: ~/.config.
    qunsetenv("XDG_CONFIG_HOME");
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(other.path()));
    QCOMPARE(Autostart(QStringLiteral("chat.natter.Natter")).location(),
             other.filePath(QStringLiteral(".config/autostart/chat.natter.Natter.desktop")));
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", saved);
}

void TestAutostart::sessionManagerCanSwitchItOff()
{
    Autostart autostart(QStringLiteral("chat.natter.Natter"));
    QVERIFY(autostart.enable(QStringLiteral("/usr/bin/natter"), {}));
    // GNOME switches an entry off in place.
    QString entry = readAll(autostart.location());
    entry.replace(QStringLiteral("X-GNOME-Autostart-enabled=true"), QStringLiteral("X-GNOME-Autostart-enabled=false"));
    QFile file(autostart.location());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(entry.toUtf8());
    file.close();
    QVERIFY(!autostart.isEnabled());
    // Turning it on again from Natter writes a fresh entry.
    QVERIFY(autostart.enable(QStringLiteral("/usr/bin/natter"), {}));
    QVERIFY(autostart.isEnabled());
    QVERIFY(autostart.disable());
}

void TestAutostart::appInstanceWritesItsOptions()
{
    LaunchOptions options;
    options.profile = QStringLiteral("work");
    AppInstance app(options);
    QSignalSpy changed(&app, &AppInstance::startAtLoginChanged);
    QVERIFY(!app.startAtLogin());
    QVERIFY(app.setStartAtLogin(true, true));
    QVERIFY(app.startAtLogin());
    QCOMPARE(changed.size(), 1);
    const QString path = m_config.filePath(QStringLiteral("autostart/chat.natter.Natter-work.desktop"));
    QCOMPARE(app.autostart().location(), path);
    // This test's own executable stands in for natter; the entry starts it in the tray, in its profile.
    QCOMPARE(execLine(readAll(path)),
             QCoreApplication::applicationFilePath() + QStringLiteral(" --minimized --profile work"));

    QVERIFY(app.setStartAtLogin(true, false));
    QCOMPARE(execLine(readAll(path)), QCoreApplication::applicationFilePath() + QStringLiteral(" --profile work"));
    QVERIFY(app.setStartAtLogin(false, false));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!app.startAtLogin());
    QVERIFY(app.startAtLoginError().isEmpty());
}

void TestAutostart::unwritableLocationIsReported()
{
    // A file where the autostart folder should be: nothing can be written there.
    QTemporaryDir other;
    QFile blocker(other.filePath(QStringLiteral("autostart")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(other.path()));
    AppInstance app;
    QSignalSpy errorChanged(&app, &AppInstance::startAtLoginErrorChanged);
    QVERIFY(!app.setStartAtLogin(true, false));
    QVERIFY(!app.startAtLogin());
    QVERIFY(!app.startAtLoginError().isEmpty());
    QCOMPARE(errorChanged.size(), 1);
    qputenv("XDG_CONFIG_HOME", saved);
}

void TestAutostart::execLineIsQuoted_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("exec");
    QTest::addRow("plain") << QStringLiteral("/usr/bin/natter") << QStringList{QStringLiteral("--minimized")}
                           << QStringLiteral("/usr/bin/natter --minimized");
    QTest::addRow("space") << QStringLiteral("/home/ann/My Apps/natter") << QStringList()
                           << QStringLiteral("\"/home/ann/My Apps/natter\"");
    // Inside quotes \" \$ \` \\ are escaped, and then every backslash again for the desktop entry string.
    QTest::addRow("reserved") << QStringLiteral("/opt/a$b\"c`d\\e/natter") << QStringList()
                              << QStringLiteral("\"/opt/a\\\\$b\\\\\"c\\\\`d\\\\\\\\e/natter\"");
    QTest::addRow("percent") << QStringLiteral("/opt/100%/natter") << QStringList()
                             << QStringLiteral("/opt/100%%/natter");
    QTest::addRow("apostrophe") << QStringLiteral("/home/ann's/natter") << QStringList()
                                << QStringLiteral("\"/home/ann's/natter\"");
}

void TestAutostart::execLineIsQuoted()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, exec);
    QCOMPARE(execLine(Autostart::desktopEntry(program, arguments)), exec);
}

void TestAutostart::launchAgentIsAPropertyList()
{
    const QByteArray plist = Autostart::launchAgent(
        QStringLiteral("chat.natter.Natter"), QStringLiteral("/Applications/Natter & Co.app/Contents/MacOS/natter"),
        {QStringLiteral("--minimized")});
    QXmlStreamReader xml(plist);
    QStringList keys;
    QStringList strings;
    bool runAtLoad = false;
    QString lastKey;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("key")) {
            lastKey = xml.readElementText();
            keys.append(lastKey);
        } else if (xml.name() == QLatin1String("string")) {
            strings.append(xml.readElementText());
        } else if (xml.name() == QLatin1String("true") && lastKey == QLatin1String("RunAtLoad")) {
            runAtLoad = true;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(plist.contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""));
    QCOMPARE(keys, (QStringList{QStringLiteral("Label"), QStringLiteral("ProgramArguments"),
                                QStringLiteral("RunAtLoad"), QStringLiteral("ProcessType")}));
    QCOMPARE(strings, (QStringList{QStringLiteral("chat.natter.Natter"),
                                   QStringLiteral("/Applications/Natter & Co.app/Contents/MacOS/natter"),
                                   QStringLiteral("--minimized"), QStringLiteral("Interactive")}));
    QVERIFY(runAtLoad);
}

void TestAutostart::windowsCommandLineIsQuoted()
{
    QCOMPARE(Autostart::windowsCommandLine(QStringLiteral("C:/Program Files/Natter/natter.exe"),
                                           {QStringLiteral("--minimized")}),
             QStringLiteral("\"C:\\Program Files\\Natter\\natter.exe\" --minimized"));
    QCOMPARE(Autostart::windowsCommandLine(QStringLiteral("C:/natter.exe"),
                                           {QStringLiteral("--profile"), QStringLiteral("a b"),
                                            QStringLiteral("say \"hi\""), QStringLiteral("dir\\")}),
             QStringLiteral("\"C:\\natter.exe\" --profile \"a b\" \"say \\\"hi\\\"\" dir\\"));
    QCOMPARE(Autostart::windowsCommandLine(QStringLiteral("C:/natter.exe"), {QStringLiteral("end\\ ")}),
             QStringLiteral("\"C:\\natter.exe\" \"end\\ \""));
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
