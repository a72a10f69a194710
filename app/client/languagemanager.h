#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqml.h>

#include <functional>

class QJSEngine;
class QLocale;
class QQmlEngine;

namespace natter {

/**
 * @brief The language of the user interface: the system's by default, or the one chosen in Settings, applied
 * at once without a restart.
 *
 * The translations are compiled in as ":/i18n/natter_<code>.qm" (from translations/natter_<code>.ts), and each
 * one names its own language, so a new .ts file is all a new language needs. A switch installs the new
 * translators (the app's, over English, which holds the source language's plural forms, and Qt's own where the
 * system has them), makes QLocale's default follow a chosen language (dates), and has the QML engine re-evaluate
 * every binding that uses qsTr(). C++ objects that keep translated text follow with onLanguageChange().
 *
 * QML sees the app's instance as the singleton `LanguageManager` of Natter.Client (LanguageManagerForeign).
 */
class LanguageManager : public QObject
{
    Q_OBJECT
    /// The chosen language ("de", "zh_CN", ...), or empty to follow the system. Kept in the settings.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// The language in use: the chosen one, or the one that suits the system ("en" when none does).
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    /// The languages there are translations for, as {code, name} with each name in its own language; English
    /// first, then by name.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

public:
    /// Applies the language saved in the settings, or the system's.
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    QString language() const { return m_language; }
    /// Switches to @p code (empty: the system's language) and saves the choice. Unknown codes are ignored.
    void setLanguage(const QString &code);
    QString effectiveLanguage() const { return m_effective; }
    QVariantList languages() const { return m_languages; }

    /// Has @p engine re-evaluate its qsTr() bindings on every switch (engines that use the singleton do).
    void addEngine(QQmlEngine *engine);

    /// Codes of the compiled-in translations, "en" first.
    static QStringList availableLanguages();
    /// The translation that suits @p locale: the first of its UI languages that one matches by language and
    /// script ("de-AT" gets "de", "zh-Hans-SG" gets "zh_CN", "zh-TW" none), or "en".
    static QString languageFor(const QLocale &locale);
    /// @p code's name in its own language, as its translation gives it ("Deutsch" for "de").
    static QString nativeName(const QString &code);

signals:
    void languageChanged();

private:
    friend struct LanguageManagerForeign;
    struct EngineOwned
    {};
    LanguageManager(EngineOwned, QQmlEngine *engine);
    void init();
    void apply();

    static inline LanguageManager *s_instance = nullptr;

    QString m_language;
    QString m_effective;
    QVariantList m_languages;
    QTranslator m_qtTranslator;      ///< Qt's own texts (network errors), where the system has them.
    QTranslator m_englishTranslator; ///< Always installed: the source language's plural forms.
    QTranslator m_translator;        ///< The chosen language, over English.
    QList<QPointer<QQmlEngine>> m_engines;
};

/// The QML singleton `LanguageManager`: the instance the application made, or else a new one that the engine owns
/// (a test, a tool). Qt 6.4 only calls a singleton's factory in place of a default constructor from a foreign type.
struct LanguageManagerForeign
{
    Q_GADGET
    QML_FOREIGN(LanguageManager)
    QML_NAMED_ELEMENT(LanguageManager)
    QML_SINGLETON

public:
    static LanguageManager *create(QQmlEngine *engine, QJSEngine *);
};

/// Calls @p function in @p context's thread after the application's translations changed (once per switch, from
/// the event loop), for as long as @p context lives. For C++ objects that hold text produced with tr().
void onLanguageChange(QObject *context, std::function<void()> function);

} // namespace natter
