import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliDeps, type StopSignal } from '../../../main/host/cli';
import { createFixture, rawRequest, type Fixture } from './helpers';

interface FakeProcess {
  deps: Partial<CliDeps>;
  out: string[];
  err: string[];
  /** Resolves with the first exit code. */
  exited: Promise<number>;
  signal(name: StopSignal): void;
  listening(): boolean;
}

function fakeProcess(fixture: Fixture): FakeProcess {
  const out: string[] = [];
  const err: string[] = [];
  let handler: ((signal: StopSignal) => void) | undefined;
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  return {
    out,
    err,
    exited,
    deps: {
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
      exit: (code) => resolveExit(code),
      onStopSignal(h) {
        handler = h;
        return () => {
          handler = undefined;
        };
      },
      defaultDataDir: () => fixture.dataDir,
      defaultStaticDir: () => fixture.staticDir,
    },
    signal: (name) => handler?.(name),
    listening: () => handler !== undefined,
  };
}

let fixture: Fixture;
beforeEach(() => {
  fixture = createFixture();
});
afterEach(() => {
  fixture.remove();
});

describe('runCli', () => {
  it('starts, prints the URLs, serves the app and stops cleanly on SIGINT', async () => {
    const proc = fakeProcess(fixture);
    const host = await runCli(['--port', '0', '--bind', '127.0.0.1'], proc.deps);
    expect(host).toBeDefined();
    if (!host) return;

    const url = `http://127.0.0.1:${host.port}/`;
    expect(proc.out[0]).toBe('Transition Lab host is running. Open one of these in a browser:');
    expect(proc.out[1]).toBe(url);
    expect((await rawRequest(host.port, '/')).status).toBe(200);
    expect(proc.listening()).toBe(true);

    proc.signal('SIGINT');
    expect(await proc.exited).toBe(0);
    expect(proc.out.at(-1)).toBe('Host stopped.');
    expect(proc.listening()).toBe(false);
    expect(host.server.listening).toBe(false);
  });

  it('stops on SIGTERM too', async () => {
    const proc = fakeProcess(fixture);
    const host = await runCli(['--port=0', '--bind=127.0.0.1'], proc.deps);
    proc.signal('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(host?.server.listening).toBe(false);
  });

  it('uses --data and --static when given', async () => {
    const other = createFixture();
    try {
      const proc = fakeProcess(fixture);
      const host = await runCli(
        ['--port', '0', '--bind', '127.0.0.1', '--data', other.dataDir, '--static', other.staticDir],
        proc.deps,
      );
      expect(host?.dataDir).toBe(other.dataDir);
      expect(proc.out).toContain(`Data folder: ${other.dataDir}`);
      await host?.close();
    } finally {
      other.remove();
    }
  });

  it('exits 2 with a one-line error on bad arguments, without starting', async () => {
    const proc = fakeProcess(fixture);
    expect(await runCli(['--port', 'http'], proc.deps)).toBeUndefined();
    expect(await proc.exited).toBe(2);
    expect(proc.err).toEqual(['--port must be a whole number from 0 to 65535, got "http".']);
    expect(proc.out).toEqual([]);
  });

  it('prints help and exits 0', async () => {
    const proc = fakeProcess(fixture);
    expect(await runCli(['--help'], proc.deps)).toBeUndefined();
    expect(await proc.exited).toBe(0);
    expect(proc.out.join('\n')).toContain('--port P');
  });

  it('says clearly when the port is in use and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const proc = fakeProcess(fixture);
      expect(await runCli(['--port', String(port), '--bind', '127.0.0.1'], proc.deps)).toBeUndefined();
      expect(await proc.exited).toBe(1);
      expect(proc.err).toEqual([`Port ${port} is already in use. Choose another with --port.`]);
      expect(proc.out.join('\n')).not.toContain('http://');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('exits 1 with advice when the app has not been built', async () => {
    const proc = fakeProcess(fixture);
    await runCli(['--port', '0', '--bind', '127.0.0.1', '--static', `${fixture.base}/missing`], proc.deps);
    expect(await proc.exited).toBe(1);
    expect(proc.err[0]).toMatch(/^No app files at .*missing.* Run "npm run build:renderer" first, or pass --static DIR\.$/);
  });
});
