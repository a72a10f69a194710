import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Templates as T

// The app's dialogs: centred over the window, never larger than it (1366×768 at 150% included), the window
// behind dimmed, Esc closes.
Dialog {
    id: dialog

    property real preferredWidth: Theme.lineHeight * 26

    modal: true
    focus: true
    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.spacingLarge * 2 : preferredWidth, preferredWidth)
    height: Math.min(implicitHeight, parent ? parent.height - Theme.spacingLarge * 2 : implicitHeight)
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacing * 1.5
    topPadding: Theme.spacing

    header: Label {
        text: dialog.title
        visible: text.length > 0
        font.bold: true
        font.pointSize: Theme.headingFontSize
        elide: Text.ElideRight
        padding: Theme.spacing * 1.5
        bottomPadding: 0
        Accessible.role: Accessible.Heading
    }

    background: Rectangle {
        color: Theme.window
        radius: Theme.radius
        border.width: 1
        border.color: Theme.dark ? Qt.lighter(Theme.window, 1.8) : Theme.separator
    }

    T.Overlay.modal: Rectangle {
        color: Qt.rgba(0, 0, 0, Theme.dark ? 0.45 : 0.3)
    }
}
