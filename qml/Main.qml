import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts
import QtQuick.Window
import Qt.labs.settings

import Natter.Client

ApplicationWindow {
    id: window

    /// Set once a connection started from the connect screen or at start-up has been welcomed.
    property bool everConnected: false
    /// Connecting to the remembered server at start-up: show the chat screen (with a banner) right away.
    property bool autoConnecting: false
    /// The app is on its way out (no tray, no questions).
    property bool quitting: false
    /// The room chosen on the first welcome of this run has been opened.
    property bool landed: false
    /// How the app was started and what later launches ask for (natter:// links); set by the application, null
    /// when Main.qml is loaded on its own.
    property AppInstance appInstance: null
    /// A natter:// link's server and room, to open once connected there.
    property string linkAddress
    property string linkRoom
    /// A name suggested by a link, for the connect screen when there is no name yet.
    property string linkUser

    readonly property bool showChat: client.state !== ChatClient.Disconnected && (everConnected || autoConnecting)
    readonly property bool connectAttemptRunning: client.state !== ChatClient.Disconnected && !showChat
    readonly property bool hosting: host.running
    // For child objects whose own properties are called client and host (a bare "client: client" there would
    // bind the property to itself).
    readonly property ChatClient chatClient: client
    readonly property ServerHost serverHost: host

    function connectTo(address: string, user: string): bool {
        everConnected = false;
        landed = false;
        if (!client.connectToServer(address, user))
            return false;
        settings.lastAddress = address; // As typed: "wss://…" must stay secure next time.
        settings.lastUser = user;
        settings.autoConnect = true;
        return true;
    }

    /// Logs in (or creates the account, @p create) on an accounts server, then connects as connectTo() does.
    function logIn(address: string, user: string, password: string, create: bool): bool {
        everConnected = false;
        landed = false;
        if (!(create ? client.createAccount(address, user, password) : client.logIn(address, user, password)))
            return false;
        settings.lastAddress = address;
        settings.lastUser = user;
        settings.autoConnect = true;
        return true;
    }

    /// Forgets this server's login on this computer; the connect screen then asks for the password.
    function signOut() {
        saveDraft();
        linkRoom = "";
        autoConnecting = false;
        everConnected = false;
        client.signOut();
    }

    function disconnect() {
        saveDraft();
        linkRoom = "";
        autoConnecting = false;
        everConnected = false;
        settings.autoConnect = false; // Chosen on purpose: do not reconnect by itself next time.
        client.disconnectFromServer();
    }

    function saveDraft() {
        if (showChat)
            chatLoader.item?.saveDraft();
    }

    /// First welcome of a connection the user asked for: open the last room (the client has rejoined its rooms,
    /// or "general" the first time) and put the cursor in the composer.
    function land() {
        landed = true;
        if (client.rooms.count === 0)
            client.joinRoom("general"); // A client that starts with no rooms at all: everyone meets in general.
        const remembered = settings.lastRoom;
        if (remembered.length > 0 && client.rooms.indexOf(remembered) >= 0)
            client.currentRoom = remembered;
        else if (client.currentRoom.length === 0 || client.rooms.indexOf(client.currentRoom) < 0)
            client.currentRoom = client.rooms.indexOf("general") >= 0 ? "general" : client.rooms.nameAt(0);
        if (linkRoom.length > 0 && client.serverAddress === linkAddress)
            client.joinRoom(linkRoom); // Joins (or just opens) the room a link asked for.
        linkRoom = "";
        Qt.callLater(() => chatLoader.item?.focusComposer());
    }

    function requestQuit() {
        if (host.running) {
            if (!window.visible)
                window.showFromTray();
            quitDialog.open();
            return;
        }
        reallyQuit();
    }

    function reallyQuit() {
        quitting = true;
        saveWindowState();
        saveDraft();
        if (host.running)
            host.stop();
        Qt.quit();
    }

    /// A natter:// link: open @p room on the server at @p address ("host:port"), connecting there first if needed,
    /// with the name already in use; without one, the connect screen asks for it (filled with @p user, if any).
    function openLink(address: string, room: string, user: string) {
        showFromTray();
        if (client.state !== ChatClient.Disconnected && client.serverAddress === address) {
            if (room.length > 0)
                client.joinRoom(room);
            return;
        }
        linkAddress = address;
        linkRoom = room;
        const name = client.state !== ChatClient.Disconnected ? client.userName : settings.lastUser;
        if (name.length === 0) {
            linkUser = user;
            connectLoader.item?.focusFirstField();
            return;
        }
        saveDraft();
        autoConnecting = false; // Another server: the connect screen shows how connecting goes.
        connectTo(address, name);
    }

    function showFromTray() {
        if (settings.maximized)
            window.showMaximized();
        else
            window.showNormal();
        window.raise();
        window.requestActivate();
    }

    function saveWindowState() {
        settings.maximized = window.visibility === Window.Maximized;
        if (window.visibility === Window.Windowed) {
            settings.windowX = window.x;
            settings.windowY = window.y;
            settings.windowWidth = window.width;
            settings.windowHeight = window.height;
        }
    }

    /// At start: the window, unless started in the tray. Without a tray a hidden window could not be reached again,
    /// so it starts minimised instead.
    function showAtStart() {
        if (appInstance !== null && appInstance.startMinimized) {
            if (!desktop.trayAvailable)
                window.showMinimized();
            return;
        }
        if (settings.maximized)
            window.showMaximized();
        else
            window.show();
    }

    function startHosting(port: int, name: string, user: string) {
        settings.hosting = true;
        settings.hostPort = port;
        settings.hostName = name;
        if (user.length > 0 && (client.state === ChatClient.Disconnected || client.serverAddress !== host.localAddress())) {
            if (client.state !== ChatClient.Disconnected)
                saveDraft();
            autoConnecting = true; // Our own server: straight to the chat screen, it answers at once.
            connectTo(host.localAddress(), user);
        }
    }

    /// "" (public), "group" or "direct": what the Room menu offers for the open room.
    readonly property string currentRoomKind: client.rooms.revision >= 0 ? client.rooms.kindOf(client.currentRoom) : ""

    function confirmLeaveGroup(name: string) {
        leaveGroupDialog.group = name;
        leaveGroupDialog.open();
    }

    function stopHosting() {
        const ownServer = client.state !== ChatClient.Disconnected && client.serverAddress === host.localAddress();
        settings.hosting = false;
        if (ownServer)
            disconnect();
        host.stop();
    }

    title: {
        const parts = [];
        if (showChat && client.currentRoom.length > 0 && client.rooms.revision >= 0)
            parts.push(client.rooms.labelOf(client.currentRoom));
        if (showChat && client.serverName.length > 0)
            parts.push(client.serverName);
        parts.push(qsTr("Natter"));
        const total = client.rooms.totalUnread;
        return (total > 0 ? "(" + total + ") " : "") + parts.join(" – ");
    }
    // Fits 1366×768 at 150% (911×512 logical, less the panel); sidebar and conversation stay usable.
    minimumWidth: Math.min(Theme.lineHeight * 40, Screen.desktopAvailableWidth)
    minimumHeight: Math.min(Theme.lineHeight * 26, Screen.desktopAvailableHeight)
    width: Math.min(Theme.lineHeight * 70, Screen.desktopAvailableWidth)
    height: Math.min(Theme.lineHeight * 44, Screen.desktopAvailableHeight)
    visible: false
    color: Theme.window

    // Controls take their colours from the same system palette as Theme. (Qt Quick Controls 6.4 can miss a palette
    // the application sets in code, which would put light controls into a dark window.)
    palette.window: Theme.system.window
    palette.base: Theme.system.base
    palette.alternateBase: Theme.system.alternateBase
    palette.button: Theme.system.button
    palette.light: Theme.system.light
    palette.midlight: Theme.system.midlight
    palette.mid: Theme.system.mid
    palette.dark: Theme.system.dark
    palette.shadow: Theme.system.shadow
    palette.highlight: Theme.system.highlight
    palette.placeholderText: Theme.system.placeholderText
    palette.toolTipBase: Theme.system.base
    palette.toolTipText: Theme.system.text
    palette.link: Theme.link
    // Text roles per colour group, so that disabled controls are greyed out whatever the platform provides.
    palette.active.windowText: Theme.system.windowText
    palette.inactive.windowText: Theme.system.windowText
    palette.disabled.windowText: Theme.disabledText
    palette.active.text: Theme.system.text
    palette.inactive.text: Theme.system.text
    palette.disabled.text: Theme.disabledText
    palette.active.buttonText: Theme.system.buttonText
    palette.inactive.buttonText: Theme.system.buttonText
    palette.disabled.buttonText: Theme.disabledText
    palette.active.highlightedText: Theme.system.highlightedText
    palette.inactive.highlightedText: Theme.system.highlightedText
    palette.disabled.highlightedText: Theme.disabledText

    Component.onCompleted: {
        // Restore the geometry only where it still fits on a screen (monitors come and go).
        if (settings.windowWidth > 0 && settings.windowHeight > 0) {
            window.width = Math.max(minimumWidth, Math.min(settings.windowWidth, Screen.desktopAvailableWidth));
            window.height = Math.max(minimumHeight, Math.min(settings.windowHeight, Screen.desktopAvailableHeight));
            if (settings.windowX >= -window.width / 2 && settings.windowX < Screen.desktopAvailableWidth - Theme.lineHeight * 4
                    && settings.windowY >= 0 && settings.windowY < Screen.desktopAvailableHeight - Theme.lineHeight * 2) {
                window.x = settings.windowX;
                window.y = settings.windowY;
            }
        }
        showAtStart();

        if (settings.hosting) {
            if (host.start(settings.hostPort, settings.hostName)) {
                if (settings.lastUser.length > 0 && settings.autoConnect) {
                    autoConnecting = true;
                    connectTo(host.localAddress(), settings.lastUser);
                }
                return;
            }
            settings.hosting = false;
            if (!window.visible || window.visibility === Window.Minimized)
                window.showFromTray();
            hostDialog.open(); // Shows why (e.g. the port is taken) and lets the user pick another.
        }
        if (settings.autoConnect && settings.lastAddress.length > 0 && settings.lastUser.length > 0) {
            autoConnecting = true;
            if (!connectTo(settings.lastAddress, settings.lastUser))
                autoConnecting = false;
        }
    }

    onClosing: (close) => {
        if (quitting)
            return;
        saveWindowState();
        saveDraft();
        if (settings.minimizeToTray && desktop.trayAvailable) {
            close.accepted = false;
            if (!settings.trayHintShown) {
                trayHintDialog.open();
                return;
            }
            window.hide();
            return;
        }
        close.accepted = false;
        requestQuit();
    }

    Settings {
        id: settings

        property string lastAddress
        property string lastUser
        property bool autoConnect: true
        property string lastRoom
        property int hostPort: 8082
        property string hostName
        property bool hosting: false
        property bool minimizeToTray: false
        property bool startMinimized: false
        property bool trayHintShown: false
        property bool muted: false
        property bool showMembers: true
        property real sidebarWidth: 0
        property int windowX: 0
        property int windowY: 0
        property int windowWidth: 0
        property int windowHeight: 0
        property bool maximized: false
    }

    ChatClient {
        id: client

        // Messages count as unread unless the user can see them.
        viewActive: window.active && window.visibility !== Window.Minimized

        onStateChanged: {
            if (state === ChatClient.Connected) {
                window.everConnected = true;
                window.autoConnecting = false;
                settings.lastUser = client.userName; // As the server spells it (accounts ignore letter case).
                if (!window.landed)
                    window.land();
            } else if (state === ChatClient.Disconnected) {
                window.everConnected = false;
                window.autoConnecting = false;
                window.landed = false;
            }
        }
        onCurrentRoomChanged: {
            if (currentRoom.length > 0)
                settings.lastRoom = currentRoom;
        }
        onMessageArrived: (room, user, content) => {
            if (!window.active || !window.visible || room !== currentRoom)
                desktop.notifyMessage(room, rooms.kindOf(room) === "direct" ? "" : rooms.labelOf(room), user, content);
        }
        onInvitationReceived: (room, by) => desktop.notifyInvitation(room, by)
    }

    ServerHost {
        id: host
    }

    Connections {
        target: window.appInstance

        function onActivationRequested() {
            window.showFromTray();
        }
        function onLinkOpened(address: string, room: string, user: string) {
            window.openLink(address, room, user);
        }
        function onLinkFailed(message: string) {
            window.showFromTray();
            linkErrorDialog.message = message;
            linkErrorDialog.open();
        }
    }

    ServerDiscovery {
        id: discovery
    }

    DesktopIntegration {
        id: desktop
        window: window
        unreadCount: client.rooms.totalUnread
        muted: settings.muted
        onMutedChanged: settings.muted = muted
        onRoomRequested: (room) => {
            window.showFromTray();
            client.currentRoom = room;
        }
        onShowRequested: window.showFromTray()
        onQuitRequested: window.requestQuit()
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&Server")

            MenuItem {
                text: window.hosting ? qsTr("Hosting details…") : qsTr("&Host a server…")
                onTriggered: hostDialog.open()
            }
            MenuItem {
                text: qsTr("&Stop hosting…")
                enabled: window.hosting
                onTriggered: stopHostingDialog.open()
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("&Disconnect")
                enabled: client.state !== ChatClient.Disconnected
                onTriggered: window.disconnect()
            }
            MenuItem {
                objectName: "signOutItem"
                text: qsTr("Sign &out")
                enabled: client.signedIn
                onTriggered: window.signOut()
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("&Quit")
                onTriggered: window.requestQuit()
            }
        }
        Menu {
            title: qsTr("&Room")

            MenuItem {
                text: qsTr("&Join or create room…")
                enabled: window.showChat
                onTriggered: joinDialog.open()
            }
            MenuItem {
                text: qsTr("&Browse rooms…")
                enabled: window.showChat
                onTriggered: browseDialog.open()
            }
            MenuItem {
                text: qsTr("&New direct message…")
                enabled: window.showChat && client.privateRoomsAvailable
                onTriggered: peoplePicker.openFor("")
            }
            MenuItem {
                text: qsTr("New gr&oup…")
                enabled: window.showChat && client.privateRoomsAvailable
                onTriggered: newGroupDialog.open()
            }
            MenuItem {
                text: qsTr("&Quick switcher… (Ctrl+K)")
                enabled: window.showChat
                onTriggered: chatLoader.item.openSwitcher()
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("&Mark as read (Esc)")
                enabled: window.showChat && client.currentRoom.length > 0
                onTriggered: chatLoader.item.markCurrentRead()
            }
            MenuItem {
                visible: window.currentRoomKind === "group"
                height: visible ? implicitHeight : 0
                text: qsTr("&Invite people…")
                enabled: window.showChat
                onTriggered: peoplePicker.openFor(client.currentRoom)
            }
            MenuItem {
                text: client.currentRoom.length === 0 ? qsTr("&Leave room")
                      : window.currentRoomKind === "direct" ? qsTr("&Close conversation")
                      : window.currentRoomKind === "group" ? qsTr("&Leave group…")
                      : qsTr("&Leave #%1").arg(client.currentRoom)
                enabled: window.showChat && client.currentRoom.length > 0
                onTriggered: {
                    if (window.currentRoomKind === "group")
                        window.confirmLeaveGroup(client.currentRoom);
                    else
                        client.leaveRoom(client.currentRoom);
                }
            }
        }
        Menu {
            title: qsTr("&View")

            MenuItem {
                text: qsTr("&Members")
                checkable: true
                checked: settings.showMembers
                onToggled: settings.showMembers = checked
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("&Previous room (Alt+Up)")
                enabled: window.showChat
                onTriggered: chatLoader.item.stepRoom(-1)
            }
            MenuItem {
                text: qsTr("&Next room (Alt+Down)")
                enabled: window.showChat
                onTriggered: chatLoader.item.stepRoom(1)
            }
            MenuItem {
                text: qsTr("Next &unread room (Alt+Shift+Down)")
                enabled: window.showChat && client.rooms.totalUnread > 0
                onTriggered: chatLoader.item.stepUnread(1)
            }
        }
        Menu {
            title: qsTr("S&ettings")

            MenuItem {
                text: qsTr("Keep running in the &tray when closed")
                checkable: true
                enabled: desktop.trayAvailable
                checked: settings.minimizeToTray
                onToggled: settings.minimizeToTray = checked
            }
            MenuItem {
                text: qsTr("&Mute notifications")
                checkable: true
                checked: settings.muted
                onToggled: settings.muted = checked
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("&Settings…")
                onTriggered: settingsDialog.open()
            }
        }
        Menu {
            title: qsTr("&Help")

            MenuItem {
                text: qsTr("&Keyboard shortcuts")
                onTriggered: shortcutsDialog.open()
            }
        }
    }

    // Keyboard: the shortcuts people reach for in every chat app. Ctrl means Cmd on macOS.
    Shortcut {
        sequences: ["Ctrl+K"]
        enabled: window.showChat
        onActivated: chatLoader.item.openSwitcher()
    }
    Shortcut {
        sequences: ["Alt+Up"]
        enabled: window.showChat
        onActivated: chatLoader.item.stepRoom(-1)
    }
    Shortcut {
        sequences: ["Alt+Down"]
        enabled: window.showChat
        onActivated: chatLoader.item.stepRoom(1)
    }
    Shortcut {
        sequences: ["Alt+Shift+Up"]
        enabled: window.showChat
        onActivated: chatLoader.item.stepUnread(-1)
    }
    Shortcut {
        sequences: ["Alt+Shift+Down"]
        enabled: window.showChat
        onActivated: chatLoader.item.stepUnread(1)
    }
    Shortcut {
        // Dialogs and the switcher take Esc first (they are popups); with none open, the room counts as read.
        sequences: [StandardKey.Cancel]
        enabled: window.showChat
        onActivated: chatLoader.item.markCurrentRead()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+M"]
        enabled: window.showChat
        onActivated: settings.showMembers = !settings.showMembers
    }
    Shortcut {
        sequences: [StandardKey.Quit]
        context: Qt.ApplicationShortcut
        onActivated: window.requestQuit()
    }

    Loader {
        id: connectLoader
        anchors.fill: parent
        active: !window.showChat
        visible: active
        sourceComponent: ConnectScreen {
            objectName: "connectScreen"
            address: window.linkAddress.length > 0 && settings.lastUser.length === 0 ? window.linkAddress : settings.lastAddress
            userName: settings.lastUser.length > 0 ? settings.lastUser : window.linkUser
            errorText: client.connectionError
            busy: window.connectAttemptRunning
            retrySeconds: client.state === ChatClient.Reconnecting ? client.reconnectSeconds : 0
            discoveryModel: discovery
            hosting: window.hosting
            passwordRequired: client.passwordRequired
            registrationOpen: client.registrationOpen
            loginStorageNote: client.tokenStorageWarning
            onConnectRequested: (address, user) => window.connectTo(address, user)
            onLogInRequested: (address, user, password) => window.logIn(address, user, password, false)
            onCreateAccountRequested: (address, user, password) => window.logIn(address, user, password, true)
            onCancelRequested: window.disconnect()
            onHostRequested: hostDialog.open()
        }
    }

    Loader {
        id: chatLoader
        anchors.fill: parent
        active: window.showChat
        visible: active
        sourceComponent: ChatScreen {
            objectName: "chatScreen"
            client: window.chatClient
            host: window.serverHost
            windowActive: window.active
            showMembers: settings.showMembers
            sidebarWidth: settings.sidebarWidth > 0 ? settings.sidebarWidth : Theme.lineHeight * 14
            offerChangeServer: !window.everConnected
            onJoinRoomRequested: joinDialog.open()
            onBrowseRoomsRequested: browseDialog.open()
            onChangeServerRequested: window.disconnect()
            onHostingDetailsRequested: hostDialog.open()
            onShowMembersToggled: (show) => settings.showMembers = show
            onSidebarResized: (width) => settings.sidebarWidth = width
            actionDialogOpen: peoplePicker.opened || newGroupDialog.opened
            onNewMessageRequested: peoplePicker.openFor("")
            onNewGroupRequested: newGroupDialog.open()
            onInviteRequested: (name) => peoplePicker.openFor(name)
            onLeaveGroupRequested: (name) => window.confirmLeaveGroup(name)
        }
    }

    HostServerDialog {
        id: hostDialog
        objectName: "hostDialog"
        host: window.serverHost
        port: settings.hostPort
        serverName: settings.hostName
        userName: client.userName.length > 0 ? client.userName : settings.lastUser
        onStarted: (port, name, user) => window.startHosting(port, name, user)
    }

    JoinRoomDialog {
        id: joinDialog
        objectName: "joinDialog"
        client: window.chatClient
    }

    PeoplePickerDialog {
        id: peoplePicker
        objectName: "peoplePicker"
        client: window.chatClient
    }

    NewGroupDialog {
        id: newGroupDialog
        objectName: "newGroupDialog"
        client: window.chatClient
    }

    ModalDialog {
        id: leaveGroupDialog
        objectName: "leaveGroupDialog"

        property string group

        title: qsTr("Leave #%1?").arg(group)
        onAccepted: client.leaveGroup(group)

        ColumnLayout {
            anchors.fill: parent

            Label {
                Layout.fillWidth: true
                text: qsTr("It is invite-only: you can come back only if someone in it invites you again.")
                wrapMode: Text.Wrap
            }
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("Leave group")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Stay")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }

    BrowseRoomsDialog {
        id: browseDialog
        objectName: "browseDialog"
        client: window.chatClient
    }

    SettingsDialog {
        id: settingsDialog
        objectName: "settingsDialog"
        trayAvailable: desktop.trayAvailable
        minimizeToTray: settings.minimizeToTray
        muted: settings.muted
        autoConnect: settings.autoConnect
        startAtLoginAvailable: window.appInstance !== null
        startAtLogin: window.appInstance?.startAtLogin ?? false
        startAtLoginError: window.appInstance?.startAtLoginError ?? ""
        startMinimized: settings.startMinimized
        onMinimizeToTrayToggled: (on) => settings.minimizeToTray = on
        onMutedToggled: (on) => settings.muted = on
        onAutoConnectToggled: (on) => settings.autoConnect = on
        language: LanguageManager.language
        languages: LanguageManager.languages
        onLanguageChosen: (code) => LanguageManager.language = code
        onStartAtLoginToggled: (on) => window.appInstance.setStartAtLogin(on, settings.startMinimized)
        onStartMinimizedToggled: (on) => {
            settings.startMinimized = on;
            // The login entry carries --minimized: write it again.
            if (window.appInstance?.startAtLogin)
                window.appInstance.setStartAtLogin(true, on);
        }
    }

    CertificateDialog {
        id: certificateDialog
        objectName: "certificateDialog"
        problem: client.certificateProblem
        onTrustRequested: client.trustCertificate()
        onCancelRequested: client.rejectCertificate()
    }

    Connections {
        target: client

        // A certificate problem stops the connection until the user decides (trust or cancel).
        function onCertificateProblemChanged() {
            if (client.certificateProblem.fingerprint !== undefined) {
                if (!window.visible || window.visibility === Window.Minimized)
                    window.showFromTray();
                certificateDialog.open();
            } else {
                certificateDialog.close();
            }
        }
    }

    ModalDialog {
        id: linkErrorDialog
        objectName: "linkErrorDialog"

        property string message

        title: qsTr("Cannot open this link")

        ColumnLayout {
            anchors.fill: parent

            Label {
                Layout.fillWidth: true
                text: linkErrorDialog.message
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
            }
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("OK")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
    }

    ModalDialog {
        id: stopHostingDialog
        objectName: "stopHostingDialog"
        title: qsTr("Stop hosting?")
        onAccepted: window.stopHosting()

        ColumnLayout {
            anchors.fill: parent

            Label {
                Layout.fillWidth: true
                text: host.connectionCount === 0
                      ? qsTr("Nobody else is connected. Rooms and messages are kept for the next time you host.")
                      : host.connectionCount === 1
                      ? qsTr("The one connection to this server will be closed. Rooms and messages are kept for the next time you host.")
                      : qsTr("All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.", "", host.connectionCount)
                wrapMode: Text.Wrap
            }
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("Stop hosting")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Keep hosting")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }

    ModalDialog {
        id: quitDialog
        objectName: "quitDialog"
        title: qsTr("Quit Natter?")
        onAccepted: window.reallyQuit()

        ColumnLayout {
            anchors.fill: parent

            Label {
                Layout.fillWidth: true
                text: qsTr("This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.").arg(host.serverName)
                wrapMode: Text.Wrap
            }
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("Stop server and quit")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }

    ModalDialog {
        id: trayHintDialog
        objectName: "trayHintDialog"
        title: qsTr("Natter keeps running")
        onClosed: {
            settings.trayHintShown = true;
            window.hide();
        }

        ColumnLayout {
            anchors.fill: parent

            Label {
                Layout.fillWidth: true
                text: qsTr("Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.")
                wrapMode: Text.Wrap
            }
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("OK")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
    }

    ModalDialog {
        id: shortcutsDialog
        objectName: "shortcutsDialog"
        title: qsTr("Keyboard shortcuts")
        preferredWidth: Theme.lineHeight * 28

        ScrollView {
            id: shortcutScroll
            anchors.fill: parent
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: shortcutScroll.availableWidth
                columns: 2
                columnSpacing: Theme.spacingLarge
                rowSpacing: Theme.spacingSmall

                Repeater {
                    // Pairs of key and action, laid out by the two-column grid.
                    model: [
                        qsTr("Ctrl+K"), qsTr("Jump to a room"),
                        qsTr("Alt+Up / Alt+Down"), qsTr("Previous / next room"),
                        qsTr("Alt+Shift+Up / Down"), qsTr("Previous / next unread room"),
                        qsTr("Esc"), qsTr("Mark the room read; close a dialog"),
                        qsTr("Enter"), qsTr("Send"),
                        qsTr("Shift+Enter"), qsTr("New line"),
                        qsTr("Page Up / Page Down"), qsTr("Scroll the messages"),
                        qsTr("Ctrl+End"), qsTr("Jump to the latest message"),
                        qsTr("Ctrl+Shift+M"), qsTr("Show or hide members")
                    ]
                    delegate: Label {
                        required property string modelData
                        required property int index
                        Layout.fillWidth: index % 2 === 1
                        text: modelData
                        font.bold: index % 2 === 0
                        wrapMode: Text.Wrap
                    }
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
}
