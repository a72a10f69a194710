#include "tokenstore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokens, "natter.client.tokens")

namespace natter {

namespace {

/// Calls @p done with @p token from the event loop, as a keychain would, unless @p context is gone by then.
void answerLater(QObject *context, TokenStore::ReadCallback done, const QString &token)
{
    QTimer::singleShot(0, context, [done = std::move(done), token] { done(token); });
}

} // namespace

QString TokenStore::keyFor(const QString &serverAddress, const QString &user)
{
    return user.toCaseFolded() + QLatin1Char('@') + serverAddress;
}

void MemoryTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    answerLater(context, std::move(done), m_tokens.value(key));
}

void MemoryTokenStore::write(const QString &key, const QString &token)
{
    m_tokens.insert(key, token);
    QTimer::singleShot(0, this, [this, key] { emit changeSettled(key); });
}

void MemoryTokenStore::remove(const QString &key)
{
    m_tokens.remove(key);
    QTimer::singleShot(0, this, [this, key] { emit changeSettled(key); });
}

KeychainTokenStore::KeychainTokenStore(QString service, QObject *parent)
    : TokenStore(parent)
    , m_service(std::move(service))
{}

void KeychainTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    if (m_failed || m_session.contains(key))
        return answerLater(context, std::move(done), m_session.value(key));
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    const quint64 changes = m_changes.value(key);
    connect(job, &QKeychain::Job::finished, context, [this, job, key, changes, done = std::move(done)] {
        QString token;
        switch (job->error()) {
        case QKeychain::NoError:
            token = job->textData();
            // Unless the token was replaced or removed while the keychain answered.
            if (m_changes.value(key) == changes)
                m_session.insert(key, token);
            else
                token = m_session.value(key);
            break;
        case QKeychain::EntryNotFound:
            token = m_session.value(key);
            break;
        default:
            fallBack(job->errorString());
            token = m_session.value(key);
            break;
        }
        done(token);
    });
    job->start();
}

void KeychainTokenStore::write(const QString &key, const QString &token)
{
    m_changes[key] += 1;
    m_session.insert(key, token);
    if (m_failed) {
        QTimer::singleShot(0, this, [this, key] { emit changeSettled(key); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(token);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() != QKeychain::NoError)
            fallBack(job->errorString());
        emit changeSettled(key);
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key)
{
    m_changes[key] += 1;
    m_session.remove(key);
    if (m_failed) {
        QTimer::singleShot(0, this, [this, key] { emit changeSettled(key); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            fallBack(job->errorString());
        emit changeSettled(key);
    });
    job->start();
}

void KeychainTokenStore::fallBack(const QString &reason)
{
    if (m_failed)
        return;
    // Never the token itself: only what went wrong.
    qCWarning(lcTokens).noquote() << "the keychain cannot be used; login tokens are kept for this session only:"
                                  << reason;
    m_failed = true;
    m_problem = reason;
    emit persistenceChanged();
}

} // namespace natter
