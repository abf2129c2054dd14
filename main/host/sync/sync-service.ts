import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { computeProof, proofsEqual, randomNonce } from '../../../shared/protocol/access';
import { CLOSE, SYNC_PATH, WIRE_VERSION, type ServerText } from '../../../shared/protocol/room-wire';
import type { ConnectionCounter, FailureWindow } from '../address-limits';
import { Heartbeat } from '../heartbeat';
import type { HostLimits } from '../host-limits';
import type { TicketStore } from '../tickets';
import type { UpgradeRoute } from '../upgrade-registry';
import { rejectUpgrade } from '../upgrade-registry';
import { closeAllGoingAway, closeWith } from '../ws-close';
import { parseClientText, type ParsedClientText } from './client-messages';
import { isRoomId } from './room-id';
import { ProtocolError, type Room, type RoomConnection } from './room';
import { RoomRegistry } from './room-registry';

export interface SyncServiceOptions {
  dataDir: string;
  limits: HostLimits;
  tickets: TicketStore;
  /** Shared with /signal: one laptop may not hold more than connectionsPerAddress sockets. */
  connections: ConnectionCounter;
  failedProofs: FailureWindow;
  log: (line: string) => void;
}

/**
 * `/sync/<roomId>`: the Yjs relay. Each socket goes challenge → hello/claim → welcome (or a
 * close code), and only then exchanges binary y-websocket frames with its room.
 */
export class SyncService implements UpgradeRoute {
  readonly rooms: RoomRegistry;
  private readonly wss: WebSocketServer;
  private readonly heartbeat: Heartbeat;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: SyncServiceOptions) {
    this.rooms = new RoomRegistry(options.dataDir, options.limits, options.log);
    // perMessageDeflate off: Yjs updates are small and already dense; deflate costs CPU and memory.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.limits.syncMessageBytes, perMessageDeflate: false });
    this.heartbeat = new Heartbeat(options.limits.heartbeatMs);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const roomId = pathname.slice(SYNC_PATH.length);
    // No valid client builds another path; refusing before the upgrade costs nothing.
    if (!pathname.startsWith(SYNC_PATH) || !isRoomId(roomId)) return rejectUpgrade(socket, 400, 'Bad Request');
    const address = req.socket.remoteAddress ?? 'unknown';
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, roomId, address));
  }

  async close(): Promise<void> {
    this.heartbeat.stop();
    await closeAllGoingAway(this.sockets);
    await this.rooms.closeAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, roomId: string, address: string): void {
    this.sockets.add(ws);
    this.heartbeat.add(ws);
    ws.on('error', () => ws.terminate());
    // Closed with a code after the upgrade (not an HTTP 429) so a browser can tell the user why.
    const release = this.options.connections.acquire(address);
    ws.once('close', () => {
      this.sockets.delete(ws);
      release?.();
    });
    if (!release) return closeWith(ws, CLOSE.RATE_LIMITED);
    new SyncSocket(ws, roomId, address, this.options, this.rooms).start();
  }
}

type Phase = 'challenge' | 'verifying' | 'joined' | 'closed';

/** One /sync socket through its life: handshake, then relay. */
class SyncSocket implements RoomConnection {
  private phase: Phase = 'challenge';
  private readonly nonce = randomNonce();
  private room: Room | undefined;
  ticket = '';
  admin = false;
  private handshakeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly roomId: string,
    private readonly address: string,
    private readonly options: SyncServiceOptions,
    private readonly rooms: RoomRegistry,
  ) {}

  start(): void {
    this.ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.ws.once('close', () => this.onClose());
    this.handshakeTimer = setTimeout(() => this.close(CLOSE.PROTOCOL), this.options.limits.handshakeTimeoutMs);
    this.sendText({ t: 'challenge', v: WIRE_VERSION, nonce: this.nonce });
  }

  sendBinary(data: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(data, { binary: true });
  }

  sendText(message: ServerText): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  close(code: number): void {
    if (this.phase !== 'closed') closeWith(this.ws, code);
  }

  private onClose(): void {
    clearTimeout(this.handshakeTimer);
    const wasJoined = this.phase === 'joined';
    this.phase = 'closed';
    if (wasJoined) this.room?.leave(this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.isClosed()) return;
    const bytes = toBytes(data);
    if (isBinary) {
      // No document content either way before a valid proof.
      if (this.phase !== 'joined' || !this.room) return this.close(CLOSE.PROTOCOL);
      try {
        this.room.handleBinary(this, bytes);
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
        this.options.log(`Sync: closed a socket after a malformed frame (${error.message}).`);
        this.close(CLOSE.PROTOCOL);
      }
      return;
    }
    if (bytes.length > this.options.limits.controlMessageBytes) return this.close(CLOSE.PROTOCOL);
    const message = parseClientText(Buffer.from(bytes).toString('utf8'));
    if (message === null) return this.close(CLOSE.PROTOCOL);
    if (message.t === 'hello' || message.t === 'claim') {
      if (this.phase !== 'challenge') return this.close(CLOSE.PROTOCOL);
      this.phase = 'verifying';
      this.verify(message).catch((error: unknown) => {
        this.options.log(`Sync: handshake failed: ${(error as Error).message}`);
        this.close(CLOSE.PROTOCOL);
      });
      return;
    }
    if (this.phase !== 'joined' || !this.admin) return this.close(CLOSE.PROTOCOL);
    if (message.t === 'rotate') {
      this.rotate(message.authKey).catch((error: unknown) => {
        this.options.log(`Sync: could not store the new join code: ${(error as Error).message}`);
      });
    } else {
      this.remove(message.clientIds);
    }
  }

  private async verify(message: Extract<ParsedClientText, { t: 'hello' | 'claim' }>): Promise<void> {
    const { failedProofs, limits, tickets } = this.options;
    // Checked before the proof, so a blocked address learns nothing from further guesses.
    if (failedProofs.isBlocked(this.address)) return this.close(CLOSE.RATE_LIMITED);

    let claimKeys: { authKey: Uint8Array; adminKey: Uint8Array } | undefined;
    if (message.t === 'claim') {
      // A claim must be self-consistent before it may create anything on disk.
      const ok =
        (await this.proofMatches(message.authKey, message.proof)) &&
        (await this.proofMatches(message.adminKey, message.adminProof));
      if (!ok) return this.refuse();
      claimKeys = { authKey: message.authKey, adminKey: message.adminKey };
    }
    const room = await this.rooms.open(this.roomId, claimKeys);
    if (this.isClosed()) return;
    if (room === null) return this.close(CLOSE.UNKNOWN_ROOM);
    // For an existing room a claim is a hello: its keys are ignored, the stored ones decide.
    if (!(await this.proofMatches(room.access.authKey, message.proof))) return this.refuse();
    const admin = message.adminProof !== undefined && (await this.proofMatches(room.access.adminKey, message.adminProof));
    if (this.isClosed()) return;
    if (room.size >= limits.connectionsPerRoom) return this.close(CLOSE.RATE_LIMITED);

    clearTimeout(this.handshakeTimer);
    this.room = room;
    this.admin = admin;
    this.ticket = tickets.issue(this.roomId);
    this.phase = 'joined';
    this.sendText({ t: 'welcome', ticket: this.ticket, admin, connections: room.size + 1 });
    room.join(this);
  }

  /** A method, not an inline check: the socket can close during any await above. */
  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  private async proofMatches(key: Uint8Array, proof: string): Promise<boolean> {
    return proofsEqual(await computeProof(key, this.roomId, 'sync', this.nonce), proof);
  }

  private refuse(): void {
    this.options.failedProofs.record(this.address);
    this.close(CLOSE.WRONG_CODE);
  }

  private async rotate(authKey: Uint8Array): Promise<void> {
    const room = this.room;
    if (!room) return;
    // Close the others first: from this moment the old code must not let anyone in or stay in.
    for (const conn of [...room.conns.keys()]) if (conn !== this) conn.close(CLOSE.CODE_CHANGED);
    this.options.tickets.revokeRoom(this.roomId, CLOSE.CODE_CHANGED, this.ticket);
    room.access = { ...room.access, authKey };
    this.sendText({ t: 'rotated' });
    await room.setAuthKey(authKey);
    this.options.log(`Room ${this.roomId.slice(0, 6)}…: join code changed by the facilitator.`);
  }

  private remove(clientIds: number[]): void {
    const room = this.room;
    if (!room) return;
    for (const conn of room.connectionsOf(clientIds)) {
      if (conn === this) continue;
      this.options.tickets.revoke(conn.ticket, CLOSE.REMOVED);
      conn.close(CLOSE.REMOVED);
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
