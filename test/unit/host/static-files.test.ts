import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../main/host/start-host';
import { createFixture, rawRequest, SECRET, type Fixture } from './helpers';

let fixture: Fixture;
let host: RunningHost;

beforeAll(async () => {
  fixture = createFixture();
  host = await startHost({ port: 0, bind: '127.0.0.1', dataDir: fixture.dataDir, staticDir: fixture.staticDir });
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

describe('static files', () => {
  it('serves index.html at / with the security headers', async () => {
    const res = await rawRequest(host.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>Transition Lab</title>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['etag']).toBeTruthy();
    expect(res.headers['last-modified']).toBeTruthy();
  });

  it('does not block camera or microphone (e2e WebRTC needs them) but blocks geolocation', async () => {
    const policy = (await rawRequest(host.port, '/')).headers['permissions-policy'] ?? '';
    expect(policy).toContain('geolocation=()');
    expect(policy).not.toMatch(/camera|microphone/);
  });

  it('serves /index.html and ignores the query string', async () => {
    expect((await rawRequest(host.port, '/index.html')).status).toBe(200);
    expect((await rawRequest(host.port, '/?lang=pl')).status).toBe(200);
  });

  it('serves hashed assets with a JavaScript/CSS MIME type and a long cache', async () => {
    const js = await rawRequest(host.port, '/assets/app-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.body).toBe('console.log("app");');

    const css = await rawRequest(host.port, '/assets/app-abc123.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const svg = await rawRequest(host.port, '/icon.svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('puts the security headers on errors too', async () => {
    const res = await rawRequest(host.port, '/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-security-policy']).toBeTruthy();
  });

  it('answers 404 for missing files, directories and dotfiles', async () => {
    for (const target of ['/missing.js', '/nope/', '/assets', '/assets/', '/.env', '//etc/passwd']) {
      const res = await rawRequest(host.port, target);
      expect(res.status, target).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('never serves anything outside the static folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..\\secret.txt',
      '/assets/%5c..%5c..%5csecret.txt',
      '/secret.txt%00.html',
      '/%252e%252e/secret.txt',
      '/link.txt',
      '/assets/out/secret.txt',
      '/C:/Windows/win.ini',
      '/%ff',
    ];
    for (const target of attempts) {
      const res = await rawRequest(host.port, target);
      expect([400, 404], target).toContain(res.status);
      expect(res.body, target).not.toContain(SECRET);
    }
  });

  it('answers 400, not 404, for traversal attempts', async () => {
    expect((await rawRequest(host.port, '/../secret.txt')).status).toBe(400);
    expect((await rawRequest(host.port, '/%2e%2e/secret.txt')).status).toBe(400);
    expect((await rawRequest(host.port, '/..\\secret.txt')).status).toBe(400);
  });

  it('refuses methods other than GET and HEAD with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await rawRequest(host.port, '/', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    }
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await rawRequest(host.port, '/assets/app-abc123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(res.body).toBe('');
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since', async () => {
    const first = await rawRequest(host.port, '/');
    const etag = first.headers['etag'] ?? '';
    const byEtag = await rawRequest(host.port, '/', { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body).toBe('');
    const byDate = await rawRequest(host.port, '/', { headers: { 'If-Modified-Since': first.headers['last-modified'] ?? '' } });
    expect(byDate.status).toBe(304);
    const stale = await rawRequest(host.port, '/', { headers: { 'If-None-Match': 'W/"other"' } });
    expect(stale.status).toBe(200);
  });

  it('refuses non-origin-form request targets', async () => {
    const res = await rawRequest(host.port, 'http://example.invalid/');
    expect(res.status).toBe(400);
  });
});
