#include "serveraddress.h"

#include <QHostAddress>
#include <QUrlQuery>

namespace natter {

std::optional<ServerAddress> ServerAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    ServerAddress address;
    QUrl url;
    if (trimmed.contains(QLatin1String("://"))) {
        url = QUrl(trimmed, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("wss") || scheme == QLatin1String("https"))
            address.secure = true;
        else if (scheme != QLatin1String("ws") && scheme != QLatin1String("http"))
            return std::nullopt;
    } else {
        // "host", "host:port", "[v6]:port": let QUrl split it.
        url = QUrl(QStringLiteral("ws://") + trimmed, QUrl::StrictMode);
    }
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return std::nullopt;
    const QString path = url.path();
    if (!path.isEmpty() && path != QLatin1String("/") && path != QLatin1String("/ws"))
        return std::nullopt;
    address.host = url.host();
    const int port = url.port(address.secure ? 443 : 8082);
    if (port <= 0 || port > 65535)
        return std::nullopt;
    address.port = quint16(port);
    return address;
}

QUrl ServerAddress::webSocketUrl(const QString &user) const
{
    QUrl url;
    url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/ws"));
    if (!user.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("user"), QString::fromUtf8(QUrl::toPercentEncoding(user)));
        url.setQuery(query);
    }
    return url;
}

QUrl ServerAddress::httpUrl(const QString &path) const
{
    QUrl url;
    url.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(path);
    return url;
}

QString ServerAddress::display() const
{
    const bool ipv6 = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
    const QString shownHost = ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return (secure ? QStringLiteral("wss://") : QString()) + shownHost + QLatin1Char(':') + QString::number(port);
}

} // namespace natter
