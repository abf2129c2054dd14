import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../main/app-serve';
import { buildCsp, CONTENT_SECURITY_POLICY } from '../../../main/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'tl-app-serve-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>TL</title>');
  writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'top secret');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('serveAppRequest', () => {
  it('serves index.html with MIME type and security headers', async () => {
    const res = await serveAppRequest(root, 'app://app/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>TL</title>');
  });

  it('serves the origin root as index.html and JS as text/javascript', async () => {
    expect((await serveAppRequest(root, 'app://app/')).status).toBe(200);
    const js = await serveAppRequest(root, 'app://app/assets/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const res = await serveAppRequest(root, 'app://app/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('404s traversal, missing files and directories — with CSP still set', async () => {
    for (const url of [
      'app://app/../secret.txt',
      'app://app/%2e%2e/secret.txt',
      'app://app/assets/..%2f..%2fsecret.txt',
      'app://app/missing.js',
      'app://app/assets',
    ]) {
      const res = await serveAppRequest(root, url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('top secret');
    }
  });

  it('puts the allowed LAN hosts in the CSP of every response', async () => {
    const lan = ['http://192.168.1.20:4455'];
    for (const [url, method] of [['app://app/index.html', 'GET'], ['app://app/missing.js', 'GET'], ['app://app/index.html', 'POST']] as const) {
      const res = await serveAppRequest(root, url, method, undefined, lan);
      expect(res.headers.get('content-security-policy'), url + method).toBe(buildCsp(lan));
    }
    expect(buildCsp(lan)).toContain('ws://192.168.1.20:4455');
  });

  it('405s other methods', async () => {
    const res = await serveAppRequest(root, 'app://app/index.html', 'POST');
    expect(res.status).toBe(405);
  });
});
