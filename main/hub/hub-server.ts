import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { readSession } from '../../shared/model';
import { HUB_HEALTH_PATH, HUB_SESSIONS_PATH, parseHubDocumentName } from '../../shared/protocol/hub';
import { documentAccess } from './access';
import { openHubStore, type HubStore, type Principal } from './hub-store';
import { redisOptions } from './redis-url';

export interface HubOptions {
  port: number;
  /** Address to listen on; the hub is meant to sit behind a TLS reverse proxy (docs/hub.md). */
  bind: string;
  /** A data folder, a `sqlite:` URL or a `postgres://` URL (hub-store.ts). */
  data: string;
  /** Instances given the same Redis URL share live documents (@hocuspocus/extension-redis). */
  redis?: string | undefined;
  /** Shown in /healthz and used as the Redis identifier; random when not given. */
  name?: string | undefined;
  log?: (line: string) => void;
}

export interface RunningHub {
  port: number;
  name: string;
  server: Server;
  store: HubStore;
  stop(): Promise<void>;
}

/** A Yjs update larger than this is refused (a 300-note session is ~100 KB; a 10,000-note board a few MB). */
export const HUB_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Documents one connection may have waiting for their token check (each queue stays bounded by Hocuspocus). */
export const HUB_MAX_DOCUMENTS_PER_CONNECTION = 2000;

interface HubContext {
  who: Principal;
}

/** Thrown from onRequest to tell Hocuspocus the response was already written (its documented pattern). */
const HANDLED = null;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
}

/**
 * One hub instance: Hocuspocus with the sessions in SQLite (extension-database) and, given a
 * Redis URL, live documents shared with the other instances (extension-redis). Tokens are checked
 * per document on every connection; coordinators' connections are read-only.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => {});
  const name = options.name ?? `hub-${randomBytes(4).toString('hex')}`;
  const store = await openHubStore(options.data);
  /** Merges a session into the store (monotone: a stale copy can never undo a newer one). */
  const persist = async (documentName: string, document: Y.Doc, state: Uint8Array = Y.encodeStateAsUpdate(document)) => {
    const parsed = parseHubDocumentName(documentName);
    if (!parsed || !(await store.lab(parsed.labId))) return;
    const content = readSession(document);
    const notes = content.boards.reduce((n, b) => n + b.notes.filter((x) => !x.private).length, 0);
    await store.storeState({ name: documentName, labId: parsed.labId, sessionId: parsed.sessionId, state, title: content.meta.title, notes });
  };

  const labOfDocument = async (documentName: string) => {
    const parsed = parseHubDocumentName(documentName);
    return parsed ? store.lab(parsed.labId) : null;
  };

  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => store.fetchState(documentName),
      store: async ({ documentName, state, document }) => persist(documentName, document, state),
    }),
  ];
  if (options.redis) {
    extensions.push(
      new Redis({
        ...redisOptions(options.redis),
        identifier: name,
        prefix: 'transition-lab-hub',
        // Not waiting for another instance's copy on load: every instance reads the same store, and
        // the peer's newer state still arrives through Redis a moment later (a CRDT merge). Waiting
        // (1 s by default) is paid per document, one after another on a connection, so a coordinator
        // opening 200 sessions waited minutes (test/bench/hub.bench.ts).
        awaitInitialSyncTimeout: 0,
      }),
    );
  }

  const server = new Server<HubContext>({
    name,
    port: options.port,
    address: options.bind,
    quiet: true,
    stopOnSignals: false,
    // Stores are debounced like Hocuspocus's default, but never later than 10 s after a change.
    debounce: 2000,
    maxDebounce: 10_000,
    websocketOptions: { maxPayload: HUB_MAX_MESSAGE_BYTES },
    // A coordinator reads every session of its scope over one socket; after a reconnect all of
    // them ask again at once. Hocuspocus's default (100) would close that socket over and over.
    maxPendingDocuments: HUB_MAX_DOCUMENTS_PER_CONNECTION,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const who = await store.authenticate(token);
      const access = who ? documentAccess(who, documentName, who.kind === 'coord' ? await labOfDocument(documentName) : null) : null;
      if (!who || !access) {
        log(`refused ${who ? who.kind : 'unknown token'} for ${documentName.slice(0, 140)}`);
        throw new Error('permission-denied');
      }
      connectionConfig.readOnly = access === 'read';
      return { who };
    },
    async onRequest({ request, response }) {
      const url = new URL(request.url ?? '/', 'http://hub.invalid');
      if (request.method === 'OPTIONS') {
        // The coordinator view runs on another origin (the app) and sends its token in a header.
        response.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET',
          'Access-Control-Allow-Headers': 'Authorization',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        throw HANDLED;
      }
      response.setHeader('Access-Control-Allow-Origin', '*');
      if (url.pathname === HUB_HEALTH_PATH && request.method === 'GET') {
        json(response, 200, { ok: true, name, documents: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() });
        throw HANDLED;
      }
      if (url.pathname === HUB_SESSIONS_PATH && request.method === 'GET') {
        const who = await store.authenticate(bearer(request));
        if (!who) {
          json(response, 401, { error: 'unauthorized' });
          throw HANDLED;
        }
        const scope = who.kind === 'lab' ? { labId: who.lab.id } : { country: who.country };
        const labs = who.kind === 'lab' ? [who.lab] : await store.labs(who.country);
        json(response, 200, { labs, sessions: await store.sessions(scope) });
        throw HANDLED;
      }
      json(response, 404, { error: 'not found' });
      throw HANDLED;
    },
  });
  // Upgraded WebSockets outlive httpServer.close(); a stopped instance must drop them so clients
  // notice at once and reconnect (to it when it returns, or through the proxy to another one).
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await server.listen();
  const port = server.address.port;
  log(`hub ${name} listening on ${options.bind}:${port}${options.redis ? ' with Redis' : ''}`);

  let stopping: Promise<void> | null = null;
  return {
    port,
    name,
    server,
    store,
    stop() {
      stopping ??= (async () => {
        // Stored here first, directly: Hocuspocus's own stores on destroy go through the Redis
        // lock, and with Redis unreachable they would never happen.
        for (const [documentName, document] of server.hocuspocus.documents) {
          try {
            await persist(documentName, document);
          } catch (error) {
            log(`could not store ${documentName} on stop: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        await server.destroy();
        for (const socket of sockets) socket.destroy();
        await store.close();
      })();
      return stopping;
    },
  };
}
