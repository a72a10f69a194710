import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import Natter.Client

// Join a room by name, creating it when it does not exist yet.
ModalDialog {
    id: dialog

    property ChatClient client
    readonly property string roomName: nameField.text.trim().replace(/^#+/, "")
    readonly property bool valid: client !== null && client.isValidRoomName(roomName)
    readonly property bool alreadyJoined: client !== null && client.rooms.indexOf(roomName) >= 0

    function openWith(name: string) {
        nameField.text = name;
        open();
    }

    title: qsTr("Join or create a room")
    preferredWidth: Theme.lineHeight * 26
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        nameField.selectAll();
        nameField.forceActiveFocus();
    }
    onClosed: nameField.text = ""

    function join() {
        if (!valid)
            return;
        const name = roomName;
        if (alreadyJoined || client.joinRoom(name)) {
            client.currentRoom = name;
            dialog.close();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Room name")
            font.bold: true
        }
        TextField {
            id: nameField
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. design-team")
            maximumLength: 80
            Accessible.name: qsTr("Room name")
            Accessible.description: ruleLabel.text
            Keys.onReturnPressed: dialog.join()
            Keys.onEnterPressed: dialog.join()
        }
        Label {
            id: ruleLabel
            Layout.fillWidth: true
            text: qsTr("1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.")
            color: dialog.roomName.length > 0 && !dialog.valid ? Theme.error : Theme.mutedText
            wrapMode: Text.Wrap
            font.pointSize: Theme.smallFontSize
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.alreadyJoined
            text: qsTr("You are already in #%1; this opens it.").arg(dialog.roomName)
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.pointSize: Theme.smallFontSize
        }
    }

    footer: DialogButtonBox {
        Button {
            text: dialog.alreadyJoined ? qsTr("Open") : qsTr("Join")
            enabled: dialog.valid
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.join()
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
