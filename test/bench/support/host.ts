import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the built LAN host on a free loopback port (run `npm run build` first). */
export async function startHost(data = mkdtempSync(join(tmpdir(), 'tl-bench-host-'))): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['dist/host/cli.mjs', '--port', '0', '--bind', '127.0.0.1', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}; run \`npm run build\` first`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
