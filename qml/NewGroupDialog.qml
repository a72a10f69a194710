import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import Natter.Client

// Create an invite-only group; the user owns it and invites people afterwards.
ModalDialog {
    id: dialog

    property ChatClient client
    readonly property string groupName: nameField.text.trim().replace(/^#+/, "")
    readonly property bool valid: client !== null && client.isValidRoomName(groupName) && groupName[0] !== "@"
    property bool waiting: false

    function create() {
        if (!valid || waiting)
            return;
        waiting = true;
        if (!client.createGroup(groupName))
            waiting = false;
    }

    title: qsTr("New group")
    preferredWidth: Theme.lineHeight * 24
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        waiting = false;
        client.clearActionError();
        nameField.forceActiveFocus();
    }
    onClosed: {
        nameField.text = "";
        waiting = false;
    }

    Connections {
        target: dialog.client
        enabled: dialog.opened && dialog.waiting
        function onCurrentRoomChanged() {
            if (dialog.client.currentRoom === dialog.groupName)
                dialog.close();
        }
        function onActionErrorChanged() {
            if (dialog.client.actionError.length > 0)
                dialog.waiting = false;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Group name")
            font.bold: true
        }
        TextField {
            id: nameField
            objectName: "groupNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. book-club")
            maximumLength: 80
            Accessible.name: qsTr("Group name")
            Accessible.description: ruleLabel.text
            Keys.onReturnPressed: dialog.create()
            Keys.onEnterPressed: dialog.create()
            onTextChanged: dialog.client.clearActionError()
        }
        Label {
            id: ruleLabel
            Layout.fillWidth: true
            text: qsTr("Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.")
            color: dialog.groupName.length > 0 && !dialog.valid ? Theme.error : Theme.mutedText
            wrapMode: Text.Wrap
            font.pointSize: Theme.smallFontSize
        }
        Label {
            objectName: "groupError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: dialog.client ? dialog.client.actionError : ""
            color: Theme.error
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Create group")
            enabled: dialog.valid && !dialog.waiting
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.create()
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
