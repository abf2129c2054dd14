import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toBase64Url } from '../../../shared/protocol/access';
import { decodeKey32 } from '../../../shared/protocol/wire-crypto';
import { writeFileAtomic } from '../atomic-write';
import { readFileRetrying, type ReadRetry } from './read-retry';

/**
 * A room on disk: `<dataDir>/rooms/<roomId>/access.json` (who may join, replaced atomically) and
 * the document's checksummed snapshot and update logs (room-files.ts).
 */
export interface RoomAccess {
  /** HKDF of the join code (never the code itself): proofs are checked against it. */
  authKey: Uint8Array;
  /** HKDF of the facilitator's admin secret. */
  adminKey: Uint8Array;
  createdAt: string;
}

interface AccessFile {
  authKey: string;
  adminKey: string;
  createdAt: string;
}

export const KEY_BYTES = 32;

export function roomDir(dataDir: string, roomId: string): string {
  return path.join(dataDir, 'rooms', roomId);
}

export function decodeKey(value: unknown): Uint8Array | null {
  return decodeKey32(value);
}

/** null when the room has never been claimed here (or its access file was unreadable and set aside). */
export async function readAccess(dir: string, log: (line: string) => void, retry: ReadRetry): Promise<RoomAccess | null> {
  const file = path.join(dir, 'access.json');
  const bytes = await readFileRetrying(file, retry, log, `room ${path.basename(dir).slice(0, 6)}… access.json`);
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  try {
    const parsed = JSON.parse(text) as Partial<AccessFile>;
    const authKey = decodeKey(parsed.authKey);
    const adminKey = decodeKey(parsed.adminKey);
    if (authKey && adminKey) return { authKey, adminKey, createdAt: String(parsed.createdAt ?? '') };
  } catch {
    // fall through: treated like a corrupt doc below
  }
  // Without valid keys nobody can prove anything; the facilitator's next claim recreates it.
  await setAside(file, log, 'access file');
  return null;
}

/** Returns the file's size in bytes (for the disk quota). */
export async function writeAccess(dir: string, access: RoomAccess): Promise<number> {
  await fs.mkdir(dir, { recursive: true });
  const body: AccessFile = {
    authKey: toBase64Url(access.authKey),
    adminKey: toBase64Url(access.adminKey),
    createdAt: access.createdAt,
  };
  const text = `${JSON.stringify(body, null, 2)}\n`;
  await writeFileAtomic(path.join(dir, 'access.json'), text);
  return Buffer.byteLength(text);
}

/**
 * Whether the host has ever kept this room: its folder exists (with access.json, the document
 * files, or only what was set aside). Independent of access.json, so a room whose access file is
 * missing or damaged is still known, and only the facilitator may set its keys again.
 */
export async function roomKnown(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // Cannot tell: treat it as known, so nobody but the facilitator may take it over.
    return true;
  }
}

async function setAside(file: string, log: (line: string) => void, what: string): Promise<void> {
  const target = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fs.rename(file, target);
    log(`Room ${what} ${path.basename(path.dirname(file)).slice(0, 6)}… was unreadable; kept as ${path.basename(target)}. Only the facilitator can set the room's keys again.`);
  } catch (error) {
    log(`Room ${what} was unreadable and could not be set aside: ${(error as Error).message}`);
  }
}
