#include "httpclient.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>

QString HttpClient::Result::error() const
{
    return json().object().value(QLatin1StringView("error")).toString();
}

HttpClient::Result HttpClient::finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Result result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return result;
}

QNetworkRequest HttpClient::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken);
    return request;
}

HttpClient::Result HttpClient::get(const QUrl &url)
{
    return finish(m_network.get(request(url)));
}

HttpClient::Result HttpClient::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest outgoing = request(url);
    outgoing.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return finish(m_network.post(outgoing, body));
}

HttpClient::Result HttpClient::remove(const QUrl &url)
{
    return finish(m_network.deleteResource(request(url)));
}

HttpClient::Result HttpClient::put(const QUrl &url, const QByteArray &body)
{
    QNetworkRequest outgoing = request(url);
    outgoing.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return finish(m_network.put(outgoing, body));
}

HttpClient::Result HttpClient::sendCustom(const QUrl &url, const QByteArray &verb, const QByteArray &body)
{
    QNetworkRequest outgoing = request(url);
    outgoing.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return finish(m_network.sendCustomRequest(outgoing, verb, body));
}
