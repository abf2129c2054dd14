import { closeSync, fdatasync, ftruncateSync, openSync, promises as fs, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncDir, writeFileAtomic } from '../atomic-write';
import { decodeRecords, encodeRecord, LOG_MAGIC, SNAPSHOT_MAGIC, type ReadRecords } from './record-frames';
import { readFileRetrying, readRetrying, type ReadRetry } from './read-retry';

/**
 * A room's document on disk, next to access.json in `<dataDir>/rooms/<roomId>/`:
 * - `snapshot.bin`: one checksummed record, Y.encodeStateAsUpdate of the doc at the last compaction;
 * - `updates-NNNNNN.log`: every update applied since, one checksummed record each, appended
 *   (written to the OS) before the relay forwards the update to anyone — so an update the host has
 *   relayed survives the host process being killed. fdatasync follows in the background, batched;
 *   only a power cut in that window (tens of ms) can lose it, and then the clients still hold it;
 * - `doc.bin`: the format before checksums; read once, then folded into a snapshot and removed.
 *
 * Compaction writes a new snapshot (temp file, fsync, rename) and only then deletes the logs it
 * covers. Appends during a compaction go to a new log, so nothing is lost whichever step a crash
 * interrupts: at worst an update is replayed twice, which Yjs ignores.
 */
export const SNAPSHOT_FILE = 'snapshot.bin';
export const LEGACY_DOC_FILE = 'doc.bin';
const LOG_FILE = /^updates-(\d{6,})\.log$/;

function logFileName(generation: number): string {
  return `updates-${String(generation).padStart(6, '0')}.log`;
}

/** What load found: parts that each come from one file (so one that Yjs rejects can be set aside). */
export interface LoadedParts {
  parts: Array<{ file: string; updates: Uint8Array[] }>;
  /** Something was set aside, cut or is in the old format: write a fresh snapshot now. */
  needsCompaction: boolean;
}

/** The log being appended to. Closed after its last background fsync, never during one. */
class LogWriter {
  private syncing = false;
  private syncAgain = false;
  private closed = false;

  constructor(
    readonly name: string,
    private readonly fd: number,
  ) {}

  write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
    this.sync();
  }

  close(): void {
    this.closed = true;
    if (!this.syncing) closeSync(this.fd);
  }

  /** Cuts off what a failed write left (a full disk takes part of a record, then refuses). */
  truncate(length: number): void {
    ftruncateSync(this.fd, length);
  }

  /** One fdatasync in flight at a time; writes that arrive meanwhile share the next one. */
  private sync(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    fdatasync(this.fd, () => {
      this.syncing = false;
      if (this.closed) {
        closeSync(this.fd);
      } else if (this.syncAgain) {
        this.syncAgain = false;
        this.sync();
      }
    });
  }
}

export class RoomFiles {
  private snapshotBytes = 0;
  private legacyBytes = 0;
  private legacyPresent = false;
  /** Every log file on disk that the snapshot does not cover yet → its size. */
  private readonly logs = new Map<string, number>();
  private writer: LogWriter | undefined;
  private nextGeneration = 1;

  constructor(
    private readonly dir: string,
    /** Short name for log lines ("room 3fa9c1…"). */
    private readonly label: string,
    private readonly retry: ReadRetry,
    private readonly log: (line: string) => void,
    /** Told of every change in bytes on disk (the host-wide disk quota). */
    private readonly onBytes: (delta: number) => void,
  ) {}

  /** Bytes of this room's document on disk (snapshot, logs, old-format file). */
  get bytes(): number {
    return this.snapshotBytes + this.legacyBytes + this.logBytes;
  }

  get logBytes(): number {
    let total = 0;
    for (const size of this.logs.values()) total += size;
    return total;
  }

  get snapshotSize(): number {
    return this.snapshotBytes;
  }

  /**
   * Reads and verifies every file. Damage is set aside (renamed `*.corrupt-<time>`) with a log
   * line; what checks out is returned. Read errors other than "not found" are retried, then
   * thrown as RoomReadError (the caller refuses the join with "try again later").
   */
  async load(): Promise<LoadedParts> {
    const names = (await readRetrying(() => fs.readdir(this.dir), this.retry, this.log, `${this.label} folder`)) ?? [];
    const parts: LoadedParts['parts'] = [];
    let needsCompaction = false;

    if (names.includes(SNAPSHOT_FILE)) {
      const bytes = await this.read(SNAPSHOT_FILE);
      if (bytes) {
        const read = decodeRecords(bytes, SNAPSHOT_MAGIC);
        if (read.problem === null && read.records.length === 1) {
          parts.push({ file: SNAPSHOT_FILE, updates: read.records });
          this.snapshotBytes = bytes.length;
        } else {
          await this.setAside(SNAPSHOT_FILE, describeProblem(read, 'has no snapshot record'));
          needsCompaction = true;
        }
      }
    }

    if (names.includes(LEGACY_DOC_FILE)) {
      const bytes = await this.read(LEGACY_DOC_FILE);
      if (bytes && bytes.length === 0) {
        await this.setAside(LEGACY_DOC_FILE, 'is empty (0 bytes)');
      } else if (bytes) {
        parts.push({ file: LEGACY_DOC_FILE, updates: [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)] });
        this.legacyBytes = bytes.length;
        this.legacyPresent = true;
      }
      needsCompaction = true;
    }

    const logs = names
      .map((name) => ({ name, generation: Number(LOG_FILE.exec(name)?.[1] ?? NaN) }))
      .filter((entry) => Number.isFinite(entry.generation))
      .sort((a, b) => a.generation - b.generation);
    for (const { name, generation } of logs) {
      this.nextGeneration = Math.max(this.nextGeneration, generation + 1);
      const bytes = await this.read(name);
      if (!bytes) continue;
      const read = decodeRecords(bytes, LOG_MAGIC);
      if (read.problem === null) {
        this.logs.set(name, bytes.length);
        parts.push({ file: name, updates: read.records });
        continue;
      }
      needsCompaction = true;
      if (read.problem === 'truncated' && read.records.length > 0) {
        // The host stopped in the middle of an append: the records before it are whole.
        this.log(`Room ${this.label}: ${name} ends in a record cut short (the host stopped while writing it); kept the ${read.records.length} whole records before it.`);
        this.logs.set(name, bytes.length);
        parts.push({ file: name, updates: read.records });
        continue;
      }
      // Damage in the middle (or an unusable file): keep what came before it, set the file aside.
      if (read.records.length > 0) parts.push({ file: name, updates: read.records });
      const kept = read.records.length > 0 ? `; kept the ${read.records.length} records before the damage` : '';
      await this.setAside(name, `${describeProblem(read, '')}${kept}`);
    }
    return { parts, needsCompaction };
  }

  /** Appends one update. Throws if the disk refuses; the next append starts a new log file. */
  append(update: Uint8Array): void {
    const record = encodeRecord(update);
    const writer = this.writer ?? this.openLog();
    const whole = this.logs.get(writer.name) ?? 0;
    try {
      writer.write(record);
    } catch (error) {
      // The file goes back to its last whole record; if even that fails, load treats a torn last
      // record as cut short and keeps everything before it.
      try {
        writer.truncate(whole);
      } catch {
        // Left as it is: see above.
      }
      this.abandonLog();
      throw error;
    }
    this.grow(writer.name, record.length);
  }

  /**
   * Replaces the snapshot with `state` and deletes the logs it covers. `state` must be taken
   * synchronously just before the call: appends from here on go to a new log, which survives.
   */
  async compact(state: Uint8Array): Promise<void> {
    const covered = [...this.logs.keys()];
    this.abandonLog();
    const body = Buffer.concat([SNAPSHOT_MAGIC, encodeRecord(state)]);
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path.join(this.dir, SNAPSHOT_FILE), body);
    this.onBytes(body.length - this.snapshotBytes);
    this.snapshotBytes = body.length;
    for (const name of covered) {
      await fs.rm(path.join(this.dir, name), { force: true });
      this.onBytes(-(this.logs.get(name) ?? 0));
      this.logs.delete(name);
    }
    if (this.legacyPresent) {
      await fs.rm(path.join(this.dir, LEGACY_DOC_FILE), { force: true });
      this.onBytes(-this.legacyBytes);
      this.legacyBytes = 0;
      this.legacyPresent = false;
    }
  }

  /** A part that checked out but Yjs could not decode (only possible for the old format). */
  async reject(file: string): Promise<void> {
    // No longer this room's document, but still on disk (set aside): the disk quota keeps counting it.
    this.logs.delete(file);
    if (file === LEGACY_DOC_FILE) {
      this.legacyBytes = 0;
      this.legacyPresent = false;
    }
    if (file === SNAPSHOT_FILE) this.snapshotBytes = 0;
    await this.setAside(file, 'was unreadable (not a Yjs document)');
  }

  close(): void {
    this.abandonLog();
  }

  private openLog(): LogWriter {
    const name = logFileName(this.nextGeneration++);
    // 'wx': never append to a file a crashed run left behind; it is replayed, not continued.
    const file = path.join(this.dir, name);
    const fd = openSync(file, 'wx', 0o600);
    const writer = new LogWriter(name, fd);
    try {
      writer.write(LOG_MAGIC);
    } catch (error) {
      writer.close();
      try {
        // Holds nothing yet; left behind it would be set aside as damaged at the next load.
        rmSync(file, { force: true });
      } catch {
        // A read-only disk keeps it; load sets an empty log aside and loses nothing.
      }
      throw error;
    }
    this.writer = writer;
    this.grow(name, LOG_MAGIC.length);
    // The new file's name must be durable too (power cut); the data itself is fdatasynced by the writer.
    void syncDir(this.dir).catch(() => undefined);
    return writer;
  }

  private abandonLog(): void {
    const writer = this.writer;
    this.writer = undefined;
    try {
      writer?.close();
    } catch {
      // Closing a file we can no longer write to: nothing more to lose.
    }
  }

  private grow(name: string, bytes: number): void {
    this.logs.set(name, (this.logs.get(name) ?? 0) + bytes);
    this.onBytes(bytes);
  }

  private read(name: string): Promise<Buffer | null> {
    return readFileRetrying(path.join(this.dir, name), this.retry, this.log, `${this.label} ${name}`);
  }

  private async setAside(name: string, why: string): Promise<void> {
    const target = `${name}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fs.rename(path.join(this.dir, name), path.join(this.dir, target));
      this.log(`Room ${this.label}: ${name} ${why}; kept as ${target}. The room goes on from what was readable and is completed by the next participant's sync.`);
    } catch (error) {
      this.log(`Room ${this.label}: ${name} ${why}, and could not be set aside: ${(error as Error).message}`);
    }
  }
}

function describeProblem(read: ReadRecords, otherwise: string): string {
  switch (read.problem) {
    case 'empty':
      return 'is empty (0 bytes)';
    case 'truncated':
      return 'is cut short (truncated)';
    case 'bad-header':
      return 'is not a Transition Lab room file';
    case 'checksum':
      return 'is damaged (checksum mismatch)';
    default:
      return otherwise;
  }
}
