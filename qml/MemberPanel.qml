import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// Right column: who is in the room right now. Everyone listed is connected, hence the green dot.
Rectangle {
    id: panel

    /// A MemberModel: roles user, own.
    property var model: null
    readonly property int count: memberList.count

    /// The user may take people out of this room (a group they own, or they are a server admin).
    property bool canRemove: false
    /// Direct messages can be started (the server has accounts).
    property bool canMessage: false

    signal closeRequested()
    signal messageRequested(string user)
    signal removeRequested(string user)

    color: Theme.sidebar
    implicitWidth: Theme.lineHeight * 12

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacingSmall
            Layout.topMargin: Theme.spacingSmall
            Layout.bottomMargin: Theme.spacingSmall

            Label {
                Layout.fillWidth: true
                text: qsTr("Members · %1").arg(memberList.count)
                font.bold: true
                elide: Text.ElideRight
            }
            ToolButton {
                text: "\u2715"
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Hide members")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Hide members")
                onClicked: panel.closeRequested()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.separator
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.topMargin: Theme.spacing
            text: qsTr("Online")
            font.bold: true
            font.pointSize: Theme.smallFontSize
            color: Theme.mutedText
        }

        ListView {
            id: memberList
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.unit
            clip: true
            model: panel.model
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: memberRow

                required property string user
                required property bool own

                width: memberList.width
                focusPolicy: Qt.NoFocus
                leftPadding: Theme.spacing * 1.5
                rightPadding: Theme.spacing
                topPadding: Theme.unit
                bottomPadding: Theme.unit
                Accessible.name: own ? qsTr("%1 (you), online").arg(user) : qsTr("%1, online").arg(user)

                TapHandler {
                    acceptedButtons: Qt.RightButton
                    enabled: !memberRow.own && (panel.canMessage || panel.canRemove)
                    onTapped: (eventPoint) => {
                        memberMenu.user = memberRow.user;
                        memberMenu.popup(memberRow, eventPoint.position);
                    }
                }

                background: Rectangle {
                    color: memberRow.hovered ? Theme.hover : "transparent"
                    border.width: memberList.activeFocus && memberRow.ListView.isCurrentItem ? Theme.focusWidth : 0
                    border.color: Theme.focusRing
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    Item {
                        implicitWidth: Theme.smallAvatarSize
                        implicitHeight: Theme.smallAvatarSize

                        Avatar {
                            name: memberRow.user
                            size: Theme.smallAvatarSize
                        }
                        // Presence: on the avatar's corner, ringed in the panel colour so it stands out.
                        Rectangle {
                            width: Math.max(6, Theme.smallAvatarSize * 0.38)
                            height: width
                            radius: width / 2
                            anchors.right: parent.right
                            anchors.bottom: parent.bottom
                            anchors.margins: -1
                            color: Theme.online
                            border.width: Math.max(1, width / 5)
                            border.color: Theme.sidebar
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: memberRow.user
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        font.bold: memberRow.own
                    }
                    Label {
                        visible: memberRow.own
                        text: qsTr("(you)")
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    Menu {
        id: memberMenu

        property string user

        MenuItem {
            visible: panel.canMessage
            height: visible ? implicitHeight : 0
            text: qsTr("Send a direct message")
            onTriggered: panel.messageRequested(memberMenu.user)
        }
        MenuItem {
            visible: panel.canRemove
            height: visible ? implicitHeight : 0
            text: qsTr("Remove from group")
            onTriggered: panel.removeRequested(memberMenu.user)
        }
    }
}
