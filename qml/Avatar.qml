import QtQuick
import QtQuick.Controls.Fusion

import "Format.js" as Format

// A user's initials on a colour derived from their name, identical on every machine.
Rectangle {
    id: avatar

    property string name
    property real size: Theme.avatarSize
    readonly property string initials: Format.initials(name)

    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: Theme.avatarColor(name)

    Accessible.role: Accessible.Graphic
    Accessible.name: name
    Accessible.ignored: true

    Label {
        anchors.centerIn: parent
        text: avatar.initials
        color: "#ffffff"
        font.bold: true
        font.pixelSize: Math.max(1, Math.round(avatar.size * (avatar.initials.length > 1 ? 0.38 : 0.45)))
    }
}
