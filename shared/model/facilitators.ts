import type * as Y from 'yjs';
import { facilitatorsMap } from './doc-roots';
import { cleanLine, compareIds, isPlainObject } from './validate';
import { mutate } from './write';

/**
 * Facilitators, listed by device/client id (docs/architecture.md "Identity and roles"). One atomic value per
 * client id, so two facilitators adding or removing each other converge on whole entries (LWW).
 * Removal is a mark (`removedAt`), which lets the projection keep the session manageable: if
 * concurrent removals leave no active facilitator (A removes B while B removes A), the earliest
 * added entry counts as facilitator again — the same one on every peer.
 * A doc that lists nobody at all (an unmigrated v1 doc) is unmanaged: everyone may facilitate.
 *
 * This is honest-client enforcement: apps hide facilitator controls and refuse these operations
 * for others, but anyone holding the join code can write to the doc. We say so in the UI.
 */
export interface Facilitator {
  clientId: string;
  name: string;
  addedBy: string;
  addedAt: number;
  removedAt: number | null;
}

export const MAX_CLIENT_ID_LENGTH = 128;

function readEntry(clientId: string, value: unknown): Facilitator | null {
  if (!isPlainObject(value) || !clientId || clientId.length > MAX_CLIENT_ID_LENGTH) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    clientId,
    name: typeof value.name === 'string' ? value.name.slice(0, 100) : '',
    addedBy: typeof value.addedBy === 'string' ? value.addedBy : '',
    addedAt: num(value.addedAt) ?? 0,
    removedAt: num(value.removedAt),
  };
}

function allEntries(doc: Y.Doc): Facilitator[] {
  const out: Facilitator[] = [];
  facilitatorsMap(doc).forEach((value, clientId) => {
    const entry = readEntry(clientId, value);
    if (entry) out.push(entry);
  });
  return out.sort((a, b) => a.addedAt - b.addedAt || compareIds(a.clientId, b.clientId));
}

/** Active facilitators, earliest added first (see the fallback rule above). */
export function listFacilitators(doc: Y.Doc): Facilitator[] {
  const all = allEntries(doc);
  const active = all.filter((f) => f.removedAt === null);
  return active.length > 0 || all.length === 0 ? active : [all[0]!];
}

/**
 * Active facilitators' ids per doc, for `isFacilitator`: the policy asks it for every `can`, and a
 * board mounting 1,250 notes asked 2,500 times, each re-reading and sorting this map (~0.2 s of the
 * open in a Chromium profile). Any transaction clears it as it starts, and nothing is kept while
 * one runs, so a read can never see a state older than the doc's.
 */
const activeIds = new WeakMap<Y.Doc, { ids: ReadonlySet<string> | null }>();

function activeFacilitatorIds(doc: Y.Doc): ReadonlySet<string> {
  const read = () => new Set(listFacilitators(doc).map((f) => f.clientId));
  if (doc._transaction) return read();
  let memo = activeIds.get(doc);
  if (!memo) {
    const entry: { ids: ReadonlySet<string> | null } = { ids: null };
    doc.on('beforeTransaction', () => {
      entry.ids = null;
    });
    activeIds.set(doc, (memo = entry));
  }
  return (memo.ids ??= read());
}

export function isFacilitator(doc: Y.Doc, clientId: string): boolean {
  if (facilitatorsMap(doc).size === 0) return true;
  return activeFacilitatorIds(doc).has(clientId);
}

function write(doc: Y.Doc, entry: Facilitator): void {
  const value: Record<string, unknown> = { name: entry.name, addedBy: entry.addedBy, addedAt: entry.addedAt, removedAt: entry.removedAt };
  facilitatorsMap(doc).set(entry.clientId, value);
}

/** `by` must be a facilitator (or the doc must list none yet, at creation and migration). */
export function addFacilitator(doc: Y.Doc, by: string, init: { clientId: string; name: string; now: number }): boolean {
  if (!init.clientId || init.clientId.length > MAX_CLIENT_ID_LENGTH || !isFacilitator(doc, by)) return false;
  const name = cleanLine(init.name, 100);
  const existing = readEntry(init.clientId, facilitatorsMap(doc).get(init.clientId));
  if (existing && existing.removedAt === null && existing.name === name) return true;
  return mutate(doc, () => write(doc, { clientId: init.clientId, name, addedBy: by, addedAt: init.now, removedAt: null }));
}

/** A facilitator steps down or removes another; the last active one cannot remove itself. */
export function removeFacilitator(doc: Y.Doc, by: string, clientId: string, now: number): boolean {
  if (!isFacilitator(doc, by)) return false;
  const active = listFacilitators(doc);
  const entry = active.find((f) => f.clientId === clientId);
  if (!entry || active.length <= 1) return false;
  return mutate(doc, () => write(doc, { ...entry, removedAt: now }));
}
