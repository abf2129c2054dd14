import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { installCrashGuard, type ErrorEvents } from '../../../main/host/crash-guard';

describe('installCrashGuard', () => {
  it('logs uncaught errors and rejections, at most perMinute lines, until removed', () => {
    const events = new EventEmitter();
    const lines: string[] = [];
    const remove = installCrashGuard(events as unknown as ErrorEvents, (line) => lines.push(line), { perMinute: 3 });
    events.emit('uncaughtException', new RangeError('Maximum call stack size exceeded'));
    events.emit('unhandledRejection', 'disk gone');
    for (let i = 0; i < 50; i++) events.emit('uncaughtException', new Error(`flood ${i}`));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Uncaught error \(still serving\): RangeError: Maximum call stack size exceeded/);
    expect(lines[1]).toBe('Unhandled rejection (still serving): disk gone');
    remove();
    expect(events.listenerCount('uncaughtException')).toBe(0);
    expect(events.listenerCount('unhandledRejection')).toBe(0);
  });

  it('keeps a real Node process running after a throw in a callback and a rejected promise', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-crash-guard-'));
    try {
      const entry = path.join(dir, 'entry.mjs');
      await build({
        stdin: {
          contents: `
            import { installCrashGuard } from ${JSON.stringify(path.resolve('main/host/crash-guard.ts'))};
            installCrashGuard(process, (line) => process.stderr.write(line + '\\n'));
            setTimeout(() => { throw new RangeError('boom'); }, 1);
            setTimeout(() => { void Promise.reject(new Error('nobody waits')); }, 2);
            setTimeout(() => { process.stdout.write('still serving'); }, 50);
          `,
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        outfile: entry,
        bundle: true,
        platform: 'node',
        format: 'esm',
        logLevel: 'silent',
      });
      const run = spawnSync(process.execPath, [entry], { encoding: 'utf8', timeout: 10_000 });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('still serving');
      expect(run.stderr).toContain('Uncaught error (still serving): RangeError: boom');
      expect(run.stderr).toContain('Unhandled rejection (still serving): Error: nobody waits');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
