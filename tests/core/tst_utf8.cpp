#include "utf8.h"

#include <QByteArray>
#include <QTest>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace {

QByteArray bytes(std::initializer_list<unsigned char> list)
{
    QByteArray result;
    for (unsigned char byte : list)
        result.append(char(byte));
    return result;
}

/// A straightforward strict decoder (RFC 3629) to compare the optimised check against.
bool referenceValid(QByteArrayView data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned lead = p[i];
        int length;
        char32_t codePoint;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false;
        }
        if (size - i < length)
            return false;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (p[i + k] & 0x3F);
        }
        const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

} // namespace

class tst_Utf8 : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data();
    void sequences();
    void badByteInAsciiRun_data();
    void badByteInAsciiRun();
    void validSequenceInAsciiRun_data();
    void validSequenceInAsciiRun();
    void viewBoundsRespected();
    void unalignedViews();
    void allTwoAndThreeByteSequences();
    void fourByteSequences();
    void agreesWithQtOnText();
};

void tst_Utf8::sequences_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("valid");

    // Valid
    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("ascii") << "hello, world"_ba << true;
    QTest::addRow("NUL byte") << bytes({0x00}) << true;
    QTest::addRow("DEL") << bytes({0x7F}) << true;
    QTest::addRow("2-byte lowest U+0080") << bytes({0xC2, 0x80}) << true;
    QTest::addRow("2-byte e-acute") << bytes({0xC3, 0xA9}) << true;
    QTest::addRow("2-byte highest U+07FF") << bytes({0xDF, 0xBF}) << true;
    QTest::addRow("3-byte lowest U+0800") << bytes({0xE0, 0xA0, 0x80}) << true;
    QTest::addRow("3-byte euro") << bytes({0xE2, 0x82, 0xAC}) << true;
    QTest::addRow("3-byte U+D7FF before surrogates") << bytes({0xED, 0x9F, 0xBF}) << true;
    QTest::addRow("3-byte U+E000 after surrogates") << bytes({0xEE, 0x80, 0x80}) << true;
    QTest::addRow("3-byte U+FFFD") << bytes({0xEF, 0xBF, 0xBD}) << true;
    QTest::addRow("3-byte U+FFFF") << bytes({0xEF, 0xBF, 0xBF}) << true;
    QTest::addRow("4-byte lowest U+10000") << bytes({0xF0, 0x90, 0x80, 0x80}) << true;
    QTest::addRow("4-byte emoji") << bytes({0xF0, 0x9F, 0x98, 0x80}) << true;
    QTest::addRow("4-byte U+FFFFF") << bytes({0xF3, 0xBF, 0xBF, 0xBF}) << true;
    QTest::addRow("4-byte highest U+10FFFF") << bytes({0xF4, 0x8F, 0xBF, 0xBF}) << true;
    QTest::addRow("mixed text") << QString(u"h\u00E9llo \U0001F389 \u65E5\u672C \u20AC"_s).toUtf8() << true;

    // Overlong forms
    QTest::addRow("overlong NUL C0 80") << bytes({0xC0, 0x80}) << false;
    QTest::addRow("overlong C1 BF") << bytes({0xC1, 0xBF}) << false;
    QTest::addRow("overlong E0 80 80") << bytes({0xE0, 0x80, 0x80}) << false;
    QTest::addRow("overlong E0 9F BF") << bytes({0xE0, 0x9F, 0xBF}) << false;
    QTest::addRow("overlong F0 80 80 80") << bytes({0xF0, 0x80, 0x80, 0x80}) << false;
    QTest::addRow("overlong F0 8F BF BF") << bytes({0xF0, 0x8F, 0xBF, 0xBF}) << false;
    QTest::addRow("overlong slash C0 AF") << bytes({0xC0, 0xAF}) << false;

    // Surrogates
    QTest::addRow("surrogate ED A0 80") << bytes({0xED, 0xA0, 0x80}) << false;
    QTest::addRow("surrogate ED AD BF") << bytes({0xED, 0xAD, 0xBF}) << false;
    QTest::addRow("surrogate ED B0 80") << bytes({0xED, 0xB0, 0x80}) << false;
    QTest::addRow("surrogate ED BF BF") << bytes({0xED, 0xBF, 0xBF}) << false;
    QTest::addRow("surrogate pair CESU-8") << bytes({0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}) << false;

    // Above U+10FFFF and impossible bytes
    QTest::addRow("above U+10FFFF F4 90 80 80") << bytes({0xF4, 0x90, 0x80, 0x80}) << false;
    QTest::addRow("F4 BF BF BF") << bytes({0xF4, 0xBF, 0xBF, 0xBF}) << false;
    QTest::addRow("F5 lead") << bytes({0xF5, 0x80, 0x80, 0x80}) << false;
    QTest::addRow("F7 lead") << bytes({0xF7, 0xBF, 0xBF, 0xBF}) << false;
    QTest::addRow("5-byte F8") << bytes({0xF8, 0x88, 0x80, 0x80, 0x80}) << false;
    QTest::addRow("6-byte FC") << bytes({0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}) << false;
    QTest::addRow("FE") << bytes({0xFE}) << false;
    QTest::addRow("FF") << bytes({0xFF}) << false;

    // Truncated sequences
    QTest::addRow("truncated 2-byte") << bytes({0xC3}) << false;
    QTest::addRow("truncated 3-byte after 1") << bytes({0xE2}) << false;
    QTest::addRow("truncated 3-byte after 2") << bytes({0xE2, 0x82}) << false;
    QTest::addRow("truncated 4-byte after 1") << bytes({0xF0}) << false;
    QTest::addRow("truncated 4-byte after 2") << bytes({0xF0, 0x9F}) << false;
    QTest::addRow("truncated 4-byte after 3") << bytes({0xF0, 0x9F, 0x98}) << false;
    QTest::addRow("ascii then truncated") << bytes({'a', 'b', 0xE2, 0x82}) << false;
    QTest::addRow("truncated then ascii") << bytes({0xC3, 'a'}) << false;
    QTest::addRow("3-byte, second continuation missing") << bytes({0xE2, 0x82, 'a'}) << false;
    QTest::addRow("4-byte, third continuation missing") << bytes({0xF0, 0x9F, 0x98, 'a'}) << false;
    QTest::addRow("lead followed by lead") << bytes({0xC3, 0xC3, 0xA9}) << false;
    QTest::addRow("3-byte, bad second continuation") << bytes({0xE1, 0x80, 0xC0}) << false;
    QTest::addRow("4-byte, bad third continuation") << bytes({0xF1, 0x80, 0x7F, 0x80}) << false;
    QTest::addRow("4-byte, bad fourth continuation") << bytes({0xF1, 0x80, 0x80, 0xC0}) << false;

    // Stray continuation bytes
    QTest::addRow("lone 80") << bytes({0x80}) << false;
    QTest::addRow("lone BF") << bytes({0xBF}) << false;
    QTest::addRow("continuation after ascii") << bytes({'a', 0x80}) << false;
    QTest::addRow("extra continuation after 2-byte") << bytes({0xC3, 0xA9, 0xA9}) << false;
    QTest::addRow("extra continuation after 4-byte") << bytes({0xF0, 0x9F, 0x98, 0x80, 0x80}) << false;
}

void tst_Utf8::sequences()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, valid);
    QCOMPARE(natter::isValidUtf8(data), valid);
    QCOMPARE(referenceValid(data), valid); // keeps the reference honest
}

void tst_Utf8::badByteInAsciiRun_data()
{
    QTest::addColumn<QByteArray>("data");

    // Lengths around multiples of 8 and offsets at the start, inside and at the end of 8-byte blocks.
    for (qsizetype length : {1, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 64, 100}) {
        for (qsizetype offset : {0, 1, 6, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 63, 99}) {
            if (offset >= length)
                continue;
            for (unsigned char bad : {0x80, 0xBF, 0xC0, 0xFF}) {
                QByteArray data(length, 'x');
                data[offset] = char(bad);
                QTest::addRow("len %lld, %02X at %lld", qlonglong(length), unsigned(bad), qlonglong(offset)) << data;
            }
            // A lead byte whose sequence is cut by the next ASCII byte (or the end).
            QByteArray data(length, 'x');
            data[offset] = char(0xE2);
            QTest::addRow("len %lld, truncated E2 at %lld", qlonglong(length), qlonglong(offset)) << data;
        }
    }
}

void tst_Utf8::badByteInAsciiRun()
{
    QFETCH(QByteArray, data);
    QVERIFY(!natter::isValidUtf8(data));
    QVERIFY(natter::isValidUtf8(QByteArray(data.size(), 'x'))); // the same run without the bad byte
}

void tst_Utf8::validSequenceInAsciiRun_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("valid");

    const QByteArray sequences[] = {bytes({0xC3, 0xA9}), bytes({0xE2, 0x82, 0xAC}), bytes({0xF0, 0x9F, 0x98, 0x80})};
    for (const QByteArray &sequence : sequences) {
        for (qsizetype before : {0, 1, 5, 7, 8, 9, 16, 30}) {
            for (qsizetype after : {0, 1, 7, 8, 9, 20}) {
                const QByteArray data = QByteArray(before, 'a') + sequence + QByteArray(after, 'b');
                QTest::addRow("%lld-byte sequence, %lld before, %lld after", qlonglong(sequence.size()),
                              qlonglong(before), qlonglong(after))
                    << data << true;
                // The same with its last byte cut off is invalid wherever it sits.
                const QByteArray cut = QByteArray(before, 'a') + sequence.chopped(1) + QByteArray(after, 'b');
                QTest::addRow("cut %lld-byte sequence, %lld before, %lld after", qlonglong(sequence.size()),
                              qlonglong(before), qlonglong(after))
                    << cut << false;
            }
        }
    }
    // A long valid run: many multi-byte sequences between ASCII blocks, then one bad byte at the very end.
    QByteArray longText;
    for (int i = 0; i < 200; ++i)
        longText += "abcdefghijk"_ba + bytes({0xC3, 0xA9}) + "0123456"_ba + bytes({0xF0, 0x9F, 0x98, 0x80});
    QTest::addRow("long mixed text") << longText << true;
    QTest::addRow("long mixed text, bad last byte") << longText + bytes({0x80}) << false;
    QTest::addRow("long mixed text, surrogate at the end") << longText + bytes({0xED, 0xA0, 0x80}) << false;
}

void tst_Utf8::validSequenceInAsciiRun()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, valid);
    QCOMPARE(natter::isValidUtf8(data), valid);
}

void tst_Utf8::viewBoundsRespected()
{
    // The check must stop at the end of the view, not at the end of the buffer.
    const QByteArray eAcute = bytes({0xC3, 0xA9});
    QVERIFY(natter::isValidUtf8(QByteArrayView(eAcute)));
    QVERIFY(!natter::isValidUtf8(QByteArrayView(eAcute).first(1))); // cut inside the sequence

    const QByteArray badTail = QByteArray(20, 'a') + bytes({0xFF});
    QVERIFY(!natter::isValidUtf8(badTail));
    for (qsizetype length = 0; length <= 20; ++length)
        QVERIFY2(natter::isValidUtf8(QByteArrayView(badTail).first(length)), QByteArray::number(length).constData());

    const QByteArray emoji = QByteArray(9, 'a') + bytes({0xF0, 0x9F, 0x98, 0x80});
    QVERIFY(natter::isValidUtf8(emoji));
    for (qsizetype length = 10; length < emoji.size(); ++length)
        QVERIFY2(!natter::isValidUtf8(QByteArrayView(emoji).first(length)), QByteArray::number(length).constData());
}

void tst_Utf8::unalignedViews()
{
    // The 8-byte fast path must not depend on the alignment of the data.
    const QByteArray text = QByteArray(40, 'a') + bytes({0xE2, 0x82, 0xAC}) + QByteArray(40, 'b');
    const QByteArray broken = QByteArray(40, 'a') + bytes({0xE2, 0x28, 0xAC}) + QByteArray(40, 'b');
    for (qsizetype start = 0; start < 8; ++start) {
        QVERIFY(natter::isValidUtf8(QByteArrayView(text).sliced(start)));
        QVERIFY(!natter::isValidUtf8(QByteArrayView(broken).sliced(start)));
    }
}

void tst_Utf8::allTwoAndThreeByteSequences()
{
    // Every one-, two- and three-byte input, compared with the reference decoder.
    unsigned char buffer[3];
    for (int a = 0; a < 256; ++a) {
        buffer[0] = static_cast<unsigned char>(a);
        const QByteArrayView one(buffer, 1);
        if (natter::isValidUtf8(one) != referenceValid(one))
            QFAIL(qPrintable(QStringLiteral("mismatch for %1").arg(a, 2, 16, QLatin1Char('0'))));
        for (int b = 0; b < 256; ++b) {
            buffer[1] = static_cast<unsigned char>(b);
            const QByteArrayView two(buffer, 2);
            if (natter::isValidUtf8(two) != referenceValid(two))
                QFAIL(qPrintable(QString::fromLatin1(two.toByteArray().toHex(' '))));
            for (int c = 0; c < 256; ++c) {
                buffer[2] = static_cast<unsigned char>(c);
                const QByteArrayView three(buffer, 3);
                if (natter::isValidUtf8(three) != referenceValid(three))
                    QFAIL(qPrintable(QString::fromLatin1(three.toByteArray().toHex(' '))));
            }
        }
    }
}

void tst_Utf8::fourByteSequences()
{
    // Every four-byte input whose lead byte is F0..F4 (or around them), compared with the reference decoder.
    unsigned char buffer[4];
    for (int a = 0xEF; a <= 0xF5; ++a) {
        buffer[0] = static_cast<unsigned char>(a);
        for (int b = 0; b < 256; ++b) {
            buffer[1] = static_cast<unsigned char>(b);
            for (int c = 0x70; c < 0xD0; ++c) {
                buffer[2] = static_cast<unsigned char>(c);
                for (int d = 0x70; d < 0xD0; ++d) {
                    buffer[3] = static_cast<unsigned char>(d);
                    const QByteArrayView four(buffer, 4);
                    if (natter::isValidUtf8(four) != referenceValid(four))
                        QFAIL(qPrintable(QString::fromLatin1(four.toByteArray().toHex(' '))));
                }
            }
        }
    }
}

void tst_Utf8::agreesWithQtOnText()
{
    // Every encodable code point, encoded by Qt, is valid.
    QString all;
    for (char32_t codePoint = 0; codePoint <= 0x10FFFF; ++codePoint) {
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            continue;
        if (QChar::requiresSurrogates(codePoint)) {
            all.append(QChar::highSurrogate(codePoint));
            all.append(QChar::lowSurrogate(codePoint));
        } else {
            all.append(QChar(char16_t(codePoint)));
        }
    }
    const QByteArray utf8 = all.toUtf8();
    QVERIFY(natter::isValidUtf8(utf8));
    QVERIFY(referenceValid(utf8));
}

QTEST_APPLESS_MAIN(tst_Utf8)
#include "tst_utf8.moc"
