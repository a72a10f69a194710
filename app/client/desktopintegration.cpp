#include "desktopintegration.h"
#include "languagemanager.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>
#include <QWindow>

namespace natter {

namespace {

/// The tray icon: a speech bubble, with a dot when something is unread. Drawn, so it is sharp at any scale.
QIcon trayIcon(bool unread)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal s = size;
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(s * 0.08, s * 0.12, s * 0.84, s * 0.62), s * 0.18, s * 0.18);
        QPainterPath tail;
        tail.moveTo(s * 0.28, s * 0.70);
        tail.lineTo(s * 0.22, s * 0.92);
        tail.lineTo(s * 0.48, s * 0.72);
        painter.fillPath(bubble.united(tail), QColor(0x3b, 0x82, 0xf6));
        if (unread) {
            painter.setBrush(QColor(0xef, 0x44, 0x44));
            painter.setPen(QPen(Qt::white, std::max(1.0, s * 0.05)));
            painter.drawEllipse(QRectF(s * 0.58, s * 0.02, s * 0.40, s * 0.40));
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

DesktopIntegration::DesktopIntegration(QObject *parent)
    : QObject(parent)
{
    // The tray needs QApplication (widgets); the headless server and plain GUI tests run without one.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()) || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(trayIcon(false), this);
    m_menu = new QMenu;
    m_showAction = m_menu->addAction(QString());
    connect(m_showAction, &QAction::triggered, this, &DesktopIntegration::showRequested);
    m_muteAction = m_menu->addAction(QString());
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::toggled, this, &DesktopIntegration::setMuted);
    connect(this, &DesktopIntegration::mutedChanged, m_muteAction, [this] { m_muteAction->setChecked(m_muted); });
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(QString());
    connect(m_quitAction, &QAction::triggered, this, &DesktopIntegration::quitRequested);
    retranslate();
    onLanguageChange(this, [this] { retranslate(); });
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        emit showRequested();
        if (!m_lastNotifiedRoom.isEmpty())
            emit roomRequested(m_lastNotifiedRoom);
    });
    m_tray->show();
}

DesktopIntegration::~DesktopIntegration()
{
    delete m_menu;
}

bool DesktopIntegration::trayAvailable() const
{
    return m_tray != nullptr;
}

void DesktopIntegration::setUnreadCount(int count)
{
    if (m_unread == count)
        return;
    const bool hadUnread = m_unread > 0;
    m_unread = count;
    if (m_tray) {
        updateToolTip();
        if (hadUnread != (count > 0))
            m_tray->setIcon(trayIcon(count > 0));
    }
    emit unreadCountChanged();
}

void DesktopIntegration::retranslate()
{
    m_showAction->setText(tr("Show Natter"));
    m_muteAction->setText(tr("Mute notifications"));
    m_quitAction->setText(tr("Quit"));
    updateToolTip();
}

void DesktopIntegration::updateToolTip()
{
    m_tray->setToolTip(m_unread > 0 ? tr("Natter: %n unread message(s)", nullptr, m_unread) : tr("Natter"));
}

void DesktopIntegration::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    emit mutedChanged();
}

void DesktopIntegration::setWindow(QWindow *window)
{
    if (m_window == window)
        return;
    m_window = window;
    emit windowChanged();
}

bool DesktopIntegration::notifyMessage(const QString &room, const QString &roomLabel, const QString &sender,
                                       const QString &text)
{
    const bool windowFocused = m_window && m_window->isActive() && m_window->isVisible();
    if (m_muted || windowFocused || !m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_lastNotifiedRoom = room;
    const QString body = text.size() > 200 ? text.left(199) + QChar(0x2026) : text;
    const QString title = roomLabel.isEmpty() ? sender : tr("%1 in %2").arg(sender, roomLabel);
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
    return true;
}

bool DesktopIntegration::notifyInvitation(const QString &room, const QString &by)
{
    const bool windowFocused = m_window && m_window->isActive() && m_window->isVisible();
    if (m_muted || windowFocused || !m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_lastNotifiedRoom.clear(); // clicking shows the window, where the invitation waits for an answer
    m_tray->showMessage(tr("%1 invited you to %2").arg(by, room), tr("Open Natter to accept or decline."),
                        QSystemTrayIcon::Information, 8000);
    return true;
}

} // namespace natter
