#include "names.h"

#include <QCryptographicHash>

#include <algorithm>

#include <QStringView>

namespace natter::names {

namespace {

// Counts code points and checks each one, so surrogate pairs count once and lone surrogates are refused.
template <typename Predicate> bool allCodePoints(const QString &text, int maxLength, Predicate accept)
{
    int length = 0;
    const auto *it = text.cbegin();
    const auto *end = text.cend();
    while (it != end) {
        char32_t codePoint = it->unicode();
        if (it->isHighSurrogate()) {
            if (it + 1 == end || !(it + 1)->isLowSurrogate())
                return false;
            codePoint = QChar::surrogateToUcs4(*it, *(it + 1));
            it += 2;
        } else if (it->isLowSurrogate()) {
            return false;
        } else {
            ++it;
        }
        if (++length > maxLength || !accept(codePoint))
            return false;
    }
    return length > 0;
}

} // namespace

QString directRoomName(const QString &a, const QString &b)
{
    QString first = userKey(a);
    QString second = userKey(b);
    if (second < first)
        std::swap(first, second);
    // Names may hold any printable character, so they are hashed rather than joined into the room name; the
    // length prefix keeps two different pairs from hashing the same text.
    const QByteArray digest = QCryptographicHash::hash(
        (QString::number(first.size()) + QLatin1Char(':') + first + second).toUtf8(), QCryptographicHash::Sha256);
    return QLatin1Char('@') + QString::fromLatin1(digest.toHex().left(24));
}

bool isDirectRoomName(QStringView name)
{
    if (name.size() != 25 || name.front() != u'@')
        return false;
    return std::all_of(name.begin() + 1, name.end(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

bool isValidRoomName(const QString &name)
{
    if (isDirectRoomName(name))
        return true;
    const bool allowed = allCodePoints(name, maxRoomNameLength, [](char32_t c) {
        return c == u'-' || c == u'_' || c == u'.' || QChar::isLetter(c) ||
               QChar::category(c) == QChar::Number_DecimalDigit;
    });
    // "." and ".." would be path navigation in REST URLs, not rooms.
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return false;
    return allowed && name.normalized(QString::NormalizationForm_C) == name;
}

bool isValidUserName(const QString &name)
{
    const bool allowed = allCodePoints(name, maxUserNameLength, [](char32_t c) {
        const auto category = QChar::category(c);
        return QChar::isPrint(c) && category != QChar::Separator_Line && category != QChar::Separator_Paragraph;
    });
    return allowed && !name.front().isSpace() && !name.back().isSpace();
}

QString roomNameRule()
{
    return QStringLiteral("a room name is 1 to 64 letters, digits, '-', '_' or '.'");
}

QString userNameRule()
{
    return QStringLiteral("a user name is 1 to 64 printable characters without leading or trailing spaces");
}

} // namespace natter::names
