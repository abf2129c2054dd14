import type * as Y from 'yjs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { decisionsMap } from './doc-roots';
import { cleanLine, isPlainObject } from './validate';

/**
 * The session's decision record: an append-only, hash-chained log of what the room decided
 * (voting results, reveals, agenda steps, locks, join-code changes). Each entry holds who, when,
 * what and the hashes of the entries before it; its own key in the doc is the SHA-256 of exactly
 * those fields, so changing any byte of any entry, or removing one that a later entry points at,
 * is visible to anyone who checks.
 *
 * Merge rule (two devices appending while apart): entries live in a root map keyed by their hash,
 * so merging is the union of both sides — the same entry written twice is one entry. Each entry's
 * `prev` lists every head (entry nobody points at yet) its device saw, sorted. Appending on one line
 * gives a chain; two devices apart give two branches from the same parent, and the next entry
 * written after they met names both heads and joins them (like a merge commit). Reading order is
 * topological — an entry always after everything it points at — and, among entries neither of
 * which points at the other, by time and then hash, the same on every device. Wall clocks only
 * break ties, so a clock that jumps back cannot put an entry before its cause.
 *
 * What a log cannot show on its own is losing its newest entries; so the head (one hash for the
 * whole record) is printed in the PDF report and carried in the archive's manifest, and a device
 * remembers the heads it has seen. `verifyDecisionLog(doc, expectedHeads)` says "truncated" when one
 * of those is no longer in the log. (The combined head of several open branches is a hash of
 * hashes, for people to compare; machines remember and carry the branch heads themselves.)
 */
export const DECISION_KINDS = [
  'votingStarted',
  'votingEnded',
  'notesRevealed',
  'noteRevealed',
  'activityStarted',
  'activityFinished',
  'zoneLocked',
  'zoneUnlocked',
  'boardLocked',
  'boardUnlocked',
  'codeChanged',
  'facilitatorAdded',
  'facilitatorRemoved',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export type DecisionValue = string | number | boolean | null | DecisionValue[] | { [key: string]: DecisionValue };

export interface DecisionInput {
  kind: DecisionKind;
  at: number;
  by: { id: string; name: string };
  /** What was decided, as plain JSON (titles, counts, results) so the record stands on its own. */
  data: { [key: string]: DecisionValue };
}

export interface DecisionEntry extends DecisionInput {
  hash: string;
  prev: string[];
}

export type DecisionProblem = 'altered' | 'truncated';

export interface DecisionLogCheck {
  /** Entries in reading order (only the ones whose hash checks out). */
  entries: DecisionEntry[];
  /** One hash that stands for the whole record ('' when the log is empty). */
  head: string;
  heads: string[];
  problem: DecisionProblem | null;
}

const FORMAT = 1;
const HASH = /^[0-9a-f]{64}$/;
const MAX_NAME = 100;
const MAX_ENTRY_JSON = 64 * 1024;

/** JSON with object keys sorted at every depth: one byte string per value, whoever wrote it. */
export function canonicalJson(value: DecisionValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
    .join(',')}}`;
}

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

export function entryHash(entry: Omit<DecisionEntry, 'hash'>): string {
  return hex(canonicalJson({ v: FORMAT, prev: [...entry.prev].sort(), at: entry.at, by: { id: entry.by.id, name: entry.by.name }, kind: entry.kind, data: entry.data }));
}

/** The record's single head: the head itself, or the hash of all heads when branches are open. */
export function headOf(heads: readonly string[]): string {
  if (heads.length === 0) return '';
  if (heads.length === 1) return heads[0]!;
  return hex([...heads].sort().join('\n'));
}

function isDecisionValue(value: unknown, depth = 0): value is DecisionValue {
  if (depth > 6) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isDecisionValue(v, depth + 1));
  return isPlainObject(value) && Object.values(value).every((v) => isDecisionValue(v, depth + 1));
}

/** A stored entry, or null when its shape is wrong (a hostile or newer peer). Hash not checked here. */
function readEntry(key: string, value: unknown): DecisionEntry | null {
  if (!isPlainObject(value)) return null;
  const { prev, at, by, kind, data } = value;
  if (!Array.isArray(prev) || !prev.every((p) => typeof p === 'string' && HASH.test(p))) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (!isPlainObject(by) || typeof by.id !== 'string' || typeof by.name !== 'string') return null;
  if (!(DECISION_KINDS as readonly string[]).includes(kind as string)) return null;
  if (!isPlainObject(data) || !isDecisionValue(data)) return null;
  return { hash: key, prev: prev as string[], at, by: { id: by.id, name: by.name }, kind: kind as DecisionKind, data: data as DecisionEntry['data'] };
}

function rawEntries(doc: Y.Doc): { entries: DecisionEntry[]; altered: boolean } {
  const entries: DecisionEntry[] = [];
  let altered = false;
  decisionsMap(doc).forEach((value, key) => {
    const entry = HASH.test(key) ? readEntry(key, value) : null;
    if (entry && entryHash(entry) === key) entries.push(entry);
    else altered = true;
  });
  return { entries, altered };
}

function headsOf(entries: readonly DecisionEntry[]): string[] {
  const pointedAt = new Set(entries.flatMap((e) => e.prev));
  return entries
    .map((e) => e.hash)
    .filter((h) => !pointedAt.has(h))
    .sort();
}

/** Topological order; among entries that are free at the same moment, earliest time then hash. */
function readingOrder(entries: readonly DecisionEntry[]): DecisionEntry[] {
  const byHash = new Map(entries.map((e) => [e.hash, e]));
  const waiting = new Map(entries.map((e) => [e.hash, e.prev.filter((p) => byHash.has(p)).length]));
  const next = new Map<string, DecisionEntry[]>();
  for (const e of entries) for (const p of e.prev) if (byHash.has(p)) next.set(p, [...(next.get(p) ?? []), e]);
  const ready = entries.filter((e) => waiting.get(e.hash) === 0);
  const order: DecisionEntry[] = [];
  const earlier = (a: DecisionEntry, b: DecisionEntry) => a.at - b.at || (a.hash < b.hash ? -1 : 1);
  while (ready.length > 0) {
    ready.sort(earlier);
    const e = ready.shift()!;
    order.push(e);
    for (const n of next.get(e.hash) ?? []) {
      const left = waiting.get(n.hash)! - 1;
      waiting.set(n.hash, left);
      if (left === 0) ready.push(n);
    }
  }
  return order;
}

/**
 * Checks every entry's hash and every link. `expected`: heads this record is known to have reached
 * (a device's memory, an archive's manifest: `heads`, not the combined `head`); each must still be
 * in the log.
 */
export function verifyDecisionLog(doc: Y.Doc, expected: readonly string[] = []): DecisionLogCheck {
  const { entries, altered } = rawEntries(doc);
  const known = new Set(entries.map((e) => e.hash));
  const heads = headsOf(entries);
  let problem: DecisionProblem | null = altered ? 'altered' : null;
  if (!problem) {
    const linksBroken = entries.some((e) => e.prev.some((p) => !known.has(p)));
    if (linksBroken || !expected.every((h) => h === '' || known.has(h))) problem = 'truncated';
  }
  return { entries: readingOrder(entries), head: headOf(heads), heads, problem };
}

/** Appends an entry after every current head; returns its hash. Call inside the action's transaction. */
export function appendDecision(doc: Y.Doc, input: DecisionInput): string {
  const { entries } = rawEntries(doc);
  const prev = headsOf(entries);
  const entry = {
    prev,
    at: Math.round(input.at),
    by: { id: cleanLine(input.by.id, MAX_NAME), name: cleanLine(input.by.name, MAX_NAME) },
    kind: input.kind,
    data: input.data,
  };
  if (canonicalJson(entry.data).length > MAX_ENTRY_JSON) throw new Error('decision entry too large');
  const hash = entryHash(entry);
  decisionsMap(doc).set(hash, { ...entry, v: FORMAT });
  return hash;
}

export function listDecisions(doc: Y.Doc): DecisionEntry[] {
  return verifyDecisionLog(doc).entries;
}
