import QtQuick
import QtQuick.Controls.Fusion

// A pill with the number of unread messages: hidden at 0, "99+" above 99.
Rectangle {
    id: badge

    property int count: 0
    readonly property string text: count > 99 ? qsTr("99+") : String(count)

    visible: count > 0
    implicitHeight: Math.round(label.implicitHeight + Theme.unit * 0.5)
    implicitWidth: Math.max(implicitHeight, label.implicitWidth + Theme.unit * 2.5)
    radius: height / 2
    color: Theme.badge

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%n unread", "", count)

    Label {
        id: label
        anchors.centerIn: parent
        text: badge.text
        color: Theme.badgeText
        font.bold: true
        font.pointSize: Theme.smallFontSize
    }
}
