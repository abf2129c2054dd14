import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { toBase64Url } from '../../../shared/protocol/access';
import { decodeKey32 } from '../../../shared/protocol/wire-crypto';
import { writeFileAtomic } from '../atomic-write';

/**
 * A room on disk: `<dataDir>/rooms/<roomId>/access.json` (who may join) and `doc.bin`
 * (Y.encodeStateAsUpdate of the whole doc). Both are replaced atomically.
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
export async function readAccess(dir: string, log: (line: string) => void): Promise<RoomAccess | null> {
  const file = path.join(dir, 'access.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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

export async function writeAccess(dir: string, access: RoomAccess): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const body: AccessFile = {
    authKey: toBase64Url(access.authKey),
    adminKey: toBase64Url(access.adminKey),
    createdAt: access.createdAt,
  };
  await writeFileAtomic(path.join(dir, 'access.json'), `${JSON.stringify(body, null, 2)}\n`);
}

/**
 * Loads doc.bin into `doc`. A file Yjs cannot read is kept (renamed doc.bin.corrupt-<time>) for
 * a human to look at, and the room starts empty: the facilitator's app and the participants
 * still hold the content and will sync it back. The host must never crash over one bad file.
 */
export async function readDoc(dir: string, doc: Y.Doc, log: (line: string) => void): Promise<void> {
  const file = path.join(dir, 'doc.bin');
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (bytes.length === 0) return;
  try {
    // Decode into a scratch doc first, so a half-applied broken file never reaches the room.
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch));
    scratch.destroy();
  } catch {
    await setAside(file, log, 'document');
  }
}

export async function writeDoc(dir: string, update: Uint8Array): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, 'doc.bin'), update);
}

async function setAside(file: string, log: (line: string) => void, what: string): Promise<void> {
  const target = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fs.rename(file, target);
    log(`Room ${what} ${path.basename(path.dirname(file)).slice(0, 6)}… was unreadable; kept as ${path.basename(target)} and started empty.`);
  } catch (error) {
    log(`Room ${what} was unreadable and could not be set aside: ${(error as Error).message}`);
  }
}
