import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHealthResponse } from '../../../shared/protocol/host';
import { startHost, StaticDirError } from '../../../main/host/start-host';
import { createFixture, rawRequest, type Fixture } from './helpers';

let fixture: Fixture;

beforeEach(() => {
  fixture = createFixture();
});

afterEach(() => {
  fixture.remove();
});

function start(port = 0) {
  return startHost({ port, bind: '127.0.0.1', dataDir: fixture.dataDir, staticDir: fixture.staticDir });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)));
  });
}

describe('startHost', () => {
  it('answers /healthz with ok and the app version, for GET and HEAD', async () => {
    const host = await start();
    try {
      const res = await rawRequest(host.port, '/healthz');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body: unknown = JSON.parse(res.body);
      expect(isHealthResponse(body)).toBe(true);
      // It also says its time, which devices correct their clocks by (the shared timer).
      expect(body).toEqual({ ok: true, version: __APP_VERSION__, now: expect.any(Number) });
      expect(Math.abs((body as { now: number }).now - Date.now())).toBeLessThan(5_000);

      const head = await rawRequest(host.port, '/healthz', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect((await rawRequest(host.port, '/healthz', { method: 'POST' })).status).toBe(405);
    } finally {
      await host.close();
    }
  });

  it('reports the bound URL and creates the data folder', async () => {
    const host = await start();
    try {
      expect(host.port).toBeGreaterThan(0);
      expect(host.urls).toEqual([`http://127.0.0.1:${host.port}/`]);
      expect(existsSync(fixture.dataDir)).toBe(true);
      expect(host.dataDir).toBe(path.resolve(fixture.dataDir));
    } finally {
      await host.close();
    }
  });

  it('close() resolves, frees the port and drops keep-alive connections', async () => {
    const host = await start();
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
    await host.close();
    await host.close(); // idempotent
    expect(await canListen(host.port)).toBe(true);
    agent.destroy();
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const first = await start();
    try {
      await expect(start(first.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('refuses a missing static folder with a clear error', async () => {
    await expect(
      startHost({ port: 0, bind: '127.0.0.1', dataDir: fixture.dataDir, staticDir: path.join(fixture.base, 'nope') }),
    ).rejects.toBeInstanceOf(StaticDirError);
  });

  it('answers WebSocket upgrades on unknown paths with 404 and closes the socket', async () => {
    const host = await start();
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port: host.port,
          path: '/nope',
          agent: false,
          headers: { Connection: 'Upgrade', Upgrade: 'websocket' },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('upgrade', () => reject(new Error('upgraded')));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(404);
    } finally {
      await host.close();
    }
  });

  it('routes upgrades to a registered path', async () => {
    const host = await start();
    try {
      host.upgrades.register('/echo', {
        handleUpgrade(_req, socket) {
          socket.end('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\n');
        },
      });
      const upgraded = await new Promise<boolean>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port: host.port,
          path: '/echo?room=1',
          agent: false,
          headers: { Connection: 'Upgrade', Upgrade: 'test' },
        });
        req.on('upgrade', (_res, socket) => {
          socket.destroy();
          resolve(true);
        });
        req.on('response', () => resolve(false));
        req.on('error', reject);
        req.end();
      });
      expect(upgraded).toBe(true);
    } finally {
      await host.close();
    }
  });
});
