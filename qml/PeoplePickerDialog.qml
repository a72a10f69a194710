import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import Natter.Client

// Pick a person on the server: to write to directly ("New message to…"), or to invite to a group.
ModalDialog {
    id: dialog

    property ChatClient client
    /// Empty: start a direct conversation. Otherwise: invite to this group.
    property string group
    /// Names not offered (already in the group).
    property var excluded: []
    readonly property string typed: filterField.text.trim().replace(/^@+/, "")
    /// A request went out; the dialog closes when it is answered, or shows why not.
    property bool waiting: false

    readonly property var matches: {
        const found = [];
        if (!client)
            return found;
        const needle = typed.toLowerCase();
        for (const person of client.people) {
            if (excluded.indexOf(person.name) >= 0)
                continue;
            if (needle.length === 0 || person.name.toLowerCase().indexOf(needle) >= 0)
                found.push(person);
        }
        return found;
    }

    function openFor(groupName: string) {
        group = groupName;
        excluded = [];
        open();
        if (group.length > 0)
            client.fetchRoster(group); // those already in it are not offered
    }

    function choose(name: string) {
        if (!client || name.length === 0 || waiting)
            return;
        waiting = true;
        if (!(group.length > 0 ? client.inviteToGroup(group, name) : client.openDirect(name)))
            waiting = false;
        else if (group.length === 0 && client.currentRoom === client.directRoomWith(name))
            close(); // it was open already, and is now the current room
    }

    title: group.length > 0 ? qsTr("Invite to #%1").arg(group) : qsTr("New message")
    preferredWidth: Theme.lineHeight * 24
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        waiting = false;
        client.clearActionError();
        client.refreshPeople();
        filterField.forceActiveFocus();
    }
    onClosed: {
        filterField.text = "";
        waiting = false;
    }

    Connections {
        target: dialog.client
        enabled: dialog.opened && dialog.waiting
        function onCurrentRoomChanged() {
            if (dialog.group.length === 0)
                dialog.close();
        }
        function onActionSucceeded() {
            if (dialog.group.length > 0)
                dialog.close();
        }
        function onActionErrorChanged() {
            if (dialog.client.actionError.length > 0)
                dialog.waiting = false;
        }
    }

    Connections {
        target: dialog.client
        enabled: dialog.opened
        function onRosterReady(room: string, roster: var) {
            if (room === dialog.group)
                dialog.excluded = roster;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: dialog.group.length > 0 ? qsTr("Who should join?") : qsTr("To")
            font.bold: true
        }
        TextField {
            id: filterField
            objectName: "peopleFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Type a name")
            maximumLength: 80
            Accessible.name: qsTr("Name")
            Keys.onReturnPressed: dialog.choose(people.currentItem ? people.currentItem.name : dialog.typed)
            Keys.onEnterPressed: dialog.choose(people.currentItem ? people.currentItem.name : dialog.typed)
            Keys.onDownPressed: people.incrementCurrentIndex()
            Keys.onUpPressed: people.decrementCurrentIndex()
            onTextChanged: dialog.client.clearActionError()
        }
        ListView {
            id: people
            objectName: "peopleList"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.lineHeight * 12
            clip: true
            model: dialog.matches
            currentIndex: count > 0 ? 0 : -1
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People")

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: personRow

                required property var modelData
                required property int index
                readonly property string name: modelData.name

                width: people.width
                highlighted: ListView.isCurrentItem
                Accessible.name: modelData.online ? qsTr("%1, online").arg(name) : qsTr("%1, offline").arg(name)
                onClicked: dialog.choose(name)

                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Avatar {
                        name: personRow.name
                        size: Theme.smallAvatarSize
                    }
                    Label {
                        Layout.fillWidth: true
                        text: personRow.name
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                    Label {
                        text: personRow.modelData.online ? qsTr("online") : ""
                        color: personRow.highlighted ? personRow.palette.highlightedText : Theme.online
                        font.pointSize: Theme.smallFontSize
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - Theme.spacingLarge * 2
                visible: people.count === 0
                text: dialog.typed.length > 0 ? qsTr("No one by that name is listed. Press Enter to try “%1” anyway.").arg(dialog.typed)
                                              : qsTr("No one else has an account here yet.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
        Label {
            objectName: "pickerError"
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
            text: dialog.group.length > 0 ? qsTr("Invite") : qsTr("Open conversation")
            enabled: !dialog.waiting && (people.currentItem !== null || dialog.typed.length > 0)
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.choose(people.currentItem ? people.currentItem.name : dialog.typed)
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
