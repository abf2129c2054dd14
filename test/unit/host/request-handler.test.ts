// HTTP handlers are total: a route that throws (before or after its headers) costs that one
// request, never the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../main/host/request-handler';
import { createRouteTable } from '../../../main/host/routes';
import { resolveStaticRoot } from '../../../main/host/static-files';
import { createFixture, rawRequest, type Fixture } from './helpers';

let fixture: Fixture;
let server: http.Server;
let port: number;
const logs: string[] = [];

beforeEach(async () => {
  fixture = createFixture();
  const routes = createRouteTable([
    ['/throws', () => {
      throw new RangeError('Maximum call stack size exceeded');
    }],
    ['/rejects-late', async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
      await Promise.resolve();
      throw new Error('failed mid-answer');
    }],
  ]);
  server = http.createServer(createRequestHandler({ routes, staticRoot: await resolveStaticRoot(fixture.staticDir), log: (l) => logs.push(l) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fixture.remove();
});

describe('createRequestHandler', () => {
  it('answers 500 when a route throws synchronously, logs the path only, and keeps serving', async () => {
    expect((await rawRequest(port, '/throws?ticket=secret')).status).toBe(500);
    expect(logs.at(-1)).toBe('Request GET /throws failed: Maximum call stack size exceeded');
    expect((await rawRequest(port, '/')).status).toBe(200);
  });

  it('drops the connection when a route fails after its headers, and keeps serving', async () => {
    await expect(rawRequest(port, '/rejects-late')).rejects.toThrow();
    expect((await rawRequest(port, '/healthz')).status).toBe(200);
  });
});
