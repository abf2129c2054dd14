import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from 'ws';
import { computeProof, proofsEqual, randomNonce } from '../../../shared/protocol/access';
import { CLOSE, SYNC_PATH, WIRE_VERSION, type ServerText } from '../../../shared/protocol/room-wire';
import {
  deriveChannelKeys,
  FRAME_BINARY,
  FRAME_TEXT,
  frameText,
  handshakeTranscript,
  newEphemeralKeyPair,
  openClaim,
  sharedSecret,
  WireChannel,
  WireCryptoError,
  type ClaimKeys,
  type FrameKind,
  type OpenedFrame,
} from '../../../shared/protocol/wire-crypto';
import { HandshakeSlots, type ConnectionCounter, type FailureWindow } from '../address-limits';
import { Heartbeat } from '../heartbeat';
import { RateLimitedLog } from '../rate-limited-log';
import type { HostLimits } from '../host-limits';
import type { TicketStore } from '../tickets';
import type { UpgradeRoute } from '../upgrade-registry';
import { rejectUpgrade } from '../upgrade-registry';
import { closeAllGoingAway, closeWith } from '../ws-close';
import { guardAccept, guardMessages } from '../ws-guard';
import { watchBytes } from './byte-budget';
import { parseClientText, type ParsedClientText } from './client-messages';
import { nodeAead } from './node-aead';
import { RoomReadError } from './read-retry';
import { roomCreators, type Claimant, type MayCreateRooms } from './room-creators';
import { isRoomId } from './room-id';
import { ProtocolError, type Room, type RoomConnection } from './room';
import { RoomRegistry } from './room-registry';
import { raiseMaxPayload } from './ws-payload-limit';

export interface SyncServiceOptions {
  dataDir: string;
  limits: HostLimits;
  tickets: TicketStore;
  /** Shared with /signal: one laptop may not hold more than connectionsPerAddress sockets. */
  connections: ConnectionCounter;
  failedProofs: FailureWindow;
  log: (line: string) => void;
  /** Who may create rooms; default: the facilitator's own computer only (loopback). Tests inject it. */
  mayCreateRooms?: MayCreateRooms;
}

const textEncoder = new TextEncoder();
/** How long a socket we closed may take to answer the close frame before it is cut (ws default: 30 s). */
const CLOSE_TIMEOUT_MS = 3_000;

/** What a SyncSocket needs from its service while in the handshake. */
interface HandshakeContext {
  /** Called once at `welcome`: frees the handshake slot, ends the byte budget, raises maxPayload. */
  admitted(): void;
  /** For errors a peer can trigger, and for wrong proofs: both rate-limited. */
  errorLog: RateLimitedLog;
  guessLog: RateLimitedLog;
}

/**
 * `/sync/<roomId>`: the Yjs relay. Each socket goes challenge → hello/claim → welcome (or a
 * close code), and only then exchanges encrypted frames (y-websocket messages and the few JSON
 * messages of room-wire.ts) with its room.
 */
export class SyncService implements UpgradeRoute {
  readonly rooms: RoomRegistry;
  private readonly wss: WebSocketServer;
  private readonly heartbeat: Heartbeat;
  private readonly sockets = new Set<WebSocket>();
  private readonly handshakes: HandshakeSlots;
  private readonly errorLog: RateLimitedLog;
  private readonly guessLog: RateLimitedLog;

  constructor(private readonly options: SyncServiceOptions) {
    this.rooms = new RoomRegistry(options.dataDir, options.limits, options.log);
    this.handshakes = new HandshakeSlots(options.limits.handshakesPerAddress, options.limits.handshakesTotal);
    this.errorLog = new RateLimitedLog(options.log);
    this.guessLog = new RateLimitedLog(options.log);
    // perMessageDeflate off: Yjs updates are small and already dense; deflate costs CPU and memory.
    // maxPayload is the pre-handshake limit; raiseMaxPayload lifts it per socket after welcome.
    // closeTimeout exists in ws 8.23 but not yet in @types/ws.
    const serverOptions: ServerOptions & { closeTimeout: number } = {
      noServer: true,
      maxPayload: options.limits.handshakeFrameBytes,
      perMessageDeflate: false,
      closeTimeout: CLOSE_TIMEOUT_MS,
    };
    this.wss = new WebSocketServer(serverOptions);
    this.heartbeat = new Heartbeat(options.limits.heartbeatMs);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    const roomId = pathname.slice(SYNC_PATH.length);
    // No valid client builds another path; refusing before the upgrade costs nothing.
    if (!pathname.startsWith(SYNC_PATH) || !isRoomId(roomId)) return rejectUpgrade(socket, 400, 'Bad Request');
    const address = req.socket.remoteAddress ?? 'unknown';
    // Counted before the upgrade: a flood of unproven sockets is refused while it costs nothing.
    const slot = this.handshakes.acquire(address, () => {
      this.errorLog.write('Sync: all handshake slots taken; dropped the oldest unproven connection of the address holding the most.');
      socket.destroy();
    });
    if (slot === 'address') return rejectUpgrade(socket, 429, 'Too Many Requests');
    if (slot === 'total') return rejectUpgrade(socket, 503, 'Service Unavailable');
    // Whatever happens next (ws refuses the upgrade, the peer vanishes), the slot comes back.
    socket.once('close', slot);
    // Kept for a claim: whether it may create a room also depends on which page asks (room-creators.ts).
    const claimant: Claimant = { address, origin: req.headers.origin, host: req.headers.host };
    this.wss.handleUpgrade(req, socket, head, guardAccept('Sync', this.errorLog, (ws) => this.accept(ws, roomId, claimant, socket, slot)));
  }

  /** Sockets upgraded but not yet welcomed (for tests and diagnostics). */
  get handshakesInProgress(): number {
    return this.handshakes.inUse;
  }

  async close(): Promise<void> {
    this.heartbeat.stop();
    await closeAllGoingAway(this.sockets);
    await this.rooms.closeAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, roomId: string, claimant: Claimant, raw: Duplex, releaseSlot: () => void): void {
    const { address } = claimant;
    const { limits } = this.options;
    // Cut at once, not closed politely: a peer still streaming would keep the host reading (and
    // discarding) for the whole close timeout. No honest client sends this much before welcome.
    const stopBudget = watchBytes(raw, limits.handshakeBytesPerSocket, () => {
      this.errorLog.write(`Sync: cut a connection from ${address} that sent more than ${limits.handshakeBytesPerSocket} bytes before its proof.`);
      ws.terminate();
    });
    const context: HandshakeContext = {
      admitted: () => {
        releaseSlot();
        stopBudget();
        raiseMaxPayload(ws, limits.syncMessageBytes);
      },
      errorLog: this.errorLog,
      guessLog: this.guessLog,
    };
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
    new SyncSocket(ws, roomId, claimant, this.options, this.rooms, context).start();
  }
}

type Phase = 'challenge' | 'verifying' | 'joined' | 'closed';

/** One /sync socket through its life: handshake, then an encrypted relay channel. */
class SyncSocket implements RoomConnection {
  private phase: Phase = 'challenge';
  private readonly nonce = randomNonce();
  private readonly ephemeral = newEphemeralKeyPair();
  private channel: WireChannel | undefined;
  private room: Room | undefined;
  ticket = '';
  admin = false;
  private handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The guessing-limit slot of this socket's proof, taken before the first await (see FailureWindow.begin). */
  private attempt: ((failed: boolean) => void) | undefined;
  /** Marks this socket's ticket unused when it closes (a ticket in use is never evicted). */
  private releaseTicket: (() => void) | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly roomId: string,
    private readonly claimant: Claimant,
    private readonly options: SyncServiceOptions,
    private readonly rooms: RoomRegistry,
    private readonly context: HandshakeContext,
  ) {}

  private get address(): string {
    return this.claimant.address;
  }

  start(): void {
    guardMessages(this.ws, 'Sync', this.context.errorLog, (data, isBinary) => this.onMessage(data, isBinary));
    this.ws.once('close', () => this.onClose());
    this.handshakeTimer = setTimeout(() => this.close(CLOSE.PROTOCOL), this.options.limits.handshakeTimeoutMs);
    const challenge: ServerText = { t: 'challenge', v: WIRE_VERSION, nonce: this.nonce, key: this.ephemeral.publicKey };
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(challenge));
  }

  sendBinary(data: Uint8Array): void {
    this.sendSealed(FRAME_BINARY, data);
  }

  sendText(message: ServerText): void {
    this.sendSealed(FRAME_TEXT, textEncoder.encode(JSON.stringify(message)));
  }

  /** Without a channel nothing goes out: after the challenge the host never sends plaintext. */
  private sendSealed(kind: FrameKind, payload: Uint8Array): void {
    if (!this.channel || this.ws.readyState !== this.ws.OPEN) return;
    // Sealed at send time, in send order: the receiver's frame counter depends on it.
    this.ws.send(this.channel.seal(kind, payload), { binary: true });
  }

  close(code: number): void {
    if (this.phase !== 'closed') closeWith(this.ws, code);
  }

  private onClose(): void {
    clearTimeout(this.handshakeTimer);
    const wasJoined = this.phase === 'joined';
    this.phase = 'closed';
    this.attempt?.(false);
    this.releaseTicket?.();
    this.forgetSecret();
    if (wasJoined) this.room?.leave(this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    // Once we decided to close, frames still in flight (say, the genuine one after a forged one) are not read.
    if (this.isClosed() || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = toBytes(data);
    if (this.phase === 'joined') return this.onChannelFrame(bytes, isBinary);
    // Before welcome only the hello/claim text frame is allowed, and only once.
    if (isBinary || this.phase !== 'challenge') return this.close(CLOSE.PROTOCOL);
    if (bytes.length > this.options.limits.controlMessageBytes) return this.close(CLOSE.PROTOCOL);
    const message = parseClientText(Buffer.from(bytes).toString('utf8'));
    if (message === null || (message.t !== 'hello' && message.t !== 'claim')) return this.close(CLOSE.PROTOCOL);
    // Counted here, synchronously: proofs still being checked count against the limit too.
    const attempt = this.options.failedProofs.begin(this.address);
    if (!attempt) {
      this.context.guessLog.write(`Sync: refused a proof from ${this.address}: too many wrong join codes in the last minute.`);
      return this.close(CLOSE.RATE_LIMITED);
    }
    this.attempt = attempt;
    this.phase = 'verifying';
    this.verify(message).catch((error: unknown) => {
      this.context.errorLog.write(`Sync: handshake failed: ${(error as Error).message}`);
      this.close(CLOSE.PROTOCOL);
    });
  }

  private onChannelFrame(bytes: Uint8Array, isBinary: boolean): void {
    const room = this.room;
    if (!isBinary || !this.channel || !room) return this.close(CLOSE.PROTOCOL);
    let frame: OpenedFrame;
    try {
      frame = this.channel.open(bytes);
    } catch (error) {
      if (!(error instanceof WireCryptoError)) throw error;
      this.options.log(`Sync: closed a socket after a frame that did not decrypt (${error.message}).`);
      return this.close(CLOSE.PROTOCOL);
    }
    if (frame.kind === FRAME_BINARY) {
      try {
        room.handleBinary(this, frame.payload);
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
        if (error.closeCode === CLOSE.PROTOCOL) this.options.log(`Sync: closed a socket after a malformed frame (${error.message}).`);
        this.close(error.closeCode);
      }
      return;
    }
    if (frame.payload.length > this.options.limits.controlMessageBytes) return this.close(CLOSE.PROTOCOL);
    let message: ParsedClientText | null;
    try {
      message = parseClientText(frameText(frame.payload));
    } catch {
      message = null;
    }
    if (message === null || !this.admin || (message.t !== 'rotate' && message.t !== 'remove')) return this.close(CLOSE.PROTOCOL);
    if (message.t === 'rotate') {
      this.rotate(message.authKey).catch((error: unknown) => {
        this.options.log(`Sync: could not store the new join code: ${(error as Error).message}`);
      });
    } else {
      this.remove(message.clientIds);
    }
  }

  private async verify(message: Extract<ParsedClientText, { t: 'hello' | 'claim' }>): Promise<void> {
    const { limits, tickets } = this.options;

    let shared: Uint8Array;
    try {
      shared = sharedSecret(this.ephemeral.secretKey, message.key);
    } catch (error) {
      if (!(error instanceof WireCryptoError)) throw error;
      return this.close(CLOSE.PROTOCOL);
    }
    this.forgetSecret();
    const transcript = handshakeTranscript(this.nonce, this.ephemeral.publicKey, message.key);

    let claimKeys: ClaimKeys | undefined;
    if (message.t === 'claim') {
      const sealed = openClaim(shared, message.sealed);
      if (!sealed) return this.close(CLOSE.PROTOCOL);
      // A claim must be self-consistent before it may create anything on disk.
      const ok =
        (await this.proofMatches(sealed.authKey, transcript, message.proof)) &&
        (await this.proofMatches(sealed.adminKey, transcript, message.adminProof));
      if (!ok) return this.refuse();
      claimKeys = sealed;
    }
    let room: Room | number;
    try {
      const mayCreate = (this.options.mayCreateRooms ?? defaultRoomCreators)(this.claimant);
      room = await this.rooms.open(this.roomId, claimKeys && { keys: claimKeys, mayCreate, from: this.address });
    } catch (error) {
      // Logged with the reason by the reader; the client retries with backoff.
      if (error instanceof RoomReadError) return this.close(CLOSE.TRY_LATER);
      throw error;
    }
    if (this.isClosed()) return;
    if (typeof room === 'number') return this.close(room);
    // For an existing room a claim is a hello: its keys are ignored, the stored ones decide.
    const { authKey, adminKey } = room.access;
    if (!(await this.proofMatches(authKey, transcript, message.proof))) return this.refuse();
    const admin = message.adminProof !== undefined && (await this.proofMatches(adminKey, transcript, message.adminProof));
    if (this.isClosed()) return;
    // The code was rotated while we were checking: this proof was for the old one.
    if (room.access.authKey !== authKey) return this.close(CLOSE.CODE_CHANGED);
    if (room.size >= limits.connectionsPerRoom) return this.close(CLOSE.RATE_LIMITED);

    clearTimeout(this.handshakeTimer);
    this.channel = WireChannel.forServer(deriveChannelKeys(shared, authKey, this.nonce), nodeAead);
    shared.fill(0);
    this.room = room;
    this.admin = admin;
    const issued = tickets.issue(this.roomId);
    this.ticket = issued.ticket;
    this.releaseTicket = issued.release;
    this.attempt?.(false);
    this.context.admitted();
    this.phase = 'joined';
    this.sendText({ t: 'welcome', ticket: this.ticket, admin, connections: room.size + 1 });
    room.join(this);
  }

  /** A method, not an inline check: the socket can close during any await above. */
  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  /** The ephemeral secret is needed once; not keeping it limits what a memory dump could reveal. */
  private forgetSecret(): void {
    this.ephemeral.secretKey.fill(0);
  }

  private async proofMatches(key: Uint8Array, transcript: string, proof: string): Promise<boolean> {
    return proofsEqual(await computeProof(key, this.roomId, 'sync', transcript), proof);
  }

  private refuse(): void {
    this.attempt?.(true);
    const recent = this.options.failedProofs.count(this.address);
    this.context.guessLog.write(`Sync: wrong join code from ${this.address} for room ${this.roomId.slice(0, 6)}… (${recent} in the last minute).`);
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

const defaultRoomCreators = roomCreators();

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
