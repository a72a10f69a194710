import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// First screen: where to connect and as whom, servers found on the local network, or host one.
Page {
    id: screen

    property string address
    property string userName
    property string errorText
    /// A connection attempt from this screen is under way.
    property bool busy: false
    /// While busy: seconds until the next try (0 while trying).
    property int retrySeconds: 0
    /// Servers announcing themselves on the network: roles name, address, version.
    property var discoveryModel: null
    property bool hosting: false
    /// The server wants a login (it has accounts and the app has no valid token): ask for the password.
    property bool passwordRequired: false
    property bool registrationOpen: false
    /// Said when a login cannot be kept after the app quits.
    property string loginStorageNote

    signal connectRequested(string address, string userName)
    signal logInRequested(string address, string userName, string password)
    signal createAccountRequested(string address, string userName, string password)
    signal cancelRequested()
    signal hostRequested()

    readonly property string typedAddress: addressField.text.trim()
    readonly property string typedName: nameField.text.trim()
    readonly property bool canConnect: typedAddress.length > 0 && typedName.length > 0 && !busy
    /// Another address typed since the server asked for a password: connect there first.
    property bool addressEdited: false
    readonly property bool askPassword: passwordRequired && !addressEdited

    function submit() {
        if (typedAddress.length === 0) {
            addressField.forceActiveFocus();
            return;
        }
        if (typedName.length === 0) {
            nameField.forceActiveFocus();
            return;
        }
        if (askPassword)
            loginForm.submit();
        else if (!busy)
            connectRequested(typedAddress, typedName);
    }

    function focusFirstField() {
        if (addressField.text.length > 0 && nameField.text.length === 0)
            nameField.forceActiveFocus();
        else if (askPassword && addressField.text.length > 0)
            loginForm.focusPassword();
        else
            addressField.forceActiveFocus();
    }

    onPasswordRequiredChanged: {
        addressEdited = false;
        if (passwordRequired)
            Qt.callLater(focusFirstField);
    }

    onAddressChanged: addressField.text = address
    onUserNameChanged: nameField.text = userName
    Component.onCompleted: {
        addressField.text = address;
        nameField.text = userName;
        focusFirstField();
    }

    // After a refused login the password is selected, ready to be typed again.
    onErrorTextChanged: if (askPassword && errorText.length > 0) loginForm.focusPassword()

    background: Rectangle {
        color: Theme.window
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: card.implicitHeight + Theme.spacingLarge * 2
        clip: true

        Item {
            width: scroll.availableWidth
            height: Math.max(scroll.contentHeight, scroll.availableHeight)

            ColumnLayout {
                id: card
                width: Math.min(parent.width - Theme.spacingLarge * 2, Theme.lineHeight * 28)
                anchors.horizontalCenter: parent.horizontalCenter
                // A little above the middle when there is room, at the top when it has to scroll.
                y: Math.max(Theme.spacingLarge, (scroll.availableHeight - implicitHeight) / 3)
                spacing: Theme.spacing

                Label {
                    text: qsTr("Natter")
                    font.pointSize: Theme.fontSize(2)
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    Layout.bottomMargin: Theme.spacing
                    text: qsTr("Connect to a chat server.")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }

                Label {
                    text: qsTr("Server address")
                    font.bold: true
                }
                TextField {
                    id: addressField
                    objectName: "addressField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("host:port or ws://…")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    enabled: !screen.busy
                    Accessible.name: qsTr("Server address")
                    KeyNavigation.tab: nameField
                    onTextEdited: screen.addressEdited = true
                    Keys.onReturnPressed: screen.submit()
                    Keys.onEnterPressed: screen.submit()
                }

                Label {
                    Layout.topMargin: Theme.spacingSmall
                    text: qsTr("Your name")
                    font.bold: true
                }
                TextField {
                    id: nameField
                    objectName: "nameField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("How others see you")
                    maximumLength: 64
                    enabled: !screen.busy
                    Accessible.name: qsTr("Your name")
                    KeyNavigation.tab: screen.askPassword ? loginForm.passwordInput : connectButton
                    KeyNavigation.backtab: addressField
                    Keys.onReturnPressed: screen.submit()
                    Keys.onEnterPressed: screen.submit()
                }

                LoginForm {
                    id: loginForm
                    objectName: "loginForm"
                    Layout.fillWidth: true
                    visible: screen.askPassword
                    busy: screen.busy
                    registrationOpen: screen.registrationOpen
                    storageNote: screen.loginStorageNote
                    backtabItem: nameField
                    onLogInRequested: (password) => {
                        if (screen.typedName.length === 0)
                            nameField.forceActiveFocus();
                        else
                            screen.logInRequested(screen.typedAddress, screen.typedName, password);
                    }
                    onCreateAccountRequested: (password) => {
                        if (screen.typedName.length === 0)
                            nameField.forceActiveFocus();
                        else
                            screen.createAccountRequested(screen.typedAddress, screen.typedName, password);
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    visible: screen.errorText.length > 0
                    implicitHeight: errorLabel.implicitHeight + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.errorBackground

                    Label {
                        id: errorLabel
                        objectName: "connectError"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        text: screen.errorText
                        color: Theme.error
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        Accessible.role: Accessible.AlertMessage
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingSmall
                    spacing: Theme.spacing

                    Button {
                        id: connectButton
                        objectName: "connectButton"
                        visible: !screen.askPassword
                        text: screen.busy ? qsTr("Connecting…") : qsTr("Connect")
                        highlighted: true
                        enabled: screen.canConnect
                        KeyNavigation.backtab: nameField
                        onClicked: screen.submit()
                        Keys.onReturnPressed: screen.submit()
                        Keys.onEnterPressed: screen.submit()
                    }
                    BusyIndicator {
                        Layout.preferredWidth: Theme.lineHeight * 1.5
                        Layout.preferredHeight: Theme.lineHeight * 1.5
                        running: screen.busy
                        visible: screen.busy
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: screen.busy && screen.retrySeconds > 0
                        text: qsTr("Trying again in %n s…", "", screen.retrySeconds)
                        color: Theme.mutedText
                        elide: Text.ElideRight
                    }
                    Button {
                        visible: screen.busy
                        text: qsTr("Cancel")
                        onClicked: screen.cancelRequested()
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingLarge
                    implicitHeight: 1
                    color: Theme.separator
                }

                // Servers on this network.
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    spacing: Theme.spacing

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Servers on this network")
                        font.bold: true
                    }
                    BusyIndicator {
                        Layout.preferredWidth: Theme.lineHeight
                        Layout.preferredHeight: Theme.lineHeight
                        running: serverRepeater.count === 0
                        visible: running
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: serverRepeater.count === 0
                    text: qsTr("Looking for Natter servers nearby…")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Repeater {
                    id: serverRepeater
                    model: screen.discoveryModel

                    delegate: Rectangle {
                        id: serverRow

                        required property string name
                        required property string address
                        required property string version

                        Layout.fillWidth: true
                        implicitHeight: serverLayout.implicitHeight + Theme.spacing * 2
                        radius: Theme.radius
                        color: serverHover.hovered ? Theme.hover : "transparent"
                        border.width: 1
                        border.color: Theme.separator

                        HoverHandler {
                            id: serverHover
                        }

                        RowLayout {
                            id: serverLayout
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            spacing: Theme.spacing

                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: serverRow.name.length > 0 ? serverRow.name : serverRow.address
                                    font.bold: true
                                    elide: Text.ElideRight
                                    textFormat: Text.PlainText
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: serverRow.version.length > 0 ? qsTr("%1 · version %2").arg(serverRow.address).arg(serverRow.version) : serverRow.address
                                    color: Theme.mutedText
                                    font.pointSize: Theme.smallFontSize
                                    elide: Text.ElideRight
                                    textFormat: Text.PlainText
                                }
                            }
                            Button {
                                objectName: "discoveredConnect"
                                text: qsTr("Connect")
                                enabled: !screen.busy
                                Accessible.name: qsTr("Connect to %1").arg(serverRow.name)
                                onClicked: {
                                    addressField.text = serverRow.address;
                                    if (screen.typedName.length > 0)
                                        screen.submit();
                                    else
                                        nameField.forceActiveFocus();
                                }
                            }
                        }
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    implicitHeight: 1
                    color: Theme.separator
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    spacing: Theme.spacing

                    Label {
                        Layout.fillWidth: true
                        text: screen.hosting ? qsTr("This computer is hosting a server.") : qsTr("No server yet? Run one on this computer.")
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    Button {
                        text: screen.hosting ? qsTr("Hosting details…") : qsTr("Host a server…")
                        onClicked: screen.hostRequested()
                    }
                }
            }
        }
    }
}
