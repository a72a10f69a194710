import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import Natter.Client

// Every room on the server (from its REST list), with a Join button each; filters as you type.
ModalDialog {
    id: dialog

    property ChatClient client
    readonly property var rooms: client ? client.serverRooms : []
    readonly property string filter: filterField.text.trim().replace(/^#+/, "").toLocaleLowerCase()
    readonly property var shownRooms: {
        const all = rooms ? rooms : [];
        const matching = filter.length === 0 ? all.slice() : all.filter(room => String(room.name).toLocaleLowerCase().indexOf(filter) >= 0);
        // Busiest first, then by name: what people browse for is where the conversation is.
        matching.sort((a, b) => (b.members - a.members) || String(a.name).localeCompare(String(b.name)));
        return matching;
    }
    readonly property string typedName: filterField.text.trim().replace(/^#+/, "")
    readonly property bool canCreate: client !== null && filter.length > 0 && client.isValidRoomName(typedName)
                                      && !rooms.some(room => String(room.name).toLocaleLowerCase() === filter)

    function isJoined(name: string): bool {
        return client !== null && client.rooms.indexOf(name) >= 0;
    }

    function openRoom(name: string) {
        if (isJoined(name) || client.joinRoom(name)) {
            client.currentRoom = name;
            close();
        }
    }

    /// Enter in the filter: the best match, or a new room with that name.
    function openFirstMatch() {
        if (shownRooms.length > 0)
            openRoom(shownRooms[0].name);
        else if (canCreate)
            openRoom(typedName);
    }

    function relativeTime(ms: real): string {
        if (!(ms > 0))
            return "";
        const minutes = Math.floor((Date.now() - ms) / 60000);
        if (minutes < 1)
            return qsTr("active just now");
        if (minutes < 60)
            return qsTr("active %n min ago", "", minutes);
        const hours = Math.floor(minutes / 60);
        if (hours < 24)
            return qsTr("active %n h ago", "", hours);
        return qsTr("active %1").arg(new Date(ms).toLocaleDateString(Qt.locale(), Locale.ShortFormat));
    }

    title: qsTr("Browse rooms")
    preferredWidth: Theme.lineHeight * 32
    height: Math.min(parent ? parent.height - Theme.spacingLarge * 2 : 0, Theme.lineHeight * 34)
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        client.refreshServerRooms();
        filterField.text = "";
        filterField.forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            TextField {
                id: filterField
                Layout.fillWidth: true
                placeholderText: qsTr("Find or create a room")
                Accessible.name: qsTr("Filter rooms")
                Keys.onReturnPressed: dialog.openFirstMatch()
                Keys.onEnterPressed: dialog.openFirstMatch()
                Keys.onDownPressed: roomList.forceActiveFocus()
            }
            Button {
                text: qsTr("Refresh")
                onClicked: dialog.client.refreshServerRooms()
            }
        }

        Button {
            Layout.fillWidth: true
            visible: dialog.canCreate
            text: qsTr("Create #%1").arg(dialog.typedName)
            onClicked: dialog.openRoom(dialog.typedName)
        }

        ListView {
            id: roomList
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.shownRooms
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Rooms on this server")
            Keys.onReturnPressed: if (currentIndex >= 0) dialog.openRoom(dialog.shownRooms[currentIndex].name)
            Keys.onEnterPressed: if (currentIndex >= 0) dialog.openRoom(dialog.shownRooms[currentIndex].name)

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: roomRow

                required property var modelData
                required property int index
                readonly property bool joined: dialog.isJoined(modelData.name)

                width: roomList.width
                focusPolicy: Qt.NoFocus
                onClicked: dialog.openRoom(modelData.name)
                Accessible.name: qsTr("#%1, %n member(s)", "", modelData.members).arg(modelData.name)

                background: Rectangle {
                    color: roomRow.hovered ? Theme.hover : "transparent"
                    border.width: roomList.activeFocus && roomRow.ListView.isCurrentItem ? Theme.focusWidth : 0
                    border.color: Theme.focusRing
                    radius: Theme.radius
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        Label {
                            Layout.fillWidth: true
                            text: "#" + roomRow.modelData.name
                            font.bold: true
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                        }
                        Label {
                            Layout.fillWidth: true
                            text: [qsTr("%n member(s)", "", roomRow.modelData.members),
                                   qsTr("%n message(s)", "", roomRow.modelData.messages),
                                   dialog.relativeTime(roomRow.modelData.last_activity)].filter(part => part.length > 0).join(" · ")
                            color: Theme.mutedText
                            font.pointSize: Theme.smallFontSize
                            elide: Text.ElideRight
                        }
                    }
                    Button {
                        text: roomRow.joined ? qsTr("Open") : qsTr("Join")
                        highlighted: !roomRow.joined
                        onClicked: dialog.openRoom(roomRow.modelData.name)
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - Theme.spacingLarge * 2
                visible: roomList.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: dialog.rooms.length === 0 ? qsTr("Loading the server's rooms…") : qsTr("No room matches “%1”.").arg(filterField.text)
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
