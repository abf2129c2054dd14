import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const SECRET = 'TOP-SECRET-do-not-serve';

export interface Fixture {
  /** Temp folder holding everything below; remove() deletes it. */
  base: string;
  staticDir: string;
  dataDir: string;
  secretFile: string;
  remove(): void;
}

/** A fake renderer build, plus a secret file next to it (outside the static root). */
export function createFixture(): Fixture {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tl-host-'));
  const staticDir = path.join(base, 'static');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Transition Lab</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log("app");');
  writeFileSync(path.join(staticDir, 'assets', 'app-abc123.css'), 'body{margin:0}');
  writeFileSync(path.join(staticDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(staticDir, '.env'), SECRET);

  const secretFile = path.join(base, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'secret.txt'), SECRET);
  // Symlinks inside the root that lead out of it, to a file and to a folder.
  symlinkSync(secretFile, path.join(staticDir, 'link.txt'));
  symlinkSync(path.join(base, 'outside'), path.join(staticDir, 'assets', 'out'), 'dir');

  return {
    base,
    staticDir,
    dataDir: path.join(base, 'data', 'nested'),
    secretFile,
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** http.request sends the path exactly as given; fetch() would resolve `..` before sending. */
export function rawRequest(
  port: number,
  requestPath: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: requestPath, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
