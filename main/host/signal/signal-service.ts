import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { PerSecondLimiter, type ConnectionCounter } from '../address-limits';
import { Heartbeat } from '../heartbeat';
import type { HostLimits } from '../host-limits';
import type { TicketStore } from '../tickets';
import { rejectUpgrade, type UpgradeRoute } from '../upgrade-registry';
import { closeAllGoingAway, closeWith } from '../ws-close';
import { RateLimitedLog } from '../rate-limited-log';
import { guardAccept, guardMessages } from '../ws-guard';
import { publishTextWithClients } from './publish-text';
import { parseSignalMessage } from './signal-messages';

/**
 * A subscriber that stops reading (lid closed, or an attacker that never reads) gets no more
 * messages once this much is queued for it: one ticket holder publishing at the rate limit must
 * not grow the host's memory by the size of every slow subscriber's backlog. y-webrtc resends
 * its offers, so a skipped message costs a delay, not a connection.
 */
const MAX_QUEUED_BYTES_PER_SUBSCRIBER = 1024 * 1024;

export interface SignalServiceOptions {
  limits: HostLimits;
  tickets: TicketStore;
  connections: ConnectionCounter;
  log: (line: string) => void;
}

/**
 * `/signal?ticket=…`: y-webrtc-compatible signaling, admitted only with a ticket from /sync's
 * welcome, and only for that ticket's room. Offers, answers and ICE candidates pass through
 * (encrypted by y-webrtc with the join code); the host never reads them.
 */
export class SignalService implements UpgradeRoute {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: Heartbeat;
  private readonly sockets = new Set<WebSocket>();
  /** topic → subscribed sockets. */
  private readonly topics = new Map<string, Set<WebSocket>>();
  private readonly errorLog: RateLimitedLog;

  constructor(private readonly options: SignalServiceOptions) {
    this.errorLog = new RateLimitedLog(options.log);
    // Oversized frames are refused by ws itself with 1009 (Message Too Big) before we buffer them.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.limits.signalMessageBytes, perMessageDeflate: false });
    this.heartbeat = new Heartbeat(options.limits.heartbeatMs);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ticket = ticketOf(req.url);
    const roomId = this.options.tickets.roomOf(ticket);
    // HTTP status, not a close code: whoever lacks a ticket never had a proof, so gets nothing.
    if (ticket === null || roomId === null) return rejectUpgrade(socket, 401, 'Unauthorized');
    const release = this.options.connections.acquire(req.socket.remoteAddress ?? 'unknown');
    if (!release) return rejectUpgrade(socket, 429, 'Too Many Requests');
    this.wss.handleUpgrade(req, socket, head, guardAccept('Signal', this.errorLog, (ws) => this.accept(ws, ticket, roomId, release)));
  }

  /** Bytes queued for all signaling sockets (diagnostics, tests). */
  get queuedBytes(): number {
    let total = 0;
    for (const ws of this.sockets) total += ws.bufferedAmount;
    return total;
  }

  async close(): Promise<void> {
    this.heartbeat.stop();
    await closeAllGoingAway(this.sockets);
    this.topics.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, ticket: string, roomId: string, release: () => void): void {
    const subscribed = new Set<string>();
    const limiter = new PerSecondLimiter(this.options.limits.signalMessagesPerSecond);
    this.sockets.add(ws);
    this.heartbeat.add(ws);
    ws.on('error', () => ws.terminate());
    // The close listener first: whatever happens below, the address's slot is given back.
    let detach = (): void => undefined;
    ws.once('close', () => {
      detach();
      release();
      this.sockets.delete(ws);
      for (const topic of subscribed) this.unsubscribe(ws, topic);
    });
    detach = this.options.tickets.attach(ticket, (code) => closeWith(ws, code));

    guardMessages(ws, 'Signal', this.errorLog, (data: RawData, isBinary: boolean) => {
      if (ws.readyState !== ws.OPEN) return;
      if (!limiter.allow()) return closeWith(ws, CLOSE.RATE_LIMITED);
      const message = isBinary ? null : parseSignalMessage(rawToString(data));
      if (message === null) return closeWith(ws, CLOSE.PROTOCOL);
      switch (message.type) {
        case 'subscribe':
          for (const topic of message.topics) {
            // Other rooms' topics are ignored, not fatal: y-webrtc subscribes every room of its
            // JS realm on each signaling connection, and closing would loop its reconnects.
            if (topic !== roomId || subscribed.has(topic)) continue;
            if (subscribed.size >= this.options.limits.signalTopicsPerConnection) break;
            subscribed.add(topic);
            this.subscribe(ws, topic);
          }
          break;
        case 'unsubscribe':
          for (const topic of message.topics) {
            if (subscribed.delete(topic)) this.unsubscribe(ws, topic);
          }
          break;
        case 'publish':
          // Same reasoning as subscribe: a foreign topic is dropped silently.
          if (message.topic === roomId) this.publish(message.topic, message.raw);
          break;
        case 'ping':
          ws.send(JSON.stringify({ type: 'pong' }));
          break;
      }
    });
  }

  private subscribe(ws: WebSocket, topic: string): void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(ws);
  }

  private unsubscribe(ws: WebSocket, topic: string): void {
    const set = this.topics.get(topic);
    if (!set) return;
    set.delete(ws);
    if (set.size === 0) this.topics.delete(topic);
  }

  /** To every subscriber, the sender included, with `clients` added (y-webrtc relies on both). */
  private publish(topic: string, raw: string): void {
    const receivers = this.topics.get(topic);
    if (!receivers) return;
    const text = publishTextWithClients(raw, receivers.size);
    for (const receiver of receivers) {
      if (receiver.readyState !== receiver.OPEN || receiver.bufferedAmount > MAX_QUEUED_BYTES_PER_SUBSCRIBER) continue;
      receiver.send(text);
    }
  }
}

/** The ticket from `/signal?ticket=…`; the URL is never logged, since the ticket is a credential. */
function ticketOf(url: string | undefined): string | null {
  const query = (url ?? '').split('?')[1];
  if (query === undefined) return null;
  const ticket = new URLSearchParams(query).get('ticket');
  return ticket && /^[A-Za-z0-9_-]{16,128}$/.test(ticket) ? ticket : null;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
