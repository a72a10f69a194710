'use strict';
// Reference chat server for bench/run.sh: Natter's simple (seed) dialect on Node.js and the ws package.
//
//   node server.js [--port N] [--host ADDRESS]
//
// One port for HTTP and WebSocket. GET /ws?room=R&user=U upgrades and joins room R; every text frame is a
// message to the room, broadcast to each member (the sender included) as Natter's "message" frame.
// GET /api/rooms, GET /api/rooms/{room}/messages and GET /health answer like Natter's. Rooms and the
// newest HISTORY messages of each live in memory only. See README.md beside this file.

const crypto = require('node:crypto');
const http = require('node:http');
const { WebSocketServer } = require('ws');

const HISTORY = 100; // messages kept per room (Natter's --history)
const MAX_CONTENT_BYTES = 4096; // Natter's --max-content-bytes
const MAX_FRAME_BYTES = 64 * 1024; // Natter's --max-frame-bytes
const MAX_SEND_QUEUE_BYTES = 1024 * 1024; // Natter's --max-send-queue-bytes: slower readers are dropped
const MAX_NAME_LENGTH = 64;
const LISTEN_BACKLOG = 4096; // Natter's --listen-backlog

function parseArguments(argv) {
  const options = { port: 8082, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--port' && /^\d+$/.test(value ?? '')) options.port = Number(value);
    else if (flag === '--host' && value) options.host = value;
    else {
      console.error(`usage: node server.js [--port N] [--host ADDRESS] (bad argument: ${flag})`);
      process.exit(2);
    }
  }
  return options;
}

class Room {
  constructor(name) {
    this.name = name;
    this.members = new Set(); // open WebSockets
    this.history = []; // newest HISTORY messages, oldest first
    this.lastSeq = 0;
    this.lastActivity = Date.now();
  }

  post(user, content) {
    const timestamp = Date.now();
    // Same fields, in the same (sorted) order, as Natter's message object.
    const message = {
      content,
      id: crypto.randomUUID(),
      room: this.name,
      seq: ++this.lastSeq,
      timestamp,
      user,
    };
    this.history.push(message);
    if (this.history.length > HISTORY) this.history.shift();
    this.lastActivity = timestamp;

    // Encode once; every member gets the same bytes.
    const { id, seq } = message;
    const frame = Buffer.from(
      JSON.stringify({ content, id, room: this.name, seq, timestamp, type: 'message', user }),
    );
    for (const member of this.members) {
      if (member.bufferedAmount > MAX_SEND_QUEUE_BYTES) {
        member.close(1008, 'send queue full: not reading fast enough');
        continue;
      }
      member.send(frame, { binary: false });
    }
  }

  summary() {
    const users = new Set();
    for (const member of this.members) users.add(member.user);
    return {
      last_activity: this.lastActivity,
      last_seq: this.lastSeq,
      members: users.size,
      messages: this.history.length,
      name: this.name,
    };
  }
}

const rooms = new Map([['general', new Room('general')]]);

function roomNamed(name) {
  let room = rooms.get(name);
  if (!room) {
    room = new Room(name);
    rooms.set(name, room);
  }
  return room;
}

const ROOM_NAME = /^[\p{L}\p{Nd}._-]{1,64}$/u;

function validUser(user) {
  return user.length > 0 && user.length <= MAX_NAME_LENGTH && user === user.trim() && !/\p{C}/u.test(user);
}

function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

// Answers a WebSocket frame with Natter's error frame; the connection stays open.
function sendError(socket, code, message) {
  socket.send(JSON.stringify({ code, message, type: 'error' }));
}

// The simple dialect's reading of a text frame: a JSON object's string "content", or else the text itself.
function contentOf(text) {
  if (text.trim().startsWith('{')) {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      return { content: text };
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof value.content !== 'string') return { error: 'the message needs a string "content"' };
      return { content: value.content };
    }
  }
  return { content: text };
}

const started = Date.now();

function handleRequest(request, response) {
  const url = new URL(request.url, 'http://localhost');
  const path = url.pathname;
  if (request.method !== 'GET') {
    sendJson(response, 405, { error: 'method not allowed; use GET' }, { Allow: 'GET' });
    return;
  }
  if (path === '/health') {
    sendJson(response, 200, {
      status: 'ok',
      storage: 'memory',
      uptime_seconds: Math.floor((Date.now() - started) / 1000),
    });
    return;
  }
  if (path === '/api/rooms') {
    const names = [...rooms.keys()].sort();
    sendJson(
      response,
      200,
      names.map((name) => rooms.get(name).summary()),
    );
    return;
  }
  const messages = /^\/api\/rooms\/([^/]+)\/messages$/.exec(path);
  if (messages) {
    let name;
    try {
      name = decodeURIComponent(messages[1]);
    } catch {
      sendJson(response, 400, { error: 'malformed percent-encoding in the path' });
      return;
    }
    const room = rooms.get(name);
    if (!room) {
      sendJson(response, 404, { error: `room '${name}' does not exist` });
      return;
    }
    const limit = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : 100;
    const before = url.searchParams.has('before') ? Number(url.searchParams.get('before')) : Infinity;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      sendJson(response, 400, { error: "'limit' must be a whole number from 1 to 1000" });
      return;
    }
    if (before !== Infinity && (!Number.isSafeInteger(before) || before < 1)) {
      sendJson(response, 400, { error: "'before' must be a whole number from 1" });
      return;
    }
    const older = room.history.filter((message) => message.seq < before);
    sendJson(response, 200, older.slice(Math.max(0, older.length - limit)));
    return;
  }
  if (path === '/ws') {
    sendJson(
      response,
      426,
      { error: 'this path takes a WebSocket upgrade' },
      { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', Connection: 'close' },
    );
    return;
  }
  sendJson(response, 404, { error: `no such endpoint: ${path}` });
}

// Refuses an upgrade with an HTTP answer, as Natter does before the 101.
function refuseUpgrade(socket, status, reason, error) {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const server = http.createServer(handleRequest);
// noServer: the upgrade handler below checks the query before ws answers the handshake.
// perMessageDeflate is off (ws' default for servers, stated here): Natter negotiates no compression.
const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });

server.on('upgrade', (request, socket, head) => {
  socket.on('error', () => socket.destroy());
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname !== '/ws') {
    refuseUpgrade(socket, 404, 'Not Found', `no such endpoint: ${url.pathname}`);
    return;
  }
  const room = url.searchParams.get('room');
  const user = url.searchParams.get('user');
  if (!room || !ROOM_NAME.test(room) || room !== room.normalize('NFC')) {
    refuseUpgrade(socket, 400, 'Bad Request', 'missing or invalid room: connect to /ws?room=ROOM&user=NAME');
    return;
  }
  if (!user || !validUser(user)) {
    refuseUpgrade(socket, 400, 'Bad Request', 'missing or invalid user: connect to /ws?room=ROOM&user=NAME');
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => join(ws, roomNamed(room), user));
});

function join(ws, room, user) {
  ws.user = user;
  room.members.add(ws);
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      sendError(ws, 'INVALID_FORMAT', 'binary frames are not accepted; send text');
      return;
    }
    const text = data.toString();
    const { content, error } = contentOf(text);
    if (error !== undefined) sendError(ws, 'INVALID_PAYLOAD', error);
    else if (content.length === 0) sendError(ws, 'INVALID_PAYLOAD', 'empty message');
    else if (Buffer.byteLength(content) > MAX_CONTENT_BYTES)
      sendError(ws, 'MESSAGE_TOO_LARGE', `content is over ${MAX_CONTENT_BYTES} bytes`);
    else room.post(user, content);
  });
  ws.on('close', () => room.members.delete(ws));
  // Resets and broken pipes from clients that went away; the 'close' event follows.
  ws.on('error', () => {});
}

const options = parseArguments(process.argv.slice(2));
server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => {
  const { address, port } = server.address();
  console.log(`listening on ${address}:${port}`);
});

function shutDown() {
  for (const client of wss.clients) client.close(1001, 'server shutting down');
  server.close(() => process.exit(0));
  // Clients that do not answer the close handshake are not waited for.
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
