import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { docFromStoredUpdates } from '../../../shared/model/stored-updates';
import { decodeRecords, LOG_MAGIC, SNAPSHOT_MAGIC } from '../../../main/host/sync/record-frames';

/**
 * What a room folder holds, read independently of the host's loader: the snapshot and every log,
 * each record checked. Throws on anything that does not check out (tests write whole files).
 */
export function readRoomFromDisk(dir: string): Y.Doc {
  const updates: Uint8Array[] = [];
  for (const name of readdirSync(dir).sort()) {
    const magic = name === 'snapshot.bin' ? SNAPSHOT_MAGIC : /^updates-\d+\.log$/.test(name) ? LOG_MAGIC : null;
    if (!magic) continue;
    const read = decodeRecords(readFileSync(path.join(dir, name)), magic);
    if (read.problem) throw new Error(`${name}: ${read.problem}`);
    updates.push(...read.records);
  }
  return docFromStoredUpdates({ updates, encoding: 'v1' });
}

export function roomFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}
