import QtQuick
import QtQuick.Controls.Fusion

import "Format.js" as Format

// "Alice is typing…" under the composer. Keeps its height when nobody types, so the layout does not jump.
Item {
    id: indicator

    /// Who is typing in the room shown (the user's own name is not expected here).
    property var users: []
    readonly property int userCount: users ? users.length : 0
    readonly property string text: {
        if (userCount === 0)
            return "";
        if (userCount === 1)
            return Format.format(qsTr("%1 is typing…"), [users[0]]);
        if (userCount === 2)
            return Format.format(qsTr("%1 and %2 are typing…"), [users[0], users[1]]);
        return qsTr("Several people are typing…");
    }

    implicitHeight: label.implicitHeight
    implicitWidth: dots.width + label.implicitWidth

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Row {
        id: dots
        anchors.verticalCenter: parent.verticalCenter
        spacing: Math.max(1, Theme.unit / 2)
        visible: indicator.userCount > 0
        rightPadding: Theme.spacingSmall

        Repeater {
            model: 3
            delegate: Rectangle {
                id: dot
                required property int index
                width: Math.max(3, Theme.unit * 1.2)
                height: width
                radius: width / 2
                color: Theme.mutedText

                SequentialAnimation on opacity {
                    running: indicator.userCount > 0
                    loops: Animation.Infinite
                    NumberAnimation { to: 0.3; duration: 0 }
                    PauseAnimation { duration: dot.index * 180 }
                    NumberAnimation { to: 1; duration: 300 }
                    NumberAnimation { to: 0.3; duration: 300 }
                    PauseAnimation { duration: (2 - dot.index) * 180 }
                }
            }
        }
    }

    Label {
        id: label
        anchors.left: dots.visible ? dots.right : parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        // Empty while nobody types, but still one line high.
        text: indicator.text
        textFormat: Text.PlainText
        elide: Text.ElideRight
        color: Theme.mutedText
        font.pointSize: Theme.smallFontSize
        font.italic: true
    }
}
