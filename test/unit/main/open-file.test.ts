import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../../../shared/protocol/ipc';
import { archivePathsFromArgv, createOpenFileQueue, MAX_FILES_PER_LAUNCH, readArchiveFile, type ReadResult } from '../../../main/open-file';

const linux = { cwd: '/home/a', platform: 'linux' };
const windows = { cwd: 'C:\\Users\\a', platform: 'win32' };

describe('archivePathsFromArgv', () => {
  it('finds the .tlab after the executable and any switches', () => {
    expect(archivePathsFromArgv(['/opt/app', '--flag', '/home/a/lab.tlab'], linux)).toEqual(['/home/a/lab.tlab']);
    expect(archivePathsFromArgv(['/opt/Transition Lab/transition-lab', '--no-sandbox', '-psn_0_1234', '/home/a/My Lab.TLAB'], linux)).toEqual(['/home/a/My Lab.TLAB']);
  });

  it('takes nothing when there is no file (a plain launch, or development: `electron .`)', () => {
    expect(archivePathsFromArgv([], linux)).toEqual([]);
    expect(archivePathsFromArgv(['/opt/app'], linux)).toEqual([]);
    expect(archivePathsFromArgv(['/usr/lib/electron/electron', '.'], linux)).toEqual([]);
    // argv[0] is the program, even if it were named like an archive.
    expect(archivePathsFromArgv(['/tmp/evil.tlab'], linux)).toEqual([]);
  });

  it('ignores other files and switches that look like archives', () => {
    expect(archivePathsFromArgv(['/opt/app', '/home/a/notes.txt', '/home/a/lab.tlab.zip', '/home/a/tlab', '--open=/home/a/x.tlab', ''], linux)).toEqual([]);
  });

  it('keeps several files, in order, once each, and stops at a sane number', () => {
    expect(archivePathsFromArgv(['/opt/app', '/a/one.tlab', 'two.tlab', '/a/one.tlab', '../b/three.tlab'], linux)).toEqual([
      '/a/one.tlab',
      '/home/a/two.tlab',
      '/home/b/three.tlab',
    ]);
    const many = Array.from({ length: MAX_FILES_PER_LAUNCH + 5 }, (_, i) => `/a/${i}.tlab`);
    expect(archivePathsFromArgv(['/opt/app', ...many], linux)).toEqual(many.slice(0, MAX_FILES_PER_LAUNCH));
  });

  it('reads Windows command lines as Windows paths, relative ones against the launch folder', () => {
    expect(archivePathsFromArgv(['C:\\Program Files\\Transition Lab\\Transition Lab.exe', '--allow-file-access-from-files', 'D:\\Labs\\Lab Łódź.tlab'], windows)).toEqual([
      'D:\\Labs\\Lab Łódź.tlab',
    ]);
    expect(archivePathsFromArgv(['C:\\app.exe', 'lab.tlab', '\\\\server\\share\\x.tlab'], windows)).toEqual(['C:\\Users\\a\\lab.tlab', '\\\\server\\share\\x.tlab']);
  });

  it('accepts file:// URLs (a desktop entry’s %U) and refuses other URLs', () => {
    expect(archivePathsFromArgv(['/opt/app', 'file:///home/a/My%20Lab.tlab'], linux)).toEqual(['/home/a/My Lab.tlab']);
    expect(archivePathsFromArgv(['/opt/app', 'file://remote-host/x.tlab', 'https://evil.example/x.tlab', 'smb://nas/x.tlab'], linux)).toEqual([]);
  });
});

describe('readArchiveFile', () => {
  let dir: string;
  const at = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tl-open-file-'));
    writeFileSync(at('lab.tlab'), new Uint8Array([0x50, 0x4b, 3, 4, 9]));
    writeFileSync(at('empty.tlab'), '');
    writeFileSync(at('notes.txt'), 'secret');
    mkdirSync(at('folder.tlab'));
    writeFileSync(at('big.tlab'), '');
    truncateSync(at('big.tlab'), 1025);
    symlinkSync(at('notes.txt'), at('link-to-text.tlab'));
    symlinkSync(at('lab.tlab'), at('link-to-lab.tlab'));
    symlinkSync(at('missing.tlab'), at('dangling.tlab'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular .tlab whole, into a buffer of its own', async () => {
    const result = await readArchiveFile(at('lab.tlab'), 1024);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9]) });
    if (result.ok) expect(result.bytes.buffer.byteLength).toBe(5);
    expect(await readArchiveFile(at('empty.tlab'), 1024)).toEqual({ ok: true, bytes: new Uint8Array(0) });
    // A symlink is followed to a real .tlab.
    expect((await readArchiveFile(at('link-to-lab.tlab'), 1024)).ok).toBe(true);
  });

  it.each([
    ['a missing file', 'missing.tlab', 'unreadable'],
    ['a dangling symlink', 'dangling.tlab', 'unreadable'],
    ['a directory', 'folder.tlab', 'unreadable'],
    ['a file over the limit', 'big.tlab', 'tooLarge'],
    ['another extension', 'notes.txt', 'notArchive'],
    ['a .tlab symlink to another kind of file', 'link-to-text.tlab', 'notArchive'],
  ])('refuses %s', async (_label, name, problem) => {
    expect(await readArchiveFile(at(name), 1024)).toEqual({ ok: false, problem });
  });

  it.runIf(process.platform === 'linux')('refuses a device behind a .tlab name', async () => {
    const device = at('zero.tlab');
    symlinkSync('/dev/zero', device);
    expect(await readArchiveFile(device, 1024)).toEqual({ ok: false, problem: 'notArchive' });
  });
});

describe('createOpenFileQueue', () => {
  const fakeRead = (reads: string[]) => async (file: string): Promise<ReadResult> => {
    reads.push(file);
    return file.includes('big') ? { ok: false, problem: 'tooLarge' } : { ok: true, bytes: new TextEncoder().encode(file) };
  };

  it('holds files opened before the window exists, then delivers them in order, read only then', async () => {
    const reads: string[] = [];
    const queue = createOpenFileQueue({ read: fakeRead(reads) });
    queue.open('/a/one.tlab');
    queue.open('/a/big.tlab');
    queue.open('/a/one.tlab');
    await queue.idle();
    expect(queue.pending()).toEqual(['/a/one.tlab', '/a/big.tlab']);
    expect(reads).toEqual([]);

    const got: OpenedFile[] = [];
    queue.attach((file) => got.push(file));
    await queue.idle();
    expect(got).toEqual([
      { name: 'one.tlab', bytes: new TextEncoder().encode('/a/one.tlab') },
      { name: 'big.tlab', problem: 'tooLarge' },
    ]);
    expect(queue.pending()).toEqual([]);

    // Attached: a file opened now goes straight through.
    queue.open('/a/two.tlab');
    await queue.idle();
    expect(got.map((f) => f.name)).toEqual(['one.tlab', 'big.tlab', 'two.tlab']);
  });

  it('holds again after detach (window closed or reloading) and delivers to the next window', async () => {
    const queue = createOpenFileQueue({ read: fakeRead([]) });
    const first: string[] = [];
    queue.attach((file) => first.push(file.name));
    queue.detach();
    queue.open('/a/three.tlab');
    await queue.idle();
    expect(first).toEqual([]);
    const second: string[] = [];
    queue.attach((file) => second.push(file.name));
    await queue.idle();
    expect(second).toEqual(['three.tlab']);
  });

  it('keeps a file whose window went away while it was being read', async () => {
    let release: () => void = () => undefined;
    const queue = createOpenFileQueue({
      read: () => new Promise<ReadResult>((resolve) => (release = () => resolve({ ok: true, bytes: new Uint8Array(1) }))),
    });
    const got: string[] = [];
    queue.attach((file) => got.push(file.name));
    queue.open('/a/slow.tlab');
    await new Promise((r) => setTimeout(r, 0));
    queue.detach();
    release();
    await queue.idle();
    expect(got).toEqual([]);
    expect(queue.pending()).toEqual(['/a/slow.tlab']);
  });

  it('bounds what it holds, and survives a reader or a window that throws', async () => {
    const lines: string[] = [];
    const queue = createOpenFileQueue({
      read: async (file) => {
        if (file.includes('throws')) throw new Error('EIO');
        return { ok: true, bytes: new Uint8Array(0) };
      },
      maxPending: 2,
      log: (line) => lines.push(line),
    });
    queue.open('/a/throws.tlab');
    queue.open('/a/b.tlab');
    queue.open('/a/c.tlab');
    expect(queue.pending()).toEqual(['/a/throws.tlab', '/a/b.tlab']);
    expect(lines).toEqual(['ignored c.tlab: 2 files already waiting to open']);
    const got: OpenedFile[] = [];
    let calls = 0;
    queue.attach((file) => {
      calls += 1;
      if (calls === 2) throw new Error('window destroyed');
      got.push(file);
    });
    await queue.idle();
    expect(got).toEqual([{ name: 'throws.tlab', problem: 'unreadable' }]);
    expect(lines.at(-1)).toMatch(/could not hand b\.tlab to the window: window destroyed/u);
    queue.open('/a/d.tlab');
    await queue.idle();
    expect(got.map((f) => f.name)).toEqual(['throws.tlab', 'd.tlab']);
  });
});
