#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUrl>

/** @brief Blocking-style HTTP calls for tests, over a real QNetworkAccessManager. */
class HttpClient
{
public:
    struct Result
    {
        int status = 0; ///< 0 when no response arrived.
        QByteArray body;
        QByteArray contentType;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QString error() const;
    };

    Result get(const QUrl &url);
    Result post(const QUrl &url, const QByteArray &body, const QByteArray &contentType = "application/json");
    Result remove(const QUrl &url);
    Result put(const QUrl &url, const QByteArray &body);
    Result sendCustom(const QUrl &url, const QByteArray &verb, const QByteArray &body);

    /// Sent as `Authorization: Bearer` with every request when set.
    QByteArray bearerToken;

private:
    QNetworkRequest request(const QUrl &url) const;
    Result finish(class QNetworkReply *reply);
    QNetworkAccessManager m_network;
};
