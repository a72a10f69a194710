<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write to the registry</source>
        <translation>in die Registrierung kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>BrowseRoomsDialog</name>
    <message>
        <source>active just now</source>
        <translation>gerade aktiv</translation>
    </message>
    <message numerus="yes">
        <source>active %n min ago</source>
        <translation>
            <numerusform>aktiv vor %n Min.</numerusform>
            <numerusform>aktiv vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active %n h ago</source>
        <translation>
            <numerusform>aktiv vor %n Std.</numerusform>
            <numerusform>aktiv vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>aktiv am %1</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Räume durchsuchen</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Raum suchen oder erstellen</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>Räume filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>#%1 erstellen</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>Räume auf diesem Server</translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n member(s)</source>
        <translation>
            <numerusform>#%1, %n Mitglied</numerusform>
            <numerusform>#%1, %n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Betreten</translation>
    </message>
    <message>
        <source>Loading the server&apos;s rooms…</source>
        <translation>Räume des Servers werden geladen…</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>Kein Raum passt zu „%1“.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Das Zertifikat des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified</source>
        <translation>Das Zertifikat des Servers konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</source>
        <translation>%1 zeigt ein anderes Zertifikat als das, dem du für diesen Server vertraut hast. Das passiert, wenn sein Zertifikat ersetzt wurde, aber auch, wenn jemand die Verbindung abfängt. Vertraue dem neuen Zertifikat nur, wenn du weißt, warum es sich geändert hat.</translation>
    </message>
    <message>
        <source>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</source>
        <translation>Natter kann nicht bestätigen, dass %1 der Server ist, der er zu sein vorgibt. Bei einem Server in deinem eigenen Netzwerk mit selbst signiertem Zertifikat ist das zu erwarten: Vergleiche den Fingerabdruck unten mit dem, den der Server anzeigt (er protokolliert ihn beim Start), bevor du ihm vertraust.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>%1 (itself: self-signed)</source>
        <translation>%1 (selbst: selbst signiert)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Trusted before</source>
        <translation>Zuvor vertraut</translation>
    </message>
    <message>
        <source>Fingerprint trusted before</source>
        <translation>Zuvor vertrauter Fingerabdruck</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ChatScreen</name>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message numerus="yes">
        <source>Hosting on %1 · %n connected</source>
        <translation>
            <numerusform>Server auf %1 · %n verbunden</numerusform>
            <numerusform>Server auf %1 · %n verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Make the window wider to see the member list</source>
        <translation>Mach das Fenster breiter, um die Mitgliederliste zu sehen</translation>
    </message>
    <message>
        <source>Hide the member list (Ctrl+Shift+M)</source>
        <translation>Mitgliederliste ausblenden (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Show the member list (Ctrl+Shift+M)</source>
        <translation>Mitgliederliste einblenden (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>You are not in any room.</source>
        <translation>Du bist in keinem Raum.</translation>
    </message>
    <message>
        <source>Join a room to start talking, or see which rooms exist on this server.</source>
        <translation>Betritt einen Raum, um loszulegen, oder sieh nach, welche Räume es auf diesem Server gibt.</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Raum betreten oder erstellen…</translation>
    </message>
    <message>
        <source>Browse rooms…</source>
        <translation>Räume durchsuchen…</translation>
    </message>
    <message>
        <source>%1 removed you from the group #%2.</source>
        <translation>%1 hat dich aus der Gruppe #%2 entfernt.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Message %1 (sent when back online)</source>
        <translation>Nachricht an %1 (wird gesendet, sobald wieder online)</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>Enter sendet, Umschalt+Enter beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Fehler ausblenden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Too long: %1 / %2 bytes</source>
        <translation>Zu lang: %1 / %2 Byte</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 Byte</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Connect to a chat server.</source>
        <translation>Mit einem Chat-Server verbinden.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>host:port or ws://…</source>
        <translation>host:port oder ws://…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>So sehen dich andere</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Neuer Versuch in %n s…</numerusform>
            <numerusform>Neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>Server in diesem Netzwerk</translation>
    </message>
    <message>
        <source>Looking for Natter servers nearby…</source>
        <translation>Suche nach Natter-Servern in der Nähe…</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · Version %2</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>This computer is hosting a server.</source>
        <translation>Auf diesem Computer läuft ein Server.</translation>
    </message>
    <message>
        <source>No server yet? Run one on this computer.</source>
        <translation>Noch kein Server? Starte einen auf diesem Computer.</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Server-Details…</translation>
    </message>
    <message>
        <source>Host a server…</source>
        <translation>Server hosten…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Neuer Verbindungsversuch in %n s…</numerusform>
            <numerusform>Neuer Verbindungsversuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when the connection returns.</source>
        <translation>
            <numerusform>Offline: %n Nachricht wird gesendet, sobald die Verbindung wieder steht.</numerusform>
            <numerusform>Offline: %n Nachrichten werden gesendet, sobald die Verbindung wieder steht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection returns.</source>
        <translation>Offline: Nachrichten werden gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Change server…</source>
        <translation>Server wechseln…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message>
        <source>Hosting a server</source>
        <translation>Server wird gehostet</translation>
    </message>
    <message>
        <source>Host a server</source>
        <translation>Server hosten</translation>
    </message>
    <message>
        <source>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</source>
        <translation>Andere in deinem Netzwerk (oder im Internet, wenn du den Port weiterleitest) können sich dann mit diesem Computer verbinden. Der Server läuft, solange Natter läuft.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>%1&apos;s server</source>
        <translation>Server von %1</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>So sehen dich andere</translation>
    </message>
    <message>
        <source>“%1” is running on port %2.</source>
        <translation>„%1“ läuft auf Port %2.</translation>
    </message>
    <message>
        <source>Others can connect with one of these addresses:</source>
        <translation>Andere können sich über eine dieser Adressen verbinden:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>No network address found; others on this computer can use localhost:%1.</source>
        <translation>Keine Netzwerkadresse gefunden; andere auf diesem Computer können localhost:%1 verwenden.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) right now</source>
        <translation>
            <numerusform>Derzeit %n Verbindung</numerusform>
            <numerusform>Derzeit %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Start hosting</source>
        <translation>Hosting starten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join or create a room</source>
        <translation>Raum betreten oder erstellen</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>e.g. design-team</source>
        <translation>z. B. design-team</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</source>
        <translation>1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“; keine Leerzeichen. Ein Raum, den es noch nicht gibt, wird erstellt.</translation>
    </message>
    <message>
        <source>You are already in #%1; this opens it.</source>
        <translation>Du bist schon in #%1; das öffnet ihn.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Betreten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>JumpToLatestButton</name>
    <message numerus="yes">
        <source>Jump to latest (%n new)</source>
        <translation>
            <numerusform>Zu den neuesten (%n neu)</numerusform>
            <numerusform>Zu den neuesten (%n neu)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Zu den neuesten</translation>
    </message>
    <message>
        <source>Scroll to the newest message (Ctrl+End)</source>
        <translation>Zur neuesten Nachricht scrollen (Strg+Ende)</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Gib das neue Passwort zweimal ein.</translation>
    </message>
    <message>
        <source>Create an account on this server with the name above.</source>
        <translation>Ein Konto mit dem Namen oben auf diesem Server anlegen.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in, or create an account.</source>
        <translation>Dieser Server verwendet Konten. Melde dich an oder lege ein Konto an.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in with the password you were given.</source>
        <translation>Dieser Server verwendet Konten. Melde dich mit dem Passwort an, das du erhalten hast.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Konto wird angelegt…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>I have an account</source>
        <translation>Ich habe ein Konto</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>Konto anlegen…</translation>
    </message>
</context>
<context>
    <name>Main</name>
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
        <translation>Server-Details…</translation>
    </message>
    <message>
        <source>&amp;Host a server…</source>
        <translation>Server &amp;hosten…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting…</source>
        <translation>Hosting &amp;beenden…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>&amp;Join or create room…</source>
        <translation>Raum &amp;betreten oder erstellen…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>Räume &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Quick switcher… (Ctrl+K)</source>
        <translation>&amp;Schnellwechsel… (Strg+K)</translation>
    </message>
    <message>
        <source>&amp;Mark as read (Esc)</source>
        <translation>Als &amp;gelesen markieren (Esc)</translation>
    </message>
    <message>
        <source>&amp;Leave #%1</source>
        <translation>#%1 &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Previous room (Alt+Up)</source>
        <translation>&amp;Vorheriger Raum (Alt+Hoch)</translation>
    </message>
    <message>
        <source>&amp;Next room (Alt+Down)</source>
        <translation>&amp;Nächster Raum (Alt+Herunter)</translation>
    </message>
    <message>
        <source>Next &amp;unread room (Alt+Shift+Down)</source>
        <translation>Nächster &amp;ungelesener Raum (Alt+Umschalt+Herunter)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when closed</source>
        <translation>Beim Schließen in der &amp;Systemleiste weiterlaufen</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>Hosting beenden?</translation>
    </message>
    <message>
        <source>Nobody else is connected. Rooms and messages are kept for the next time you host.</source>
        <translation>Niemand sonst ist verbunden. Räume und Nachrichten bleiben für das nächste Hosting erhalten.</translation>
    </message>
    <message>
        <source>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>Die eine Verbindung zu diesem Server wird getrennt. Räume und Nachrichten bleiben für das nächste Hosting erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>
            <numerusform>Die %n Verbindung zu diesem Server wird getrennt. Räume und Nachrichten bleiben für das nächste Hosting erhalten.</numerusform>
            <numerusform>Alle %n Verbindungen zu diesem Server werden getrennt. Räume und Nachrichten bleiben für das nächste Hosting erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>Hosting beenden</translation>
    </message>
    <message>
        <source>Keep hosting</source>
        <translation>Weiter hosten</translation>
    </message>
    <message>
        <source>Quit Natter?</source>
        <translation>Natter beenden?</translation>
    </message>
    <message>
        <source>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</source>
        <translation>Dieser Computer hostet „%1“. Beim Beenden wird der Server gestoppt, und alle, die mit ihm verbunden sind, werden getrennt.</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Server stoppen und beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Natter keeps running</source>
        <translation>Natter läuft weiter</translation>
    </message>
    <message>
        <source>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</source>
        <translation>Natter bleibt in der Systemleiste, damit du weiterhin Nachrichten bekommst. Zum Beenden wähle „Beenden“ im Menü der Systemleiste oder im Menü „Server“. Du kannst das in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <source>Jump to a room</source>
        <translation>Zu einem Raum springen</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+Hoch / Alt+Herunter</translation>
    </message>
    <message>
        <source>Previous / next room</source>
        <translation>Vorheriger / nächster Raum</translation>
    </message>
    <message>
        <source>Alt+Shift+Up / Down</source>
        <translation>Alt+Umschalt+Hoch / Herunter</translation>
    </message>
    <message>
        <source>Previous / next unread room</source>
        <translation>Vorheriger / nächster ungelesener Raum</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Mark the room read; close a dialog</source>
        <translation>Raum als gelesen markieren; Dialog schließen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Enter</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Bild auf / Bild ab</translation>
    </message>
    <message>
        <source>Scroll the messages</source>
        <translation>Nachrichten scrollen</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Strg+Ende</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Strg+Umschalt+M</translation>
    </message>
    <message>
        <source>Show or hide members</source>
        <translation>Mitglieder ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>Dieser Link kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;New direct message…</source>
        <translation>&amp;Neue Direktnachricht…</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>Neue G&amp;ruppe…</translation>
    </message>
    <message>
        <source>&amp;Invite people…</source>
        <translation>Personen &amp;einladen…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>&amp;Unterhaltung schließen</translation>
    </message>
    <message>
        <source>&amp;Leave group…</source>
        <translation>Gruppe &amp;verlassen…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>#%1 verlassen?</translation>
    </message>
    <message>
        <source>It is invite-only: you can come back only if someone in it invites you again.</source>
        <translation>Die Gruppe ist nur auf Einladung: Du kommst nur zurück, wenn dich jemand aus der Gruppe erneut einlädt.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Bleiben</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members · %1</source>
        <translation>Mitglieder · %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>Mitglieder ausblenden</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>%1 (you), online</source>
        <translation>%1 (du), online</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(du)</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Direktnachricht senden</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Aus der Gruppe entfernen</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Not sent: %1 at %2: %3</source>
        <translation>Nicht gesendet: %1 um %2: %3</translation>
    </message>
    <message>
        <source>Sending: %1 at %2: %3</source>
        <translation>Wird gesendet: %1 um %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages in %1</source>
        <translation>Nachrichten in %1</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag Hallo!</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Ältere Nachrichten werden geladen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Linkadresse kopieren</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>Hier beginnt deine Unterhaltung mit %1.</translation>
    </message>
    <message>
        <source>This is the beginning of %1.</source>
        <translation>Hier beginnt %1.</translation>
    </message>
</context>
<context>
    <name>NatterLink</name>
    <message>
        <source>“%1” is not a valid Natter link. Links look like natter://host:port/room.</source>
        <translation>„%1“ ist kein gültiger Natter-Link. Links sehen so aus: natter://host:port/raum.</translation>
    </message>
    <message>
        <source>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>„%1“ ist kein Raumname. Raumnamen bestehen aus 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>e.g. book-club</source>
        <translation>z. B. lesekreis</translation>
    </message>
    <message>
        <source>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Nur Personen, die du einlädst, können die Gruppe sehen, lesen oder ihr beitreten. 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“.</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Gruppe erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PeoplePickerDialog</name>
    <message>
        <source>Invite to #%1</source>
        <translation>Zu #%1 einladen</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Who should join?</source>
        <translation>Wer soll dazukommen?</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Einen Namen eingeben</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
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
        <translation>Niemand mit diesem Namen ist aufgeführt. Drücke Enter, um es trotzdem mit „%1“ zu versuchen.</translation>
    </message>
    <message>
        <source>No one else has an account here yet.</source>
        <translation>Außer dir hat hier noch niemand ein Konto.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room…</source>
        <translation>Zu einem Raum springen…</translation>
    </message>
    <message>
        <source>Room to open</source>
        <translation>Zu öffnender Raum</translation>
    </message>
    <message>
        <source>Join or create #%1</source>
        <translation>#%1 betreten oder erstellen</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>No room matches.</source>
        <translation>Kein passender Raum.</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ auswählen · Enter öffnen · Esc schließen</translation>
    </message>
</context>
<context>
    <name>RoomSidebar</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1, connected</source>
        <translation>%1, verbunden</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Shows the addresses others can use</source>
        <translation>Zeigt die Adressen, die andere verwenden können</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Browse the rooms on this server</source>
        <translation>Räume auf diesem Server durchsuchen</translation>
    </message>
    <message>
        <source>Join or create a room</source>
        <translation>Raum betreten oder erstellen</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Unsent draft</source>
        <translation>Nicht gesendeter Entwurf</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) online</source>
        <translation>
            <numerusform>%n Mitglied online</numerusform>
            <numerusform>%n Mitglieder online</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms yet. Press + to join or create one.</source>
        <translation>Noch keine Räume. Drücke +, um einen zu betreten oder zu erstellen.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Join a room, write to someone, or start a group</source>
        <translation>Einem Raum beitreten, jemandem schreiben oder eine Gruppe gründen</translation>
    </message>
    <message>
        <source>%1 invited you to the group #%2</source>
        <translation>%1 hat dich in die Gruppe #%2 eingeladen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Raum betreten oder erstellen…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>Neue Direktnachricht…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Personen einladen…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Unterhaltung schließen</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Gruppe verlassen…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Beim Schließen in der Systemleiste weiterlaufen</translation>
    </message>
    <message>
        <source>Natter then stays connected and notifies you of new messages; quit from the tray menu.</source>
        <translation>Natter bleibt dann verbunden und benachrichtigt dich über neue Nachrichten; beenden kannst du es über das Menü der Systemleiste.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Natter.</source>
        <translation>Diese Arbeitsumgebung hat keine Systemleiste, daher beendet das Schließen des Fensters Natter.</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>Connect to the last server when Natter starts</source>
        <translation>Beim Start mit dem letzten Server verbinden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Start Natter when you log in</source>
        <translation>Natter bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <source>99+</source>
        <translation>99+</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::AccountClient</name>
    <message>
        <source>This password is too long: at most %1 bytes.</source>
        <translation>Dieses Passwort ist zu lang: höchstens %1 Byte.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wähle ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Falscher Name oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>Der Server akzeptiert dieses Passwort nicht: %1</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Wähle einen Namen mit 1 bis 64 Zeichen.</translation>
    </message>
    <message>
        <source>“%1” is already registered on this server. Log in with its password, or choose another name.</source>
        <translation>„%1“ ist auf diesem Server bereits registriert. Melde dich mit dem zugehörigen Passwort an oder wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>This server does not let people create accounts themselves. Ask its admin for one.</source>
        <translation>Auf diesem Server kann man sich nicht selbst ein Konto anlegen. Bitte den Admin um eines.</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>Du bist auf diesem Server gesperrt.</translation>
    </message>
    <message>
        <source>This server does not use accounts: connect with a name instead.</source>
        <translation>Dieser Server verwendet keine Konten: verbinde dich stattdessen mit einem Namen.</translation>
    </message>
    <message>
        <source>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</source>
        <translation>Deine Anmeldung ist nicht mehr gültig (abgelaufen, oder der Server hat alle abgemeldet). Gib dein Passwort ein, um dich erneut anzumelden.</translation>
    </message>
    <message>
        <source>The server cannot check or store accounts right now. Try again in a moment.</source>
        <translation>Der Server kann Konten gerade nicht prüfen oder speichern. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>natter::ChatClient</name>
    <message>
        <source>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</source>
        <translation>„%1“ ist keine Serveradresse. Verwende host:port, zum Beispiel chat.example.org:8082.</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Wähle einen Namen mit 1 bis 64 Zeichen.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>Der Server hat die Verbindung getrennt: %1</translation>
    </message>
    <message>
        <source>This message is too long: at most %1 bytes.</source>
        <translation>Diese Nachricht ist zu lang: höchstens %1 Byte.</translation>
    </message>
    <message>
        <source>You are sending too fast. Wait a moment and try again.</source>
        <translation>Du sendest zu schnell. Warte einen Moment und versuche es erneut.</translation>
    </message>
    <message>
        <source>The server cannot store messages right now. Try again in a moment.</source>
        <translation>Der Server kann gerade keine Nachrichten speichern. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server cannot hold any more rooms.</source>
        <translation>Der Server kann keine weiteren Räume aufnehmen.</translation>
    </message>
    <message>
        <source>You are in as many rooms as this server allows. Leave one first.</source>
        <translation>Du bist bereits in so vielen Räumen, wie dieser Server erlaubt. Verlasse zuerst einen.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>Du bist nicht in diesem Raum.</translation>
    </message>
    <message>
        <source>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Raumnamen bestehen aus 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“.</translation>
    </message>
    <message>
        <source>“%1” is already in use on this server by someone on another computer. Choose another name.</source>
        <translation>„%1“ wird auf diesem Server bereits von jemandem an einem anderen Computer verwendet. Wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>The server did not accept the name “%1”: %2</source>
        <translation>Der Server hat den Namen „%1“ nicht angenommen: %2</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Gib dein Passwort ein.</translation>
    </message>
    <message>
        <source>An admin disconnected you from this server.</source>
        <translation>Ein Admin hat deine Verbindung zu diesem Server getrennt.</translation>
    </message>
    <message>
        <source>Your login is kept only until Natter quits.</source>
        <translation>Deine Anmeldung bleibt nur erhalten, bis Natter beendet wird.</translation>
    </message>
    <message>
        <source>No keychain can be used (%1), so your login is kept only until Natter quits.</source>
        <translation>Es steht kein Schlüsselbund zur Verfügung (%1), daher bleibt deine Anmeldung nur erhalten, bis Natter beendet wird.</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>Nicht verbunden: Dem Zertifikat des Servers wurde nicht vertraut.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</source>
        <translation>Das Zertifikat des Servers hat sich geändert, seit du ihm vertraut hast. Möglicherweise fängt jemand die Verbindung ab. Nicht verbunden.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Not connected.</source>
        <translation>Das Zertifikat des Servers konnte nicht überprüft werden. Nicht verbunden.</translation>
    </message>
    <message>
        <source>Direct messages need accounts, and this server has none.</source>
        <translation>Direktnachrichten brauchen Konten, und dieser Server hat keine.</translation>
    </message>
    <message>
        <source>That is you. Pick someone else.</source>
        <translation>Das bist du. Wähle jemand anderen.</translation>
    </message>
    <message>
        <source>Not connected. Try again when the connection is back.</source>
        <translation>Nicht verbunden. Versuche es erneut, wenn die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Groups need accounts, and this server has none.</source>
        <translation>Gruppen brauchen Konten, und dieser Server hat keine.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Verwende 1 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.</translation>
    </message>
    <message>
        <source>You are already in a room called “%1”.</source>
        <translation>Du bist bereits in einem Raum namens „%1“.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>%1 wurde zu %2 eingeladen.</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>%1 wurde aus %2 entfernt.</translation>
    </message>
    <message>
        <source>You left %1.</source>
        <translation>Du hast %1 verlassen.</translation>
    </message>
    <message>
        <source>There is no one called “%1” on this server.</source>
        <translation>Auf diesem Server gibt es niemanden namens „%1“.</translation>
    </message>
    <message>
        <source>The invitation to %1 is no longer open.</source>
        <translation>Die Einladung zu %1 gilt nicht mehr.</translation>
    </message>
    <message>
        <source>You are not a member of %1.</source>
        <translation>Du bist kein Mitglied von %1.</translation>
    </message>
    <message>
        <source>Only the owner of %1 or a server admin can do that.</source>
        <translation>Das können nur die Eigentümerin oder der Eigentümer von %1 oder ein Server-Admin.</translation>
    </message>
    <message>
        <source>Direct messages and groups need accounts, and this server has none.</source>
        <translation>Direktnachrichten und Gruppen brauchen Konten, und dieser Server hat keine.</translation>
    </message>
    <message>
        <source>A room called “%1” exists already. Choose another name.</source>
        <translation>Ein Raum namens „%1“ existiert bereits. Wähle einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>natter::ChatServer</name>
    <message>
        <source>another Natter server is using the database %1</source>
        <translation>ein anderer Natter-Server verwendet die Datenbank %1</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>das Datenverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>another Natter server is using the data directory %1</source>
        <translation>ein anderer Natter-Server verwendet das Datenverzeichnis %1</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>Port %1 wird bereits von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kann nicht auf %1, Port %2 lauschen: %3</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the accounts from the database</source>
        <translation>die Konten können nicht aus der Datenbank gelesen werden</translation>
    </message>
</context>
<context>
    <name>natter::DesktopIntegration</name>
    <message>
        <source>Show Natter</source>
        <translation>Natter anzeigen</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n ungelesene Nachricht</numerusform>
            <numerusform>Natter: %n ungelesene Nachrichten</numerusform>
        </translation>
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
        <translation>%1 hat dich zu %2 eingeladen</translation>
    </message>
    <message>
        <source>Open Natter to accept or decline.</source>
        <translation>Öffne Natter, um anzunehmen oder abzulehnen.</translation>
    </message>
</context>
<context>
    <name>natter::LanguageManager</name>
    <message>
        <source>English</source>
        <comment>The name of the language of this translation, written in that language.</comment>
        <translation>Deutsch</translation>
    </message>
</context>
<context>
    <name>natter::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>natter::ServerHost</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>Natter server</source>
        <translation>Natter-Server</translation>
    </message>
</context>
<context>
    <name>natter::SingleInstance</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no permission to create %1</source>
        <translation>keine Berechtigung, %1 anzulegen</translation>
    </message>
    <message>
        <source>cannot use the lock file %1</source>
        <translation>die Sperrdatei %1 kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Natter is already running (process %1) but does not answer</source>
        <translation>Natter läuft bereits (Prozess %1), antwortet aber nicht</translation>
    </message>
</context>
</TS>
