#include "natterlink.h"

#include "names.h"

#include <QUrl>
#include <QUrlQuery>

namespace natter {

namespace {

/// A link as shown in a message: links come from anywhere, so a very long one is cut short.
QString shown(const QString &text)
{
    constexpr int maxShown = 120;
    return text.size() > maxShown ? text.left(maxShown - 1) + QChar(0x2026) : text;
}

} // namespace

std::optional<NatterLink> NatterLink::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const auto fail = [&](const QString &message) -> std::optional<NatterLink> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto notALink = [&] {
        return fail(
            tr("“%1” is not a valid Natter link. Links look like natter://host:port/room.").arg(shown(trimmed)));
    };

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("natter"), Qt::CaseInsensitive) != 0 ||
        url.host().isEmpty() || !url.userInfo().isEmpty())
        return notALink();

    NatterLink link;
    link.server.host = url.host();
    const int port = url.port(link.server.port);
    if (port <= 0 || port > 65535)
        return notALink();
    link.server.port = quint16(port);

    // One path segment, the room; "natter://host" and "natter://host/" name only the server.
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.isEmpty()) {
        if (path.contains(QLatin1Char('/')))
            return notALink();
        // The server only accepts the composed form; a link may carry either.
        const QString room = path.normalized(QString::NormalizationForm_C);
        if (!names::isValidRoomName(room))
            return fail(tr("“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.")
                            .arg(shown(path)));
        link.room = room;
    }

    // Other query items are ignored, so that newer links still open in this version.
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("user"))) {
        const QString user = query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
        if (!names::isValidUserName(user))
            return notALink();
        link.user = user;
    }
    return link;
}

QString NatterLink::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("natter"));
    url.setHost(server.host);
    url.setPort(server.port);
    if (!room.isEmpty())
        url.setPath(QLatin1Char('/') + room);
    if (!user.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("user"), QString::fromUtf8(QUrl::toPercentEncoding(user)));
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

} // namespace natter
