import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import Natter.Client

// "Host a server": starts the built-in server on this machine, says which addresses others can use, and
// connects this app to it.
ModalDialog {
    id: dialog

    property ServerHost host
    property string serverName
    property int port: 8082
    property string userName

    /// Hosting started; Main remembers the choice and connects its own client.
    signal started(int port, string name, string userName)

    readonly property bool running: host !== null && host.running
    readonly property int connections: host ? host.connectionCount : 0
    readonly property bool portValid: portField.acceptableInput
    readonly property bool nameValid: userField.text.trim().length > 0

    function start() {
        if (!portValid || !nameValid || running)
            return;
        const name = nameField.text.trim().length > 0 ? nameField.text.trim() : nameField.placeholderText;
        const port = Number(portField.text);
        if (host.start(port, name))
            started(host.port, name, userField.text.trim());
    }

    title: running ? qsTr("Hosting a server") : qsTr("Host a server")
    preferredWidth: Theme.lineHeight * 30
    closePolicy: Popup.CloseOnEscape

    onAboutToShow: {
        portField.text = String(port > 0 ? port : 8082);
        nameField.text = serverName;
        userField.text = userName;
    }
    onOpened: {
        if (running)
            closeButton.forceActiveFocus();
        else
            portField.forceActiveFocus();
    }

    // A hidden field is the portable way to reach the clipboard from QML.
    TextEdit {
        id: clipboard
        visible: false
        function copyText(value: string) {
            text = value;
            selectAll();
            copy();
            text = "";
        }
    }

    contentItem: ScrollView {
        id: scroll
        clip: true
        contentWidth: availableWidth
        implicitHeight: form.implicitHeight

        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                visible: !dialog.running
                text: qsTr("Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.")
                wrapMode: Text.Wrap
                color: Theme.mutedText
            }

            GridLayout {
                Layout.fillWidth: true
                visible: !dialog.running
                columns: 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                Label {
                    text: qsTr("Port")
                }
                TextField {
                    id: portField
                    Layout.preferredWidth: Theme.lineHeight * 6
                    validator: IntValidator {
                        bottom: 1
                        top: 65535
                    }
                    inputMethodHints: Qt.ImhDigitsOnly
                    Accessible.name: qsTr("Port")
                    KeyNavigation.tab: nameField
                    Keys.onReturnPressed: dialog.start()
                    Keys.onEnterPressed: dialog.start()
                }
                Label {
                    text: qsTr("Server name")
                }
                TextField {
                    id: nameField
                    Layout.fillWidth: true
                    placeholderText: qsTr("%1's server").arg(userField.text.trim().length > 0 ? userField.text.trim() : qsTr("Natter"))
                    maximumLength: 64
                    Accessible.name: qsTr("Server name")
                    KeyNavigation.tab: userField
                    Keys.onReturnPressed: dialog.start()
                    Keys.onEnterPressed: dialog.start()
                }
                Label {
                    text: qsTr("Your name")
                }
                TextField {
                    id: userField
                    Layout.fillWidth: true
                    placeholderText: qsTr("How others see you")
                    maximumLength: 64
                    Accessible.name: qsTr("Your name")
                    Keys.onReturnPressed: dialog.start()
                    Keys.onEnterPressed: dialog.start()
                }
            }

            // Why it did not start (port in use, no permission…), in the dialog where the user can fix it.
            Rectangle {
                Layout.fillWidth: true
                visible: !dialog.running && dialog.host !== null && dialog.host.error.length > 0
                implicitHeight: errorLabel.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.errorBackground

                Label {
                    id: errorLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: dialog.host ? dialog.host.error : ""
                    color: Theme.error
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Accessible.role: Accessible.AlertMessage
                }
            }

            // Running: the addresses to hand out and who is connected.
            Label {
                Layout.fillWidth: true
                visible: dialog.running
                text: qsTr("“%1” is running on port %2.").arg(dialog.host ? dialog.host.serverName : "").arg(dialog.host ? dialog.host.port : 0)
                font.bold: true
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.running
                text: qsTr("Others can connect with one of these addresses:")
                wrapMode: Text.Wrap
            }
            Repeater {
                model: dialog.running ? dialog.host.addresses : []
                delegate: RowLayout {
                    id: addressRow
                    required property string modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    TextField {
                        Layout.fillWidth: true
                        text: addressRow.modelData
                        readOnly: true
                        selectByMouse: true
                        Accessible.name: qsTr("Address")
                    }
                    Button {
                        text: qsTr("Copy")
                        onClicked: clipboard.copyText(addressRow.modelData)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.running && dialog.host.addresses.length === 0
                text: qsTr("No network address found; others on this computer can use localhost:%1.").arg(dialog.host ? dialog.host.port : 0)
                wrapMode: Text.Wrap
                color: Theme.mutedText
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.running
                text: qsTr("%n connection(s) right now", "", dialog.connections)
                color: Theme.mutedText
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            visible: !dialog.running
            text: qsTr("Start hosting")
            highlighted: true
            enabled: dialog.portValid && dialog.nameValid
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.start()
        }
        Button {
            id: closeButton
            text: dialog.running ? qsTr("Done") : qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
