#include "languagemanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>
#include <QThread>

#include <algorithm>

namespace natter {

namespace {

const QString settingsKey = QStringLiteral("language");
const QString sourceLanguage = QStringLiteral("en");
const QString resourceDir = QStringLiteral(":/i18n");

// Each translation names its own language: this message, translated into the language of the file it is in.
struct
{
    const char *source;
    const char *comment;
} const ownName = QT_TRANSLATE_NOOP3("natter::LanguageManager", "English",
                                     "The name of the language of this translation, written in that language.");

QString resourceFile(const QString &code)
{
    return resourceDir + QStringLiteral("/natter_") + code + QStringLiteral(".qm");
}

bool sameLanguage(const QLocale &a, const QLocale &b)
{
    return a.language() == b.language() && a.script() == b.script();
}

/// Turns the QEvent::LanguageChange that every installed or removed translator sends to the application into one
/// signal per switch, delivered from the event loop.
class LanguageChangeWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageChangeWatcher(QCoreApplication *application)
        : QObject(application)
    {
        application->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == parent() && !m_pending) {
            m_pending = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_pending = false;
                    emit changed();
                },
                Qt::QueuedConnection);
        }
        return false;
    }

signals:
    void changed();

private:
    bool m_pending = false;
};

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
    if (!s_instance)
        s_instance = this;
    init();
}

LanguageManager::LanguageManager(EngineOwned, QQmlEngine *engine)
{
    init();
    addEngine(engine);
}

LanguageManager::~LanguageManager()
{
    if (s_instance == this)
        s_instance = nullptr;
    // The translators take themselves out of the application as they go.
}

void LanguageManager::init()
{
    const QStringList codes = availableLanguages();
    for (const QString &code : codes)
        m_languages.append(QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), nativeName(code)}});
    std::stable_sort(m_languages.begin() + 1, m_languages.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("name")).toString() < b.toMap().value(QStringLiteral("name")).toString();
    });
    if (!m_englishTranslator.load(resourceFile(sourceLanguage)))
        qWarning("The English translation is missing from the resources");
    const QString saved = QSettings().value(settingsKey).toString();
    m_language = codes.contains(saved) ? saved : QString();
    apply();
}

void LanguageManager::setLanguage(const QString &code)
{
    if (code == m_language || (!code.isEmpty() && !availableLanguages().contains(code)))
        return;
    m_language = code;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, code);
    apply();
    emit languageChanged();
}

void LanguageManager::addEngine(QQmlEngine *engine)
{
    if (engine && !m_engines.contains(engine))
        m_engines.append(engine);
}

void LanguageManager::apply()
{
    m_effective = m_language.isEmpty() ? languageFor(QLocale::system()) : m_language;

    // Dates and numbers: the system's formats, unless the user chose another language than the system's.
    const QLocale system = QLocale::system();
    const QLocale chosen(m_effective);
    QLocale::setDefault(m_language.isEmpty() || sameLanguage(chosen, system) ? system : chosen);

    // The application looks in the translator installed last first: the chosen language, then English, then Qt's.
    QCoreApplication::removeTranslator(&m_translator);
    QCoreApplication::removeTranslator(&m_englishTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (m_qtTranslator.load(chosen, QStringLiteral("qt"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
    QCoreApplication::installTranslator(&m_englishTranslator);
    if (m_effective != sourceLanguage && m_translator.load(resourceFile(m_effective)))
        QCoreApplication::installTranslator(&m_translator);

    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (engine)
            engine->retranslate();
    }
}

QStringList LanguageManager::availableLanguages()
{
    QStringList codes;
    const QStringList files = QDir(resourceDir).entryList({QStringLiteral("natter_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes.append(file.mid(7, file.size() - 10)); // natter_<code>.qm
    codes.removeAll(sourceLanguage);
    codes.prepend(sourceLanguage);
    return codes;
}

QString LanguageManager::languageFor(const QLocale &locale)
{
    const QStringList codes = availableLanguages();
    const QStringList wanted = locale.uiLanguages();
    for (const QString &name : wanted) {
        const QLocale candidate(name);
        if (candidate.language() == QLocale::C || candidate.language() == QLocale::AnyLanguage)
            continue;
        for (const QString &code : codes) {
            if (sameLanguage(QLocale(code), candidate))
                return code;
        }
    }
    return sourceLanguage;
}

QString LanguageManager::nativeName(const QString &code)
{
    QTranslator translator;
    if (translator.load(resourceFile(code))) {
        const QString name = translator.translate("natter::LanguageManager", ownName.source, ownName.comment);
        if (!name.isEmpty())
            return name;
    }
    return QLocale(code).nativeLanguageName();
}

LanguageManager *LanguageManagerForeign::create(QQmlEngine *engine, QJSEngine *)
{
    LanguageManager *instance = LanguageManager::s_instance;
    if (instance && instance->thread() == engine->thread()) {
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        instance->addEngine(engine);
        return instance;
    }
    return new LanguageManager(LanguageManager::EngineOwned{}, engine);
}

void onLanguageChange(QObject *context, std::function<void()> function)
{
    auto *application = QCoreApplication::instance();
    if (!application)
        return;
    Q_ASSERT(QThread::currentThread() == application->thread());
    auto *watcher = application->findChild<LanguageChangeWatcher *>(QString(), Qt::FindDirectChildrenOnly);
    if (!watcher)
        watcher = new LanguageChangeWatcher(application);
    QObject::connect(watcher, &LanguageChangeWatcher::changed, context, std::move(function));
}

} // namespace natter

#include "languagemanager.moc"
