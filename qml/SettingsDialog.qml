import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// Preferences: tray behaviour, notifications, start-up connection.
ModalDialog {
    id: dialog

    property bool trayAvailable: false
    property bool minimizeToTray: false
    property bool muted: false
    property bool autoConnect: true

    signal minimizeToTrayToggled(bool on)
    signal mutedToggled(bool on)
    signal autoConnectToggled(bool on)

    title: qsTr("Settings")
    preferredWidth: Theme.lineHeight * 28
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: trayBox.forceActiveFocus()

    contentItem: ScrollView {
        id: scroll
        clip: true
        contentWidth: availableWidth
        implicitHeight: form.implicitHeight

        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: Theme.spacingSmall

            CheckBox {
                id: trayBox
                Layout.fillWidth: true
                text: qsTr("Keep running in the tray when closed")
                checked: dialog.minimizeToTray
                enabled: dialog.trayAvailable
                onToggled: dialog.minimizeToTrayToggled(checked)
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: trayBox.indicator ? trayBox.indicator.width + trayBox.spacing + trayBox.leftPadding : 0
                text: dialog.trayAvailable ? qsTr("Natter then stays connected and notifies you of new messages; quit from the tray menu.")
                                           : qsTr("This desktop has no system tray, so closing the window quits Natter.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
                font.pointSize: Theme.smallFontSize
            }
            CheckBox {
                Layout.fillWidth: true
                text: qsTr("Mute notifications")
                checked: dialog.muted
                onToggled: dialog.mutedToggled(checked)
            }
            CheckBox {
                Layout.fillWidth: true
                text: qsTr("Connect to the last server when Natter starts")
                checked: dialog.autoConnect
                onToggled: dialog.autoConnectToggled(checked)
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
