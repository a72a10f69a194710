<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <message numerus="yes">
        <source>#%1, %n member</source>
        <translation>
            <numerusform>#%1, %n member</numerusform>
            <numerusform>#%1, %n member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n members</source>
        <translation>
            <numerusform>#%1, %n members</numerusform>
            <numerusform>#%1, %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n members</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n message</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n messages</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n member</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n members</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>Offline: %n message will be sent when the connection returns.</source>
        <translation>
            <numerusform>Offline: %n message will be sent when the connection returns.</numerusform>
            <numerusform>Offline: %n message will be sent when the connection returns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n messages will be sent when the connection returns.</source>
        <translation>
            <numerusform>Offline: %n messages will be sent when the connection returns.</numerusform>
            <numerusform>Offline: %n messages will be sent when the connection returns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message numerus="yes">
        <source>%n connection right now</source>
        <translation>
            <numerusform>%n connection right now</numerusform>
            <numerusform>%n connection right now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections right now</source>
        <translation>
            <numerusform>%n connections right now</numerusform>
            <numerusform>%n connections right now</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n member online</source>
        <translation>
            <numerusform>%n member online</numerusform>
            <numerusform>%n member online</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members online</source>
        <translation>
            <numerusform>%n members online</numerusform>
            <numerusform>%n members online</numerusform>
        </translation>
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
</context>
</TS>
