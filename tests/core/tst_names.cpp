#include "names.h"
#include "roomaccess.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace names = natter::names;

namespace {

// U+20000, a CJK ideograph (a letter) outside the BMP: one code point, two UTF-16 units.
const QString cjkExtB = u"\U00020000"_s;
// U+4E2D, a CJK ideograph inside the BMP.
const QString cjk = u"\u4E2D"_s;

QString times(const QString &text, qsizetype count)
{
    return text.repeated(count);
}

QString withChar(char16_t c, const QString &before = u"a"_s, const QString &after = u"b"_s)
{
    return before + QChar(c) + after;
}

} // namespace

class tst_Names : public QObject
{
    Q_OBJECT

private slots:
    void constants();
    void roomName_data();
    void roomName();
    void userName_data();
    void userName();
    void nonNfcRejectedOnlyForNormalisation_data();
    void nonNfcRejectedOnlyForNormalisation();
    void surrogatePairsCountOnce();
    void rules();
    void directRoomNames();
    void roomAccess();
};

void tst_Names::constants()
{
    QCOMPARE(names::maxRoomNameLength, 64);
    QCOMPARE(names::maxUserNameLength, 64);
    QCOMPARE(names::defaultRoom, u"general"_s);
    QVERIFY(names::isValidRoomName(names::defaultRoom));
}

void tst_Names::roomName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    // Valid
    QTest::addRow("default room") << u"general"_s << true;
    QTest::addRow("one letter") << u"a"_s << true;
    QTest::addRow("one digit") << u"7"_s << true;
    QTest::addRow("upper case") << u"General"_s << true;
    QTest::addRow("dash") << u"room-1"_s << true;
    QTest::addRow("underscore") << u"my_room"_s << true;
    QTest::addRow("dot") << u"v1.2"_s << true;
    QTest::addRow("only punctuation") << u"-_."_s << true;
    QTest::addRow("64 ascii") << times(u"a"_s, 64) << true;
    QTest::addRow("cafe NFC") << u"caf\u00E9"_s << true;
    QTest::addRow("greek") << u"\u03B5\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC"_s << true;
    QTest::addRow("cyrillic") << u"\u0440\u0443\u0441\u0441\u043A\u0438\u0439"_s << true;
    QTest::addRow("japanese") << u"\u65E5\u672C\u8A9E"_s << true;
    QTest::addRow("hangul syllables") << u"\uD55C\uAD6D"_s << true;
    QTest::addRow("arabic-indic digits") << u"\u0661\u0662\u0663"_s << true;
    QTest::addRow("64 CJK (BMP)") << times(cjk, 64) << true;
    QTest::addRow("CJK outside the BMP") << cjkExtB << true;
    QTest::addRow("64 CJK outside the BMP") << times(cjkExtB, 64) << true;

    // Length
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("empty, not null") << u""_s << false;
    QTest::addRow("65 ascii") << times(u"a"_s, 65) << false;
    QTest::addRow("65 CJK (BMP)") << times(cjk, 65) << false;
    QTest::addRow("65 CJK outside the BMP") << times(cjkExtB, 65) << false;
    QTest::addRow("64 letters and an accented one") << times(u"a"_s, 64) + u"\u00E9"_s << false;

    // Characters
    QTest::addRow("space inside") << u"a b"_s << false;
    QTest::addRow("leading space") << u" a"_s << false;
    QTest::addRow("trailing space") << u"a "_s << false;
    QTest::addRow("slash") << u"a/b"_s << false;
    QTest::addRow("backslash") << u"a\\b"_s << false;
    QTest::addRow("decoded NUL") << withChar(0) << false;
    QTest::addRow("NUL alone") << QString(QChar(0)) << false;
    QTest::addRow("percent") << u"a%00b"_s << false;
    QTest::addRow("tab") << u"a\tb"_s << false;
    QTest::addRow("newline") << u"a\nb"_s << false;
    QTest::addRow("question mark") << u"a?b"_s << false;
    QTest::addRow("hash") << u"a#b"_s << false;
    QTest::addRow("colon") << u"a:b"_s << false;
    QTest::addRow("plus") << u"a+b"_s << false;
    QTest::addRow("at") << u"a@b"_s << false;
    QTest::addRow("no-break space") << withChar(0x00A0) << false;
    QTest::addRow("zero-width space") << withChar(0x200B) << false;
    QTest::addRow("superscript two") << withChar(0x00B2) << false; // a number, but not a decimal digit
    QTest::addRow("roman numeral") << withChar(0x216B) << false;   // letter number, not a letter
    QTest::addRow("emoji") << u"party\U0001F389"_s << false;
    QTest::addRow("lone high surrogate") << withChar(0xD800) << false;
    QTest::addRow("lone low surrogate") << withChar(0xDC00) << false;
    QTest::addRow("trailing high surrogate") << u"a"_s + QChar(0xD840) << false;
    QTest::addRow("swapped surrogate pair") << QString(QChar(0xDC00)) + QChar(0xD840) << false;

    // Normalisation: only NFC spellings are room names.
    QTest::addRow("cafe decomposed") << u"cafe\u0301"_s << false;
    QTest::addRow("angstrom sign") << u"\u212B"_s << false; // a letter; NFC is U+00C5
    QTest::addRow("A with ring NFC") << u"\u00C5"_s << true;
    QTest::addRow("hangul jamo") << u"\u1100\u1161"_s << false; // letters; NFC is U+AC00
    QTest::addRow("hangul syllable NFC") << u"\uAC00"_s << true;
    QTest::addRow("CJK compatibility ideograph") << u"\uF900"_s << false; // a letter; NFC is U+8C48
}

void tst_Names::roomName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(names::isValidRoomName(name), valid);
}

void tst_Names::userName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    // Valid
    QTest::addRow("simple") << u"ada"_s << true;
    QTest::addRow("one character") << u"x"_s << true;
    QTest::addRow("inner space") << u"Ada Lovelace"_s << true;
    QTest::addRow("two inner spaces") << u"Ada  Lovelace"_s << true;
    QTest::addRow("punctuation") << u"a!@#$%^&*()/\\?"_s << true;
    QTest::addRow("accented NFC") << u"Zo\u00EB"_s << true;
    QTest::addRow("japanese") << u"\u65E5\u672C"_s << true;
    QTest::addRow("emoji") << u"\U0001F389 party"_s << true;
    QTest::addRow("64 ascii") << times(u"u"_s, 64) << true;
    QTest::addRow("64 CJK (BMP)") << times(cjk, 64) << true;
    QTest::addRow("64 CJK outside the BMP") << times(cjkExtB, 64) << true;
    QTest::addRow("32 emoji") << times(u"\U0001F600"_s, 32) << true;
    QTest::addRow("64 emoji") << times(u"\U0001F600"_s, 64) << true;

    // Length
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("65 ascii") << times(u"u"_s, 65) << false;
    QTest::addRow("65 CJK outside the BMP") << times(cjkExtB, 65) << false;
    QTest::addRow("65 emoji") << times(u"\U0001F600"_s, 65) << false;

    // White space at the ends
    QTest::addRow("space only") << u" "_s << false;
    QTest::addRow("spaces only") << u"   "_s << false;
    QTest::addRow("leading space") << u" ada"_s << false;
    QTest::addRow("trailing space") << u"ada "_s << false;
    QTest::addRow("trailing no-break space") << u"ada\u00A0"_s << false;
    QTest::addRow("leading ideographic space") << u"\u3000ada"_s << false;

    // Control and other non-printable characters
    QTest::addRow("NUL") << withChar(0) << false;
    QTest::addRow("tab inside") << u"a\tb"_s << false;
    QTest::addRow("trailing tab") << u"ada\t"_s << false;
    QTest::addRow("newline") << u"a\nb"_s << false;
    QTest::addRow("carriage return") << u"a\rb"_s << false;
    QTest::addRow("bell") << withChar(0x0007) << false;
    QTest::addRow("escape") << withChar(0x001B) << false;
    QTest::addRow("delete") << withChar(0x007F) << false;
    QTest::addRow("C1 next line") << withChar(0x0085) << false;
    QTest::addRow("line separator") << withChar(0x2028) << false;
    QTest::addRow("paragraph separator") << withChar(0x2029) << false;
    QTest::addRow("zero-width space") << withChar(0x200B) << false;
    QTest::addRow("right-to-left override") << withChar(0x202E) << false;
    QTest::addRow("private use") << withChar(0xE000) << false;
    QTest::addRow("lone high surrogate") << withChar(0xD83D) << false;
    QTest::addRow("lone low surrogate") << withChar(0xDE00) << false;
    QTest::addRow("trailing high surrogate") << u"ada"_s + QChar(0xD83D) << false;
}

void tst_Names::userName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(names::isValidUserName(name), valid);
}

void tst_Names::nonNfcRejectedOnlyForNormalisation_data()
{
    QTest::addColumn<QString>("name");

    QTest::addRow("angstrom sign") << u"\u212B"_s;
    QTest::addRow("hangul jamo") << u"\u1100\u1161"_s;
    QTest::addRow("CJK compatibility ideograph") << u"\uF900"_s;
    QTest::addRow("letters around the angstrom sign") << u"x\u212By"_s;
}

void tst_Names::nonNfcRejectedOnlyForNormalisation()
{
    // Names made only of letters: they are refused because they are not in NFC, and their NFC form is accepted.
    QFETCH(QString, name);
    for (QChar c : name)
        QVERIFY(c.isLetter());
    const QString nfc = name.normalized(QString::NormalizationForm_C);
    QVERIFY(nfc != name);
    QVERIFY(!names::isValidRoomName(name));
    QVERIFY(names::isValidRoomName(nfc));
}

void tst_Names::surrogatePairsCountOnce()
{
    // 64 code points are allowed however many UTF-16 units they take.
    const QString room64 = times(cjkExtB, 64);
    QCOMPARE(room64.size(), 128);
    QVERIFY(names::isValidRoomName(room64));
    QVERIFY(!names::isValidRoomName(room64 + u"a"_s));
    QVERIFY(names::isValidRoomName(times(cjkExtB, 63) + u"a"_s));

    const QString user64 = times(u"\U0001F600"_s, 64);
    QCOMPARE(user64.size(), 128);
    QVERIFY(names::isValidUserName(user64));
    QVERIFY(!names::isValidUserName(user64 + u"a"_s));
    QVERIFY(names::isValidUserName(times(u"\U0001F600"_s, 63) + u"a"_s));
}

void tst_Names::rules()
{
    QVERIFY(names::roomNameRule().contains(u"64"_s));
    QVERIFY(names::userNameRule().contains(u"64"_s));
}

void tst_Names::directRoomNames()
{
    using namespace natter::names;
    const QString room = directRoomName(QStringLiteral("Alice"), QStringLiteral("Bob"));
    // The same room whoever starts it, in any letter case.
    QCOMPARE(directRoomName(QStringLiteral("bob"), QStringLiteral("ALICE")), room);
    QVERIFY(room != directRoomName(QStringLiteral("Alice"), QStringLiteral("Carol")));
    // Names with the separator in them cannot collide with another pair.
    QVERIFY(directRoomName(QStringLiteral("a\nb"), QStringLiteral("c")) !=
            directRoomName(QStringLiteral("a"), QStringLiteral("b\nc")));
    QVERIFY(isDirectRoomName(room));
    QVERIFY(isValidRoomName(room));
    QCOMPARE(room.size(), 25);
    QVERIFY(!isDirectRoomName(QStringLiteral("@0123456789abcdef0123456")));  // too short
    QVERIFY(!isDirectRoomName(QStringLiteral("@0123456789ABCDEF01234567"))); // upper case
    QVERIFY(!isDirectRoomName(QStringLiteral("x0123456789abcdef01234567")));
    QVERIFY(!isValidRoomName(QStringLiteral("@lobby")));
}

void tst_Names::roomAccess()
{
    natter::RoomAccess open;
    QVERIFY(open.admits(QStringLiteral("anyone")));
    QVERIFY(!open.canManage(QStringLiteral("anyone"), true));

    natter::RoomAccess group;
    group.kind = natter::RoomAccess::Kind::Group;
    group.owner = QStringLiteral("Alice");
    group.members.insert(QStringLiteral("alice"), QStringLiteral("Alice"));
    group.members.insert(QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(group.admits(QStringLiteral("BOB")));
    QVERIFY(!group.admits(QStringLiteral("Carol")));
    QVERIFY(group.canManage(QStringLiteral("alice"), false));
    QVERIFY(!group.canManage(QStringLiteral("Bob"), false));
    QVERIFY(group.canManage(QStringLiteral("Bob"), true));
    QCOMPARE(group.memberNames(), (QStringList{QStringLiteral("Alice"), QStringLiteral("Bob")}));

    natter::RoomAccess direct;
    direct.kind = natter::RoomAccess::Kind::Direct;
    direct.members = group.members;
    QCOMPARE(direct.peerOf(QStringLiteral("ALICE")), QStringLiteral("Bob"));
    QVERIFY(!direct.canManage(QStringLiteral("Alice"), true));
    QCOMPARE(natter::RoomAccess::kindFromName(natter::RoomAccess::kindName(natter::RoomAccess::Kind::Group)),
             natter::RoomAccess::Kind::Group);
}

QTEST_APPLESS_MAIN(tst_Names)
#include "tst_names.moc"
