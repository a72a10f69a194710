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

HttpClient::Result HttpClient::get(const QUrl &url)
{
    return finish(m_network.get(QNetworkRequest(url)));
}

HttpClient::Result HttpClient::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return finish(m_network.post(request, body));
}

HttpClient::Result HttpClient::remove(const QUrl &url)
{
    return finish(m_network.deleteResource(QNetworkRequest(url)));
}

HttpClient::Result HttpClient::put(const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return finish(m_network.put(request, body));
}

HttpClient::Result HttpClient::sendCustom(const QUrl &url, const QByteArray &verb, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return finish(m_network.sendCustomRequest(request, verb, body));
}
