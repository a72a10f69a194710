<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>cannot write to the registry</source>
        <translation>no se puede escribir en el registro</translation>
    </message>
</context>
<context>
    <name>BrowseRoomsDialog</name>
    <message>
        <source>active just now</source>
        <translation>activa ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>active %n min ago</source>
        <translation>
            <numerusform>activa hace %n min</numerusform>
            <numerusform>activa hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active %n h ago</source>
        <translation>
            <numerusform>activa hace %n h</numerusform>
            <numerusform>activa hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>activa el %1</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Explorar salas</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Buscar o crear una sala</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>Filtrar salas</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>Crear #%1</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>Salas de este servidor</translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n member(s)</source>
        <translation>
            <numerusform>#%1, %n miembro</numerusform>
            <numerusform>#%1, %n miembros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n mensaje</numerusform>
            <numerusform>%n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Loading the server&apos;s rooms…</source>
        <translation>Cargando las salas del servidor…</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>Ninguna sala coincide con «%1».</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>El certificado del servidor ha cambiado</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified</source>
        <translation>No se pudo verificar el certificado del servidor</translation>
    </message>
    <message>
        <source>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</source>
        <translation>%1 muestra un certificado distinto del que aceptaste para él. Eso ocurre cuando se sustituye su certificado, pero también es lo que provocaría alguien que intercepte la conexión. Confía en el nuevo certificado solo si sabes por qué ha cambiado.</translation>
    </message>
    <message>
        <source>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</source>
        <translation>Natter no puede confirmar que %1 sea el servidor que dice ser. En un servidor de tu propia red con un certificado autofirmado es lo esperable: compara la huella de abajo con la que muestra el servidor (la registra al arrancar) antes de confiar en él.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Emitido para</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>%1 (itself: self-signed)</source>
        <translation>%1 (él mismo: autofirmado)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Válido</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Huella SHA-256</translation>
    </message>
    <message>
        <source>Trusted before</source>
        <translation>Aceptado antes</translation>
    </message>
    <message>
        <source>Fingerprint trusted before</source>
        <translation>Huella aceptada antes</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Confiar en el nuevo certificado</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Confiar en este certificado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ChatScreen</name>
    <message>
        <source>port %1</source>
        <translation>puerto %1</translation>
    </message>
    <message numerus="yes">
        <source>Hosting on %1 · %n connected</source>
        <translation>
            <numerusform>Servidor en %1 · %n conectado</numerusform>
            <numerusform>Servidor en %1 · %n conectados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Make the window wider to see the member list</source>
        <translation>Amplía la ventana para ver la lista de miembros</translation>
    </message>
    <message>
        <source>Hide the member list (Ctrl+Shift+M)</source>
        <translation>Ocultar la lista de miembros (Ctrl+Mayús+M)</translation>
    </message>
    <message>
        <source>Show the member list (Ctrl+Shift+M)</source>
        <translation>Mostrar la lista de miembros (Ctrl+Mayús+M)</translation>
    </message>
    <message>
        <source>You are not in any room.</source>
        <translation>No estás en ninguna sala.</translation>
    </message>
    <message>
        <source>Join a room to start talking, or see which rooms exist on this server.</source>
        <translation>Únete a una sala para empezar a hablar o mira qué salas hay en este servidor.</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Unirse a una sala o crearla…</translation>
    </message>
    <message>
        <source>Browse rooms…</source>
        <translation>Explorar salas…</translation>
    </message>
    <message>
        <source>%1 removed you from the group #%2.</source>
        <translation>%1 te ha quitado del grupo #%2.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Mensaje a %1</translation>
    </message>
    <message>
        <source>Message %1 (sent when back online)</source>
        <translation>Mensaje a %1 (se enviará al volver a estar en línea)</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>Intro envía; Mayús+Intro empieza una línea nueva</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Descartar el error</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Too long: %1 / %2 bytes</source>
        <translation>Demasiado largo: %1 / %2 bytes</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 bytes</translation>
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
        <translation>Conéctate a un servidor de chat.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>host:port or ws://…</source>
        <translation>host:puerto o ws://…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>Cómo te ven los demás</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Reintentando en %n s…</numerusform>
            <numerusform>Reintentando en %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>Servidores en esta red</translation>
    </message>
    <message>
        <source>Looking for Natter servers nearby…</source>
        <translation>Buscando servidores de Natter cercanos…</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · versión %2</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Conectar a %1</translation>
    </message>
    <message>
        <source>This computer is hosting a server.</source>
        <translation>Este equipo aloja un servidor.</translation>
    </message>
    <message>
        <source>No server yet? Run one on this computer.</source>
        <translation>¿Aún no tienes servidor? Ejecuta uno en este equipo.</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Detalles del servidor…</translation>
    </message>
    <message>
        <source>Host a server…</source>
        <translation>Alojar un servidor…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconectando en %n s…</numerusform>
            <numerusform>Reconectando en %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when the connection returns.</source>
        <translation>
            <numerusform>Sin conexión: %n mensaje se enviará cuando vuelva la conexión.</numerusform>
            <numerusform>Sin conexión: %n mensajes se enviarán cuando vuelva la conexión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection returns.</source>
        <translation>Sin conexión: los mensajes se enviarán cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Change server…</source>
        <translation>Cambiar de servidor…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message>
        <source>Hosting a server</source>
        <translation>Alojando un servidor</translation>
    </message>
    <message>
        <source>Host a server</source>
        <translation>Alojar un servidor</translation>
    </message>
    <message>
        <source>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</source>
        <translation>Así, otras personas de tu red (o de internet, si rediriges el puerto) podrán conectarse a este equipo. El servidor funciona mientras Natter esté abierto.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nombre del servidor</translation>
    </message>
    <message>
        <source>%1&apos;s server</source>
        <translation>Servidor de %1</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>Cómo te ven los demás</translation>
    </message>
    <message>
        <source>“%1” is running on port %2.</source>
        <translation>«%1» se está ejecutando en el puerto %2.</translation>
    </message>
    <message>
        <source>Others can connect with one of these addresses:</source>
        <translation>Otras personas pueden conectarse con una de estas direcciones:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>No network address found; others on this computer can use localhost:%1.</source>
        <translation>No se encontró ninguna dirección de red; otras personas en este equipo pueden usar localhost:%1.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) right now</source>
        <translation>
            <numerusform>%n conexión ahora mismo</numerusform>
            <numerusform>%n conexiones ahora mismo</numerusform>
        </translation>
    </message>
    <message>
        <source>Start hosting</source>
        <translation>Empezar a alojar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join or create a room</source>
        <translation>Unirse a una sala o crearla</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>e.g. design-team</source>
        <translation>p. ej., equipo-diseño</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</source>
        <translation>De 1 a 64 letras, dígitos, «-», «_» o «.»; sin espacios. Si la sala aún no existe, se crea.</translation>
    </message>
    <message>
        <source>You are already in #%1; this opens it.</source>
        <translation>Ya estás en #%1; esto la abre.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>JumpToLatestButton</name>
    <message numerus="yes">
        <source>Jump to latest (%n new)</source>
        <translation>
            <numerusform>Ir a lo más reciente (%n nuevo)</numerusform>
            <numerusform>Ir a lo más reciente (%n nuevos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Ir a lo más reciente</translation>
    </message>
    <message>
        <source>Scroll to the newest message (Ctrl+End)</source>
        <translation>Desplazarse al mensaje más reciente (Ctrl+Fin)</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>Las dos contraseñas no coinciden. Escribe la nueva contraseña dos veces.</translation>
    </message>
    <message>
        <source>Create an account on this server with the name above.</source>
        <translation>Crear una cuenta en este servidor con el nombre de arriba.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in, or create an account.</source>
        <translation>Este servidor usa cuentas. Inicia sesión o crea una cuenta.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in with the password you were given.</source>
        <translation>Este servidor usa cuentas. Inicia sesión con la contraseña que te dieron.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repite la contraseña</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Creando la cuenta…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>I have an account</source>
        <translation>Ya tengo una cuenta</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>Crear una cuenta…</translation>
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
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Detalles del servidor…</translation>
    </message>
    <message>
        <source>&amp;Host a server…</source>
        <translation>&amp;Alojar un servidor…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting…</source>
        <translation>&amp;Dejar de alojar…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Des&amp;conectar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>Sa&amp;la</translation>
    </message>
    <message>
        <source>&amp;Join or create room…</source>
        <translation>&amp;Unirse a una sala o crearla…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Explorar salas…</translation>
    </message>
    <message>
        <source>&amp;Quick switcher… (Ctrl+K)</source>
        <translation>Cambio &amp;rápido… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Mark as read (Esc)</source>
        <translation>&amp;Marcar como leída (Esc)</translation>
    </message>
    <message>
        <source>&amp;Leave #%1</source>
        <translation>&amp;Salir de #%1</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>&amp;Salir de la sala</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Miembros</translation>
    </message>
    <message>
        <source>&amp;Previous room (Alt+Up)</source>
        <translation>Sala &amp;anterior (Alt+Arriba)</translation>
    </message>
    <message>
        <source>&amp;Next room (Alt+Down)</source>
        <translation>Sala &amp;siguiente (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Next &amp;unread room (Alt+Shift+Down)</source>
        <translation>Siguiente sala sin &amp;leer (Alt+Mayús+Abajo)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when closed</source>
        <translation>Seguir en la &amp;bandeja del sistema al cerrar</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Silenciar notificaciones</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>¿Dejar de alojar?</translation>
    </message>
    <message>
        <source>Nobody else is connected. Rooms and messages are kept for the next time you host.</source>
        <translation>No hay nadie más conectado. Las salas y los mensajes se conservan para la próxima vez que alojes el servidor.</translation>
    </message>
    <message>
        <source>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>Se cerrará la única conexión con este servidor. Las salas y los mensajes se conservan para la próxima vez que alojes el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>
            <numerusform>Se cerrará %n conexión con este servidor. Las salas y los mensajes se conservan para la próxima vez que alojes el servidor.</numerusform>
            <numerusform>Se cerrarán las %n conexiones con este servidor. Las salas y los mensajes se conservan para la próxima vez que alojes el servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>Dejar de alojar</translation>
    </message>
    <message>
        <source>Keep hosting</source>
        <translation>Seguir alojando</translation>
    </message>
    <message>
        <source>Quit Natter?</source>
        <translation>¿Salir de Natter?</translation>
    </message>
    <message>
        <source>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</source>
        <translation>Este equipo aloja «%1». Al salir, el servidor se detiene y se desconecta a todas las personas conectadas a él.</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Detener el servidor y salir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Natter keeps running</source>
        <translation>Natter sigue en marcha</translation>
    </message>
    <message>
        <source>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</source>
        <translation>Natter se queda en la bandeja del sistema para que sigas recibiendo mensajes. Para salir, usa «Salir» en el menú de la bandeja o en el menú Servidor. Puedes cambiarlo en Configuración.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Jump to a room</source>
        <translation>Ir a una sala</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+Arriba / Alt+Abajo</translation>
    </message>
    <message>
        <source>Previous / next room</source>
        <translation>Sala anterior / siguiente</translation>
    </message>
    <message>
        <source>Alt+Shift+Up / Down</source>
        <translation>Alt+Mayús+Arriba / Abajo</translation>
    </message>
    <message>
        <source>Previous / next unread room</source>
        <translation>Sala sin leer anterior / siguiente</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Mark the room read; close a dialog</source>
        <translation>Marcar la sala como leída; cerrar un diálogo</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Mayús+Intro</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Línea nueva</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Re Pág / Av Pág</translation>
    </message>
    <message>
        <source>Scroll the messages</source>
        <translation>Desplazar los mensajes</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+Fin</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Ir al mensaje más reciente</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Mayús+M</translation>
    </message>
    <message>
        <source>Show or hide members</source>
        <translation>Mostrar u ocultar los miembros</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>No se puede abrir este enlace</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar s&amp;esión</translation>
    </message>
    <message>
        <source>&amp;New direct message…</source>
        <translation>&amp;Nuevo mensaje directo…</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>Nuevo &amp;grupo…</translation>
    </message>
    <message>
        <source>&amp;Invite people…</source>
        <translation>&amp;Invitar a personas…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>&amp;Cerrar conversación</translation>
    </message>
    <message>
        <source>&amp;Leave group…</source>
        <translation>&amp;Salir del grupo…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>¿Salir de #%1?</translation>
    </message>
    <message>
        <source>It is invite-only: you can come back only if someone in it invites you again.</source>
        <translation>Es solo por invitación: solo podrás volver si alguien del grupo te invita de nuevo.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Salir del grupo</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Quedarme</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members · %1</source>
        <translation>Miembros · %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>Ocultar miembros</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>%1 (you), online</source>
        <translation>%1 (tú), en línea</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, en línea</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(tú)</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Enviar un mensaje directo</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Quitar del grupo</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Not sent: %1 at %2: %3</source>
        <translation>No enviado: %1 a las %2: %3</translation>
    </message>
    <message>
        <source>Sending: %1 at %2: %3</source>
        <translation>Enviando: %1 a las %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 a las %2: %3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages in %1</source>
        <translation>Mensajes en %1</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Todavía no hay mensajes. ¡Saluda!</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Cargando mensajes anteriores</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Copiar dirección del enlace</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>Este es el comienzo de tu conversación con %1.</translation>
    </message>
    <message>
        <source>This is the beginning of %1.</source>
        <translation>Este es el comienzo de %1.</translation>
    </message>
</context>
<context>
    <name>NatterLink</name>
    <message>
        <source>“%1” is not a valid Natter link. Links look like natter://host:port/room.</source>
        <translation>«%1» no es un enlace de Natter válido. Los enlaces tienen la forma natter://host:puerto/sala.</translation>
    </message>
    <message>
        <source>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>«%1» no es un nombre de sala. Los nombres de sala tienen de 1 a 64 letras, dígitos, «-», «_» o «.».</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nuevo grupo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>e.g. book-club</source>
        <translation>p. ej. club-de-lectura</translation>
    </message>
    <message>
        <source>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Solo las personas que invites pueden ver el grupo, leerlo o unirse. De 1 a 64 letras, dígitos, «-», «_» o «.».</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Crear grupo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>PeoplePickerDialog</name>
    <message>
        <source>Invite to #%1</source>
        <translation>Invitar a #%1</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nuevo mensaje</translation>
    </message>
    <message>
        <source>Who should join?</source>
        <translation>¿Quién debe unirse?</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Escribe un nombre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, en línea</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, desconectado</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>No one by that name is listed. Press Enter to try “%1” anyway.</source>
        <translation>No hay nadie con ese nombre en la lista. Pulsa Intro para probar con «%1» de todos modos.</translation>
    </message>
    <message>
        <source>No one else has an account here yet.</source>
        <translation>Nadie más tiene una cuenta aquí todavía.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invitar</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Abrir conversación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room…</source>
        <translation>Ir a una sala…</translation>
    </message>
    <message>
        <source>Room to open</source>
        <translation>Sala que abrir</translation>
    </message>
    <message>
        <source>Join or create #%1</source>
        <translation>Unirse a #%1 o crearla</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>No room matches.</source>
        <translation>Ninguna sala coincide.</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ para elegir · Intro para abrir · Esc para cerrar</translation>
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
        <translation>%1, conectado</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, sin conexión</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Conectado como %1</translation>
    </message>
    <message>
        <source>Shows the addresses others can use</source>
        <translation>Muestra las direcciones que pueden usar los demás</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Browse the rooms on this server</source>
        <translation>Explorar las salas de este servidor</translation>
    </message>
    <message>
        <source>Join or create a room</source>
        <translation>Unirse a una sala o crearla</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n sin leer</numerusform>
            <numerusform>%1, %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Unsent draft</source>
        <translation>Borrador sin enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) online</source>
        <translation>
            <numerusform>%n miembro en línea</numerusform>
            <numerusform>%n miembros en línea</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms yet. Press + to join or create one.</source>
        <translation>Todavía no hay salas. Pulsa + para unirte a una o crearla.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Marcar como leída</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Salir de la sala</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Join a room, write to someone, or start a group</source>
        <translation>Unirse a una sala, escribir a alguien o crear un grupo</translation>
    </message>
    <message>
        <source>%1 invited you to the group #%2</source>
        <translation>%1 te ha invitado al grupo #%2</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Mensajes directos</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Unirse a una sala o crearla…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>Nuevo mensaje directo…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nuevo grupo…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Invitar a personas…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Cerrar conversación</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Salir del grupo…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Seguir en la bandeja del sistema al cerrar</translation>
    </message>
    <message>
        <source>Natter then stays connected and notifies you of new messages; quit from the tray menu.</source>
        <translation>Natter sigue conectado y te avisa de los mensajes nuevos; para salir, usa el menú de la bandeja.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Natter.</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que al cerrar la ventana se sale de Natter.</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Silenciar notificaciones</translation>
    </message>
    <message>
        <source>Connect to the last server when Natter starts</source>
        <translation>Conectarse al último servidor al iniciar Natter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Start Natter when you log in</source>
        <translation>Iniciar Natter al iniciar sesión</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Iniciar minimizado en la bandeja</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>No se pudo cambiar el inicio al iniciar sesión: %1</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Varias personas están escribiendo…</translation>
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
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::AccountClient</name>
    <message>
        <source>This password is too long: at most %1 bytes.</source>
        <translation>Esta contraseña es demasiado larga: como máximo %1 bytes.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Elige una contraseña de al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede contactar con el servidor: %1</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Nombre o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>El servidor no acepta esta contraseña: %1</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Elige un nombre de 1 a 64 caracteres.</translation>
    </message>
    <message>
        <source>“%1” is already registered on this server. Log in with its password, or choose another name.</source>
        <translation>«%1» ya está registrado en este servidor. Inicia sesión con su contraseña o elige otro nombre.</translation>
    </message>
    <message>
        <source>This server does not let people create accounts themselves. Ask its admin for one.</source>
        <translation>Este servidor no permite crear cuentas por cuenta propia. Pide una a su administrador.</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>Tienes prohibido el acceso a este servidor.</translation>
    </message>
    <message>
        <source>This server does not use accounts: connect with a name instead.</source>
        <translation>Este servidor no usa cuentas: conéctate con un nombre.</translation>
    </message>
    <message>
        <source>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</source>
        <translation>Tu sesión ya no es válida (caducó o el servidor cerró la sesión de todos). Escribe tu contraseña para volver a iniciarla.</translation>
    </message>
    <message>
        <source>The server cannot check or store accounts right now. Try again in a moment.</source>
        <translation>El servidor no puede comprobar ni guardar cuentas ahora mismo. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>El servidor lo rechazó: %1</translation>
    </message>
</context>
<context>
    <name>natter::ChatClient</name>
    <message>
        <source>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</source>
        <translation>«%1» no es una dirección de servidor. Usa host:puerto, por ejemplo chat.example.org:8082.</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Elige un nombre de 1 a 64 caracteres.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>El servidor cerró la conexión: %1</translation>
    </message>
    <message>
        <source>This message is too long: at most %1 bytes.</source>
        <translation>Este mensaje es demasiado largo: %1 bytes como máximo.</translation>
    </message>
    <message>
        <source>You are sending too fast. Wait a moment and try again.</source>
        <translation>Estás enviando demasiado rápido. Espera un momento y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server cannot store messages right now. Try again in a moment.</source>
        <translation>El servidor no puede guardar mensajes en este momento. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The server cannot hold any more rooms.</source>
        <translation>El servidor no admite más salas.</translation>
    </message>
    <message>
        <source>You are in as many rooms as this server allows. Leave one first.</source>
        <translation>Ya estás en tantas salas como permite este servidor. Sal primero de alguna.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>No estás en esta sala.</translation>
    </message>
    <message>
        <source>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Los nombres de sala tienen de 1 a 64 letras, dígitos, «-», «_» o «.».</translation>
    </message>
    <message>
        <source>“%1” is already in use on this server by someone on another computer. Choose another name.</source>
        <translation>«%1» ya lo está usando alguien en otro ordenador en este servidor. Elige otro nombre.</translation>
    </message>
    <message>
        <source>The server did not accept the name “%1”: %2</source>
        <translation>El servidor no aceptó el nombre «%1»: %2</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escribe tu contraseña.</translation>
    </message>
    <message>
        <source>An admin disconnected you from this server.</source>
        <translation>Un administrador te desconectó de este servidor.</translation>
    </message>
    <message>
        <source>Your login is kept only until Natter quits.</source>
        <translation>Tu sesión solo se conserva hasta que cierres Natter.</translation>
    </message>
    <message>
        <source>No keychain can be used (%1), so your login is kept only until Natter quits.</source>
        <translation>No se puede usar ningún llavero (%1), así que tu sesión solo se conserva hasta que cierres Natter.</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>Sin conexión: no se confió en el certificado del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</source>
        <translation>El certificado del servidor ha cambiado desde que lo aceptaste. Puede que alguien esté interceptando la conexión. Sin conexión.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Not connected.</source>
        <translation>No se pudo verificar el certificado del servidor. Sin conexión.</translation>
    </message>
    <message>
        <source>Direct messages need accounts, and this server has none.</source>
        <translation>Los mensajes directos necesitan cuentas, y este servidor no las tiene.</translation>
    </message>
    <message>
        <source>That is you. Pick someone else.</source>
        <translation>Eres tú. Elige a otra persona.</translation>
    </message>
    <message>
        <source>Not connected. Try again when the connection is back.</source>
        <translation>Sin conexión. Inténtalo de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Groups need accounts, and this server has none.</source>
        <translation>Los grupos necesitan cuentas, y este servidor no las tiene.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Usa de 1 a 64 letras, dígitos, puntos, guiones o guiones bajos.</translation>
    </message>
    <message>
        <source>You are already in a room called “%1”.</source>
        <translation>Ya estás en una sala llamada «%1».</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>Has invitado a %1 a %2.</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>Has quitado a %1 de %2.</translation>
    </message>
    <message>
        <source>You left %1.</source>
        <translation>Has salido de %1.</translation>
    </message>
    <message>
        <source>There is no one called “%1” on this server.</source>
        <translation>No hay nadie llamado «%1» en este servidor.</translation>
    </message>
    <message>
        <source>The invitation to %1 is no longer open.</source>
        <translation>La invitación a %1 ya no está abierta.</translation>
    </message>
    <message>
        <source>You are not a member of %1.</source>
        <translation>No eres miembro de %1.</translation>
    </message>
    <message>
        <source>Only the owner of %1 or a server admin can do that.</source>
        <translation>Solo el propietario de %1 o un administrador del servidor puede hacerlo.</translation>
    </message>
    <message>
        <source>Direct messages and groups need accounts, and this server has none.</source>
        <translation>Los mensajes directos y los grupos necesitan cuentas, y este servidor no las tiene.</translation>
    </message>
    <message>
        <source>A room called “%1” exists already. Choose another name.</source>
        <translation>Ya existe una sala llamada «%1». Elige otro nombre.</translation>
    </message>
</context>
<context>
    <name>natter::ChatServer</name>
    <message>
        <source>another Natter server is using the database %1</source>
        <translation>otro servidor de Natter está usando la base de datos %1</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>no se puede crear el directorio de datos %1</translation>
    </message>
    <message>
        <source>another Natter server is using the data directory %1</source>
        <translation>otro servidor de Natter está usando el directorio de datos %1</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>el puerto %1 ya lo está usando otro programa</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>no se puede escuchar en %1, puerto %2: %3</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>no se puede abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>cannot read the accounts from the database</source>
        <translation>no se pueden leer las cuentas de la base de datos</translation>
    </message>
</context>
<context>
    <name>natter::DesktopIntegration</name>
    <message>
        <source>Show Natter</source>
        <translation>Mostrar Natter</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Silenciar notificaciones</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n mensaje sin leer</numerusform>
            <numerusform>Natter: %n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 te ha invitado a %2</translation>
    </message>
    <message>
        <source>Open Natter to accept or decline.</source>
        <translation>Abre Natter para aceptar o rechazar.</translation>
    </message>
</context>
<context>
    <name>natter::LanguageManager</name>
    <message>
        <source>English</source>
        <comment>The name of the language of this translation, written in that language.</comment>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>natter::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
</context>
<context>
    <name>natter::ServerHost</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>El puerto debe ser un número del 1 al 65535.</translation>
    </message>
    <message>
        <source>Natter server</source>
        <translation>Servidor de Natter</translation>
    </message>
</context>
<context>
    <name>natter::SingleInstance</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>no se puede crear el directorio %1</translation>
    </message>
    <message>
        <source>no permission to create %1</source>
        <translation>sin permiso para crear %1</translation>
    </message>
    <message>
        <source>cannot use the lock file %1</source>
        <translation>no se puede usar el archivo de bloqueo %1</translation>
    </message>
    <message>
        <source>Natter is already running (process %1) but does not answer</source>
        <translation>Natter ya se está ejecutando (proceso %1) pero no responde</translation>
    </message>
</context>
</TS>
