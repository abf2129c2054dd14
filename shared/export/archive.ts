import { strFromU8, strToU8, zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import * as Y from 'yjs';
import { readSessionMeta, verifyDecisionLog, type DecisionLogCheck } from '../model';
import { unzipBounded } from './bounded-unzip';
import { MAX_ARCHIVE_BYTES } from './archive-limits';

/**
 * The session archive (`.tlab`): a zip of the session's Yjs state (everything, so another machine
 * gets the session whole and two archives of one session merge), a manifest (format version,
 * session id and schema version, a SHA-256 of each file) and the JSON export for other tools.
 *
 * Reading one trusts nothing: size limits before and during unzipping (bounded-unzip.ts: a zip
 * bomb stops at the limit, whatever its headers say, having taken a few MB), only the three known
 * entry names (no paths), the manifest validated first and each file held to the size it declares,
 * every checksum checked. A problem is a code the app turns into a translated message; nothing is written.
 * The checksums catch a damaged copy, not a deliberate edit (whoever edits can recompute them):
 * that is what the decision record's hash chain and the head in the manifest and the PDF are for
 * (`inspectArchiveState`).
 */
export const ARCHIVE_FORMAT = 'transition-lab-archive';
export const ARCHIVE_VERSION = 1;
export { ARCHIVE_EXTENSION, MAX_ARCHIVE_BYTES } from './archive-limits';
/** Per file inside: ten times the biggest session we have measured (10,000 notes ≈ 3 MB). */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024;

const STATE = 'session.ystate';
const JSON_FILE = 'session.json';
const MANIFEST = 'manifest.json';
const ENTRIES = new Set([STATE, JSON_FILE, MANIFEST]);

const FileEntry = z.object({ bytes: z.number().int().min(0).max(MAX_ENTRY_BYTES), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const ArchiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  title: z.string().max(200),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.iso.datetime(),
  files: z.object({ [STATE]: FileEntry, [JSON_FILE]: FileEntry }),
  /** The decision record's head when exported ('' for an empty record), as printed in the PDF report. */
  decisionHead: z.string().regex(/^([0-9a-f]{64})?$/).optional(),
  /** Its branch heads (decision-log.ts): reading checks the state still holds every one. */
  decisionHeads: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(64).optional(),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

export type ArchiveProblem = 'tooLarge' | 'notArchive' | 'corrupt' | 'newerFormat' | 'damaged';

export interface ArchiveContent {
  manifest: ArchiveManifest;
  /** Yjs update (V1) with the whole session. */
  state: Uint8Array;
  json: string;
}

const hash = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

export function buildArchive(init: { sessionId: string; title: string; schemaVersion: number; state: Uint8Array; json: string; now: number; decisions?: { head: string; heads: string[] } }): Uint8Array {
  const json = strToU8(init.json);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    sessionId: init.sessionId,
    title: init.title,
    schemaVersion: init.schemaVersion,
    exportedAt: new Date(init.now).toISOString(),
    files: {
      [STATE]: { bytes: init.state.length, sha256: hash(init.state) },
      [JSON_FILE]: { bytes: json.length, sha256: hash(json) },
    },
    decisionHead: init.decisions?.head ?? '',
    decisionHeads: init.decisions?.heads ?? [],
  };
  // The manifest first, so a reader (or a person with an unzip tool) finds it at once.
  return zipSync({ [MANIFEST]: strToU8(JSON.stringify(manifest, null, 2)), [STATE]: init.state, [JSON_FILE]: json }, { level: 6 });
}

export function readArchive(bytes: Uint8Array): { ok: true; archive: ArchiveContent } | { ok: false; problem: ArchiveProblem } {
  if (bytes.length > MAX_ARCHIVE_BYTES) return { ok: false, problem: 'tooLarge' };
  // "PK\x03\x04": anything else is not a zip at all.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, problem: 'notArchive' };
  let manifest: ArchiveManifest | undefined;
  // The manifest comes first (buildArchive): once read, each file may be only as big as it says.
  const unzipped = unzipBounded<ArchiveProblem>(bytes, {
    limitFor: (name) => {
      if (!ENTRIES.has(name)) return null;
      if (name === MANIFEST) return MAX_MANIFEST_BYTES;
      return manifest ? manifest.files[name as typeof STATE | typeof JSON_FILE].bytes : MAX_ENTRY_BYTES;
    },
    onEntry: (name, data) => {
      if (name !== MANIFEST) return null;
      const read = readManifest(data);
      if (typeof read === 'string') return read;
      manifest = read;
      return null;
    },
  });
  if (!unzipped.ok) return { ok: false, problem: unzipped.problem === 'unexpected' ? 'notArchive' : unzipped.problem };
  const files = unzipped.files;
  if (!manifest || !files[STATE] || !files[JSON_FILE]) return { ok: false, problem: 'notArchive' };
  const state = files[STATE];
  const json = files[JSON_FILE];
  const expected = manifest.files;
  // The declared sizes and hashes must match what was unpacked: a truncated or edited file is refused.
  if (state.length !== expected[STATE].bytes || hash(state) !== expected[STATE].sha256) return { ok: false, problem: 'damaged' };
  if (json.length !== expected[JSON_FILE].bytes || hash(json) !== expected[JSON_FILE].sha256) return { ok: false, problem: 'damaged' };
  return { ok: true, archive: { manifest, state, json: strFromU8(json) } };
}

function readManifest(data: Uint8Array): ArchiveManifest | ArchiveProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(data));
  } catch {
    return 'corrupt';
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if ((raw as { format?: unknown } | null)?.format === ARCHIVE_FORMAT && typeof version === 'number' && version > ARCHIVE_VERSION) return 'newerFormat';
  const manifest = ArchiveManifest.safeParse(raw);
  return manifest.success ? manifest.data : 'notArchive';
}

export interface ArchiveStateCheck {
  /** The state holds a readable session. */
  session: boolean;
  /** The decision record inside, checked against the head the manifest carries. */
  record: DecisionLogCheck;
}

/** Opens the archive's Yjs state in a scratch doc: is it a session, and does its decision record check out? */
export function inspectArchiveState(archive: ArchiveContent): ArchiveStateCheck {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, archive.state);
    const expected = archive.manifest.decisionHeads ?? [];
    return { session: readSessionMeta(doc).schemaVersion > 0, record: verifyDecisionLog(doc, expected) };
  } catch {
    return { session: false, record: { entries: [], head: '', heads: [], problem: null } };
  } finally {
    doc.destroy();
  }
}
