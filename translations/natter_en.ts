<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>cannot write to the registry</source>
        <translation>cannot write to the registry</translation>
    </message>
</context>
<context>
    <name>BrowseRoomsDialog</name>
    <message numerus="yes">
        <source>active %n min ago</source>
        <translation>
            <numerusform>active %n min ago</numerusform>
            <numerusform>active %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active %n h ago</source>
        <translation>
            <numerusform>active %n h ago</numerusform>
            <numerusform>active %n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>active just now</source>
        <translation>active just now</translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>active %1</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Browse rooms</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Find or create a room</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>Filter rooms</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>Create #%1</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>Rooms on this server</translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n member(s)</source>
        <translation>
            <numerusform>#%1, %n member</numerusform>
            <numerusform>#%1, %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Loading the server&apos;s rooms…</source>
        <translation>Loading the server&apos;s rooms…</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>No room matches “%1”.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>The server&apos;s certificate has changed</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified</source>
        <translation>The server&apos;s certificate could not be verified</translation>
    </message>
    <message>
        <source>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</source>
        <translation>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</translation>
    </message>
    <message>
        <source>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</source>
        <translation>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>%1 (itself: self-signed)</source>
        <translation>%1 (itself: self-signed)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>Trusted before</source>
        <translation>Trusted before</translation>
    </message>
    <message>
        <source>Fingerprint trusted before</source>
        <translation>Fingerprint trusted before</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Trust the new certificate</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChatScreen</name>
    <message numerus="yes">
        <source>Hosting on %1 · %n connected</source>
        <translation>
            <numerusform>Hosting on %1 · %n connected</numerusform>
            <numerusform>Hosting on %1 · %n connected</numerusform>
        </translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>port %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Make the window wider to see the member list</source>
        <translation>Make the window wider to see the member list</translation>
    </message>
    <message>
        <source>Hide the member list (Ctrl+Shift+M)</source>
        <translation>Hide the member list (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Show the member list (Ctrl+Shift+M)</source>
        <translation>Show the member list (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>You are not in any room.</source>
        <translation>You are not in any room.</translation>
    </message>
    <message>
        <source>Join a room to start talking, or see which rooms exist on this server.</source>
        <translation>Join a room to start talking, or see which rooms exist on this server.</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Join or create a room…</translation>
    </message>
    <message>
        <source>Browse rooms…</source>
        <translation>Browse rooms…</translation>
    </message>
    <message>
        <source>%1 removed you from the group #%2.</source>
        <translation>%1 removed you from the group #%2.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Message %1</translation>
    </message>
    <message>
        <source>Message %1 (sent when back online)</source>
        <translation>Message %1 (sent when back online)</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>Enter sends; Shift+Enter starts a new line</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Dismiss error</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Too long: %1 / %2 bytes</source>
        <translation>Too long: %1 / %2 bytes</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 bytes</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Trying again in %n s…</numerusform>
            <numerusform>Trying again in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Connect to a chat server.</source>
        <translation>Connect to a chat server.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>host:port or ws://…</source>
        <translation>host:port or ws://…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>How others see you</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>Servers on this network</translation>
    </message>
    <message>
        <source>Looking for Natter servers nearby…</source>
        <translation>Looking for Natter servers nearby…</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · version %2</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Connect to %1</translation>
    </message>
    <message>
        <source>This computer is hosting a server.</source>
        <translation>This computer is hosting a server.</translation>
    </message>
    <message>
        <source>No server yet? Run one on this computer.</source>
        <translation>No server yet? Run one on this computer.</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Hosting details…</translation>
    </message>
    <message>
        <source>Host a server…</source>
        <translation>Host a server…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnecting in %n s…</numerusform>
            <numerusform>Reconnecting in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when the connection returns.</source>
        <translation>
            <numerusform>Offline: %n message will be sent when the connection returns.</numerusform>
            <numerusform>Offline: %n messages will be sent when the connection returns.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection returns.</source>
        <translation>Offline: messages will be sent when the connection returns.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Change server…</source>
        <translation>Change server…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message>
        <source>Hosting a server</source>
        <translation>Hosting a server</translation>
    </message>
    <message>
        <source>Host a server</source>
        <translation>Host a server</translation>
    </message>
    <message>
        <source>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</source>
        <translation>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Server name</translation>
    </message>
    <message>
        <source>%1&apos;s server</source>
        <translation>%1&apos;s server</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>How others see you</translation>
    </message>
    <message>
        <source>“%1” is running on port %2.</source>
        <translation>“%1” is running on port %2.</translation>
    </message>
    <message>
        <source>Others can connect with one of these addresses:</source>
        <translation>Others can connect with one of these addresses:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>No network address found; others on this computer can use localhost:%1.</source>
        <translation>No network address found; others on this computer can use localhost:%1.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) right now</source>
        <translation>
            <numerusform>%n connection right now</numerusform>
            <numerusform>%n connections right now</numerusform>
        </translation>
    </message>
    <message>
        <source>Start hosting</source>
        <translation>Start hosting</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join or create a room</source>
        <translation>Join or create a room</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Room name</translation>
    </message>
    <message>
        <source>e.g. design-team</source>
        <translation>e.g. design-team</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</source>
        <translation>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</translation>
    </message>
    <message>
        <source>You are already in #%1; this opens it.</source>
        <translation>You are already in #%1; this opens it.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JumpToLatestButton</name>
    <message numerus="yes">
        <source>Jump to latest (%n new)</source>
        <translation>
            <numerusform>Jump to latest (%n new)</numerusform>
            <numerusform>Jump to latest (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Jump to latest</translation>
    </message>
    <message>
        <source>Scroll to the newest message (Ctrl+End)</source>
        <translation>Scroll to the newest message (Ctrl+End)</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>The two passwords differ. Type the new password twice.</translation>
    </message>
    <message>
        <source>Create an account on this server with the name above.</source>
        <translation>Create an account on this server with the name above.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in, or create an account.</source>
        <translation>This server uses accounts. Log in, or create an account.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in with the password you were given.</source>
        <translation>This server uses accounts. Log in with the password you were given.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Creating account…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>I have an account</source>
        <translation>I have an account</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>Create an account…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message numerus="yes">
        <source>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>
            <numerusform>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</numerusform>
            <numerusform>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Hosting details…</translation>
    </message>
    <message>
        <source>&amp;Host a server…</source>
        <translation>&amp;Host a server…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting…</source>
        <translation>&amp;Stop hosting…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Room</translation>
    </message>
    <message>
        <source>&amp;Join or create room…</source>
        <translation>&amp;Join or create room…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Browse rooms…</translation>
    </message>
    <message>
        <source>&amp;Quick switcher… (Ctrl+K)</source>
        <translation>&amp;Quick switcher… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Mark as read (Esc)</source>
        <translation>&amp;Mark as read (Esc)</translation>
    </message>
    <message>
        <source>&amp;Leave #%1</source>
        <translation>&amp;Leave #%1</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>&amp;Leave room</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <source>&amp;Previous room (Alt+Up)</source>
        <translation>&amp;Previous room (Alt+Up)</translation>
    </message>
    <message>
        <source>&amp;Next room (Alt+Down)</source>
        <translation>&amp;Next room (Alt+Down)</translation>
    </message>
    <message>
        <source>Next &amp;unread room (Alt+Shift+Down)</source>
        <translation>Next &amp;unread room (Alt+Shift+Down)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when closed</source>
        <translation>Keep running in the &amp;tray when closed</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Mute notifications</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>Stop hosting?</translation>
    </message>
    <message>
        <source>Nobody else is connected. Rooms and messages are kept for the next time you host.</source>
        <translation>Nobody else is connected. Rooms and messages are kept for the next time you host.</translation>
    </message>
    <message>
        <source>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>Stop hosting</translation>
    </message>
    <message>
        <source>Keep hosting</source>
        <translation>Keep hosting</translation>
    </message>
    <message>
        <source>Quit Natter?</source>
        <translation>Quit Natter?</translation>
    </message>
    <message>
        <source>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</source>
        <translation>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Stop server and quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Natter keeps running</source>
        <translation>Natter keeps running</translation>
    </message>
    <message>
        <source>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</source>
        <translation>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Jump to a room</source>
        <translation>Jump to a room</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+Up / Alt+Down</translation>
    </message>
    <message>
        <source>Previous / next room</source>
        <translation>Previous / next room</translation>
    </message>
    <message>
        <source>Alt+Shift+Up / Down</source>
        <translation>Alt+Shift+Up / Down</translation>
    </message>
    <message>
        <source>Previous / next unread room</source>
        <translation>Previous / next unread room</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Mark the room read; close a dialog</source>
        <translation>Mark the room read; close a dialog</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Scroll the messages</source>
        <translation>Scroll the messages</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Jump to the latest message</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Show or hide members</source>
        <translation>Show or hide members</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>Cannot open this link</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;New direct message…</source>
        <translation>&amp;New direct message…</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>New gr&amp;oup…</translation>
    </message>
    <message>
        <source>&amp;Invite people…</source>
        <translation>&amp;Invite people…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>&amp;Close conversation</translation>
    </message>
    <message>
        <source>&amp;Leave group…</source>
        <translation>&amp;Leave group…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>Leave #%1?</translation>
    </message>
    <message>
        <source>It is invite-only: you can come back only if someone in it invites you again.</source>
        <translation>It is invite-only: you can come back only if someone in it invites you again.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Leave group</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members · %1</source>
        <translation>Members · %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>Hide members</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>%1 (you), online</source>
        <translation>%1 (you), online</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(you)</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Send a direct message</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Remove from group</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Not sent: %1 at %2: %3</source>
        <translation>Not sent: %1 at %2: %3</translation>
    </message>
    <message>
        <source>Sending: %1 at %2: %3</source>
        <translation>Sending: %1 at %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 at %2: %3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>New messages</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages in %1</source>
        <translation>Messages in %1</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>No messages yet. Say hello!</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Loading older messages</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Copy link address</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>This is the beginning of your conversation with %1.</translation>
    </message>
    <message>
        <source>This is the beginning of %1.</source>
        <translation>This is the beginning of %1.</translation>
    </message>
</context>
<context>
    <name>NatterLink</name>
    <message>
        <source>“%1” is not a valid Natter link. Links look like natter://host:port/room.</source>
        <translation>“%1” is not a valid Natter link. Links look like natter://host:port/room.</translation>
    </message>
    <message>
        <source>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>e.g. book-club</source>
        <translation>e.g. book-club</translation>
    </message>
    <message>
        <source>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Create group</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PeoplePickerDialog</name>
    <message>
        <source>Invite to #%1</source>
        <translation>Invite to #%1</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>Who should join?</source>
        <translation>Who should join?</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Type a name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>No one by that name is listed. Press Enter to try “%1” anyway.</source>
        <translation>No one by that name is listed. Press Enter to try “%1” anyway.</translation>
    </message>
    <message>
        <source>No one else has an account here yet.</source>
        <translation>No one else has an account here yet.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room…</source>
        <translation>Jump to a room…</translation>
    </message>
    <message>
        <source>Room to open</source>
        <translation>Room to open</translation>
    </message>
    <message>
        <source>Join or create #%1</source>
        <translation>Join or create #%1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <source>No room matches.</source>
        <translation>No room matches.</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ to choose · Enter to open · Esc to close</translation>
    </message>
</context>
<context>
    <name>RoomSidebar</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1, connected</source>
        <translation>%1, connected</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>Shows the addresses others can use</source>
        <translation>Shows the addresses others can use</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Browse</translation>
    </message>
    <message>
        <source>Browse the rooms on this server</source>
        <translation>Browse the rooms on this server</translation>
    </message>
    <message>
        <source>Join or create a room</source>
        <translation>Join or create a room</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Unsent draft</source>
        <translation>Unsent draft</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) online</source>
        <translation>
            <numerusform>%n member online</numerusform>
            <numerusform>%n members online</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms yet. Press + to join or create one.</source>
        <translation>No rooms yet. Press + to join or create one.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Leave room</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <source>Join a room, write to someone, or start a group</source>
        <translation>Join a room, write to someone, or start a group</translation>
    </message>
    <message>
        <source>%1 invited you to the group #%2</source>
        <translation>%1 invited you to the group #%2</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Join or create a room…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>New direct message…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Invite people…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Close conversation</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Leave group…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Keep running in the tray when closed</translation>
    </message>
    <message>
        <source>Natter then stays connected and notifies you of new messages; quit from the tray menu.</source>
        <translation>Natter then stays connected and notifies you of new messages; quit from the tray menu.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Natter.</source>
        <translation>This desktop has no system tray, so closing the window quits Natter.</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mute notifications</translation>
    </message>
    <message>
        <source>Connect to the last server when Natter starts</source>
        <translation>Connect to the last server when Natter starts</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Start Natter when you log in</source>
        <translation>Start Natter when you log in</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Start minimised to the tray</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Start at login could not be changed: %1</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 is typing…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 and %2 are typing…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Several people are typing…</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>99+</source>
        <translation>99+</translation>
    </message>
</context>
<context>
    <name>natter::AccountClient</name>
    <message>
        <source>This password is too long: at most %1 bytes.</source>
        <translation>This password is too long: at most %1 bytes.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Choose a password of at least %1 characters.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Wrong name or password.</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>The server does not accept this password: %1</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Choose a name of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>“%1” is already registered on this server. Log in with its password, or choose another name.</source>
        <translation>“%1” is already registered on this server. Log in with its password, or choose another name.</translation>
    </message>
    <message>
        <source>This server does not let people create accounts themselves. Ask its admin for one.</source>
        <translation>This server does not let people create accounts themselves. Ask its admin for one.</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>You are banned from this server.</translation>
    </message>
    <message>
        <source>This server does not use accounts: connect with a name instead.</source>
        <translation>This server does not use accounts: connect with a name instead.</translation>
    </message>
    <message>
        <source>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</source>
        <translation>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</translation>
    </message>
    <message>
        <source>The server cannot check or store accounts right now. Try again in a moment.</source>
        <translation>The server cannot check or store accounts right now. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
</context>
<context>
    <name>natter::ChatClient</name>
    <message>
        <source>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</source>
        <translation>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Choose a name of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>The server closed the connection: %1</translation>
    </message>
    <message>
        <source>This message is too long: at most %1 bytes.</source>
        <translation>This message is too long: at most %1 bytes.</translation>
    </message>
    <message>
        <source>You are sending too fast. Wait a moment and try again.</source>
        <translation>You are sending too fast. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The server cannot store messages right now. Try again in a moment.</source>
        <translation>The server cannot store messages right now. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server cannot hold any more rooms.</source>
        <translation>The server cannot hold any more rooms.</translation>
    </message>
    <message>
        <source>You are in as many rooms as this server allows. Leave one first.</source>
        <translation>You are in as many rooms as this server allows. Leave one first.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>You are not in this room.</translation>
    </message>
    <message>
        <source>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</translation>
    </message>
    <message>
        <source>“%1” is already in use on this server by someone on another computer. Choose another name.</source>
        <translation>“%1” is already in use on this server by someone on another computer. Choose another name.</translation>
    </message>
    <message>
        <source>The server did not accept the name “%1”: %2</source>
        <translation>The server did not accept the name “%1”: %2</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>An admin disconnected you from this server.</source>
        <translation>An admin disconnected you from this server.</translation>
    </message>
    <message>
        <source>Your login is kept only until Natter quits.</source>
        <translation>Your login is kept only until Natter quits.</translation>
    </message>
    <message>
        <source>No keychain can be used (%1), so your login is kept only until Natter quits.</source>
        <translation>No keychain can be used (%1), so your login is kept only until Natter quits.</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>Not connected: the server&apos;s certificate was not trusted.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</source>
        <translation>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Not connected.</source>
        <translation>The server&apos;s certificate could not be verified. Not connected.</translation>
    </message>
    <message>
        <source>Direct messages need accounts, and this server has none.</source>
        <translation>Direct messages need accounts, and this server has none.</translation>
    </message>
    <message>
        <source>That is you. Pick someone else.</source>
        <translation>That is you. Pick someone else.</translation>
    </message>
    <message>
        <source>Not connected. Try again when the connection is back.</source>
        <translation>Not connected. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Groups need accounts, and this server has none.</source>
        <translation>Groups need accounts, and this server has none.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Use 1 to 64 letters, digits, dots, dashes or underscores.</translation>
    </message>
    <message>
        <source>You are already in a room called “%1”.</source>
        <translation>You are already in a room called “%1”.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>Invited %1 to %2.</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>Removed %1 from %2.</translation>
    </message>
    <message>
        <source>You left %1.</source>
        <translation>You left %1.</translation>
    </message>
    <message>
        <source>There is no one called “%1” on this server.</source>
        <translation>There is no one called “%1” on this server.</translation>
    </message>
    <message>
        <source>The invitation to %1 is no longer open.</source>
        <translation>The invitation to %1 is no longer open.</translation>
    </message>
    <message>
        <source>You are not a member of %1.</source>
        <translation>You are not a member of %1.</translation>
    </message>
    <message>
        <source>Only the owner of %1 or a server admin can do that.</source>
        <translation>Only the owner of %1 or a server admin can do that.</translation>
    </message>
    <message>
        <source>Direct messages and groups need accounts, and this server has none.</source>
        <translation>Direct messages and groups need accounts, and this server has none.</translation>
    </message>
    <message>
        <source>A room called “%1” exists already. Choose another name.</source>
        <translation>A room called “%1” exists already. Choose another name.</translation>
    </message>
</context>
<context>
    <name>natter::ChatServer</name>
    <message>
        <source>another Natter server is using the database %1</source>
        <translation>another Natter server is using the database %1</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>cannot create the data directory %1</translation>
    </message>
    <message>
        <source>another Natter server is using the data directory %1</source>
        <translation>another Natter server is using the data directory %1</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>port %1 is already in use by another program</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>cannot listen on %1 port %2: %3</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>cannot open the database: %1</translation>
    </message>
    <message>
        <source>cannot read the accounts from the database</source>
        <translation>cannot read the accounts from the database</translation>
    </message>
</context>
<context>
    <name>natter::DesktopIntegration</name>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n unread message</numerusform>
            <numerusform>Natter: %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Natter</source>
        <translation>Show Natter</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mute notifications</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 invited you to %2</translation>
    </message>
    <message>
        <source>Open Natter to accept or decline.</source>
        <translation>Open Natter to accept or decline.</translation>
    </message>
</context>
<context>
    <name>natter::LanguageManager</name>
    <message>
        <source>English</source>
        <comment>The name of the language of this translation, written in that language.</comment>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>natter::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
</context>
<context>
    <name>natter::ServerHost</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>The port must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Natter server</source>
        <translation>Natter server</translation>
    </message>
</context>
<context>
    <name>natter::SingleInstance</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>cannot create the directory %1</translation>
    </message>
    <message>
        <source>no permission to create %1</source>
        <translation>no permission to create %1</translation>
    </message>
    <message>
        <source>cannot use the lock file %1</source>
        <translation>cannot use the lock file %1</translation>
    </message>
    <message>
        <source>Natter is already running (process %1) but does not answer</source>
        <translation>Natter is already running (process %1) but does not answer</translation>
    </message>
</context>
</TS>
