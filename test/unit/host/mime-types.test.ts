import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../main/app-serve';
import { mimeTypeFor } from '../../../main/host/mime-types';
import { startHost, type RunningHost } from '../../../main/host/start-host';
import { createFixture, rawRequest, type Fixture } from './helpers';

/** The same bundle reaches browsers through the LAN host and the desktop window through app://. */
const EXTENSIONS = ['html', 'js', 'mjs', 'css', 'map', 'json', 'svg', 'png', 'jpg', 'webp', 'ico', 'woff', 'woff2', 'ttf', 'webmanifest', 'txt', 'wasm', 'exe'];

let fixture: Fixture;
let host: RunningHost;

beforeAll(async () => {
  fixture = createFixture();
  for (const ext of EXTENSIONS) writeFileSync(path.join(fixture.staticDir, 'assets', `file.${ext}`), 'x');
  host = await startHost({ port: 0, bind: '127.0.0.1', dataDir: fixture.dataDir, staticDir: fixture.staticDir });
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

describe('one MIME table', () => {
  it('labels the bundle’s file types, text with a charset, unknown ones as opaque bytes', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml; charset=utf-8');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/x/a.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/noext')).toBe('application/octet-stream');
  });

  it('the LAN host and the desktop app:// protocol send the same Content-Type for every file', async () => {
    for (const ext of EXTENSIONS) {
      const viaHost = await rawRequest(host.port, `/assets/file.${ext}`);
      const viaApp = await serveAppRequest(fixture.staticDir, `app://app/assets/file.${ext}`);
      expect(viaHost.status, ext).toBe(200);
      expect(viaApp.status, ext).toBe(200);
      expect(viaHost.headers['content-type'], ext).toBe(viaApp.headers.get('content-type'));
      expect(viaHost.headers['content-type'], ext).toBe(mimeTypeFor(`file.${ext}`));
    }
  });
});
