import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// Preferences: language, tray behaviour, notifications, start-up connection, start at login.
ModalDialog {
    id: dialog

    property bool trayAvailable: false
    property bool minimizeToTray: false
    property bool muted: false
    property bool autoConnect: true
    /// The chosen language code, empty for the system's; `languages` lists {code, name}, each name in its language.
    property string language
    property var languages: []
    /// Whether start at login can be set here (the app provides it; Main.qml loaded on its own does not).
    property bool startAtLoginAvailable: false
    property bool startAtLogin: false
    property string startAtLoginError
    property bool startMinimized: false

    signal minimizeToTrayToggled(bool on)
    signal mutedToggled(bool on)
    signal autoConnectToggled(bool on)
    signal languageChosen(string code)

    function languageName(code: string): string {
        const entry = languages.find(candidate => candidate.code === code);
        return entry ? entry.name : qsTr("System default");
    }
    signal startAtLoginToggled(bool on)
    signal startMinimizedToggled(bool on)

    title: qsTr("Settings")
    preferredWidth: Theme.lineHeight * 28
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: languageBox.forceActiveFocus()

    contentItem: ScrollView {
        id: scroll
        clip: true
        contentWidth: availableWidth
        implicitHeight: form.implicitHeight

        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: Theme.spacingSmall

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    text: qsTr("Language")
                }
                // Codes as the model, so that retranslating changes the shown names but never the list.
                ComboBox {
                    id: languageBox
                    objectName: "languageBox"
                    Layout.fillWidth: true
                    model: [""].concat(dialog.languages.map(entry => entry.code))
                    currentIndex: Math.max(0, model.indexOf(dialog.language))
                    displayText: dialog.languageName(currentValue)
                    Accessible.name: qsTr("Language")
                    onActivated: (index) => dialog.languageChosen(model[index])

                    delegate: ItemDelegate {
                        required property string modelData
                        required property int index
                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: dialog.languageName(modelData)
                        highlighted: languageBox.highlightedIndex === index
                    }
                }
            }
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
            CheckBox {
                id: loginBox
                objectName: "startAtLoginBox"
                Layout.fillWidth: true
                visible: dialog.startAtLoginAvailable
                text: qsTr("Start Natter when you log in")
                checked: dialog.startAtLogin
                onToggled: {
                    dialog.startAtLoginToggled(checked);
                    checked = Qt.binding(() => dialog.startAtLogin); // Shows what was actually set up.
                }
            }
            CheckBox {
                objectName: "startMinimizedBox"
                Layout.fillWidth: true
                Layout.leftMargin: loginBox.indicator ? loginBox.indicator.width + loginBox.spacing : 0
                visible: dialog.startAtLoginAvailable
                enabled: loginBox.checked
                text: qsTr("Start minimised to the tray")
                checked: dialog.startMinimized
                onToggled: dialog.startMinimizedToggled(checked)
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.startAtLoginAvailable && dialog.startAtLoginError.length > 0
                text: qsTr("Start at login could not be changed: %1").arg(dialog.startAtLoginError)
                color: Theme.error
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
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
