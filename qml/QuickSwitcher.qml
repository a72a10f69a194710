import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Templates as T
import QtQuick.Layouts

// Ctrl+K: type part of a room's name, Up/Down to choose, Enter to open, Esc to close.
Popup {
    id: switcher

    /// Joined room names, in sidebar order.
    property var roomNames: []
    property string currentRoom
    /// name -> unread count (optional).
    property var unreadOf: function (name) { return 0; }
    /// name -> how it is shown: "#general", or the other person of a direct conversation (optional).
    property var labelOf: function (name) { return "#" + name; }
    /// Whether a name could be a new room (offers "Join #name" when nothing matches exactly).
    property var isValidRoomName: function (name) { return false; }

    readonly property string query: field.text.trim().replace(/^#+/, "")
    readonly property var matches: rank(roomNames, query)
    readonly property bool offerJoin: query.length > 0 && isValidRoomName(query)
                                      && !roomNames.some(name => name.toLocaleLowerCase() === query.toLocaleLowerCase())

    signal roomChosen(string name)
    signal joinChosen(string name)

    /// Prefix matches first, then other substrings, then letters in order ("dt" finds "design-team").
    function rank(names: var, text: string): var {
        const needle = text.toLocaleLowerCase();
        const scored = [];
        for (let i = 0; i < names.length; ++i) {
            const name = names[i];
            const hay = labelOf(name).replace(/^#/, "").toLocaleLowerCase();
            let score = -1;
            if (needle.length === 0)
                score = name === currentRoom ? 0 : 1 + Math.min(1, unreadOf(name));
            else if (hay.startsWith(needle))
                score = 30;
            else if (hay.indexOf(needle) >= 0)
                score = 20;
            else if (isSubsequence(needle, hay))
                score = 10;
            if (score >= 0)
                scored.push({ name: name, score: score, order: i });
        }
        scored.sort((a, b) => (b.score - a.score) || (a.order - b.order));
        return scored.map(entry => entry.name);
    }

    function isSubsequence(needle: string, hay: string): bool {
        let at = 0;
        for (let i = 0; i < hay.length && at < needle.length; ++i) {
            if (hay[i] === needle[at])
                ++at;
        }
        return at === needle.length;
    }

    function choose(row: int) {
        if (row >= 0 && row < matches.length)
            roomChosen(matches[row]);
        else if (offerJoin)
            joinChosen(query);
        else
            return;
        close();
    }

    parent: T.Overlay.overlay
    x: Math.round((parent ? parent.width - width : 0) / 2)
    y: Math.round(parent ? parent.height * 0.12 : 0)
    width: Math.min(parent ? parent.width - Theme.spacingLarge * 2 : 0, Theme.lineHeight * 30)
    height: Math.min(implicitHeight, parent ? parent.height * 0.8 : 0)
    modal: true
    focus: true
    padding: Theme.spacing
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onAboutToShow: {
        field.text = "";
        list.currentIndex = 0;
    }
    onOpened: field.forceActiveFocus()

    background: Rectangle {
        color: Theme.window
        radius: Theme.radius * 2
        border.width: 1
        border.color: Theme.separator
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing

        TextField {
            id: field
            Layout.fillWidth: true
            placeholderText: qsTr("Jump to a room…")
            font.pointSize: Theme.headingFontSize
            Accessible.name: qsTr("Room to open")
            onTextChanged: list.currentIndex = 0
            Keys.onUpPressed: list.currentIndex = Math.max(0, list.currentIndex - 1)
            Keys.onDownPressed: list.currentIndex = Math.min(list.count - 1, list.currentIndex + 1)
            Keys.onReturnPressed: switcher.choose(list.currentIndex)
            Keys.onEnterPressed: switcher.choose(list.currentIndex)
            Keys.onTabPressed: list.currentIndex = (list.currentIndex + 1) % Math.max(1, list.count)
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.lineHeight * 18)
            clip: true
            model: switcher.matches.length + (switcher.offerJoin ? 1 : 0)
            boundsBehavior: Flickable.StopAtBounds
            highlightMoveDuration: 0
            Accessible.role: Accessible.List

            delegate: ItemDelegate {
                id: entry

                required property int index
                readonly property bool isJoin: index >= switcher.matches.length
                readonly property string name: isJoin ? switcher.query : switcher.matches[index]
                readonly property int unread: isJoin ? 0 : switcher.unreadOf(name)

                width: list.width
                focusPolicy: Qt.NoFocus
                highlighted: ListView.isCurrentItem
                onClicked: switcher.choose(index)
                Accessible.name: isJoin ? qsTr("Join or create #%1").arg(name) : switcher.labelOf(name)

                background: Rectangle {
                    color: entry.highlighted ? Theme.selected : (entry.hovered ? Theme.hover : "transparent")
                    radius: Theme.radius
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: entry.isJoin ? qsTr("Join or create #%1").arg(entry.name) : switcher.labelOf(entry.name)
                        font.bold: entry.unread > 0
                        font.italic: entry.isJoin
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                    Label {
                        visible: entry.name === switcher.currentRoom && !entry.isJoin
                        text: qsTr("current")
                        color: Theme.mutedText
                        font.pointSize: Theme.smallFontSize
                    }
                    UnreadBadge {
                        count: entry.unread
                    }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: list.count === 0
            text: qsTr("No room matches.")
            color: Theme.mutedText
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("↑↓ to choose · Enter to open · Esc to close")
            color: Theme.mutedText
            font.pointSize: Theme.smallFontSize
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
