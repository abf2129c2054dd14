import type * as Y from 'yjs';
import { metaMap, SCHEMA_VERSION } from './doc-roots';
import { cleanLine } from './validate';
import { mutate } from './write';

/**
 * Session meta: one flat map of LWW scalars. Concurrency: each field is its own key, so two people
 * editing different fields both keep theirs; two editing one field converge on one whole value.
 * `schemaVersion` is written only by creation and migration (migrate.ts).
 */
export interface SessionMeta {
  title: string;
  createdAt: number;
  schemaVersion: number;
  /** Workshop day as `YYYY-MM-DD` (a calendar date, not an instant: no time zone surprises). */
  date: string;
  place: string;
  /** Lab name, e.g. "National transition lab PL". */
  lab: string;
  /** ISO 3166-1 alpha-2, upper case; empty when not set. */
  country: string;
  /** Working language of the workshop (BCP 47 short tag, e.g. `en`, `pl`); empty when not set. */
  language: string;
  facilitatorName: string;
}

export type SessionMetaPatch = Partial<Pick<SessionMeta, 'title' | 'date' | 'place' | 'lab' | 'country' | 'language' | 'facilitatorName'>>;

export const MAX_TITLE_LENGTH = 200;
export const MAX_META_FIELD_LENGTH = 200;

export function normaliseTitle(title: string): string {
  return cleanLine(title, MAX_TITLE_LENGTH);
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export function isValidDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value);
}

export function isValidCountry(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY.test(value);
}

export function isValidLanguage(value: unknown): value is string {
  return typeof value === 'string' && LANGUAGE.test(value);
}

/** Cleans a patch; a field that fails validation is dropped (empty string clears a field). */
export function validateMetaPatch(patch: SessionMetaPatch): Record<string, string> {
  const out: Record<string, string> = {};
  if (patch.title !== undefined) {
    const t = normaliseTitle(patch.title);
    if (t) out.title = t;
  }
  for (const key of ['place', 'lab', 'facilitatorName'] as const) {
    const v = patch[key];
    if (v !== undefined) out[key] = cleanLine(v, MAX_META_FIELD_LENGTH);
  }
  if (patch.date !== undefined && (patch.date === '' || isValidDate(patch.date))) out.date = patch.date;
  if (patch.country !== undefined) {
    const c = patch.country.trim().toUpperCase();
    if (c === '' || isValidCountry(c)) out.country = c;
  }
  if (patch.language !== undefined) {
    const l = patch.language.trim();
    if (l === '' || isValidLanguage(l)) out.language = l;
  }
  return out;
}

export function initSessionMeta(doc: Y.Doc, init: { title: string; createdAt: number } & SessionMetaPatch): void {
  mutate(doc, () => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', normaliseTitle(init.title));
    meta.set('createdAt', init.createdAt);
    for (const [k, v] of Object.entries(validateMetaPatch({ ...init, title: undefined }))) meta.set(k, v);
  });
}

export function renameSession(doc: Y.Doc, title: string): void {
  const clean = normaliseTitle(title);
  if (!clean) return;
  mutate(doc, () => metaMap(doc).set('title', clean));
}

/** A copy of a session is a new session: it gets its own creation date. */
export function setSessionCreatedAt(doc: Y.Doc, createdAt: number): void {
  if (!Number.isFinite(createdAt) || metaMap(doc).get('createdAt') === createdAt) return;
  mutate(doc, () => metaMap(doc).set('createdAt', createdAt));
}

export function updateSessionMeta(doc: Y.Doc, patch: SessionMetaPatch): void {
  const meta = metaMap(doc);
  const changes = Object.entries(validateMetaPatch(patch)).filter(([k, v]) => meta.get(k) !== v);
  if (changes.length === 0) return;
  mutate(doc, () => {
    for (const [k, v] of changes) meta.set(k, v);
  });
}

export function readSessionMeta(doc: Y.Doc): SessionMeta {
  const meta = metaMap(doc);
  const str = (key: string, ok: (v: unknown) => boolean = () => true) => {
    const v = meta.get(key);
    return typeof v === 'string' && ok(v) ? v.slice(0, MAX_META_FIELD_LENGTH) : '';
  };
  const createdAt = meta.get('createdAt');
  const schemaVersion = meta.get('schemaVersion');
  return {
    title: str('title').slice(0, MAX_TITLE_LENGTH),
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    schemaVersion: typeof schemaVersion === 'number' && Number.isFinite(schemaVersion) ? schemaVersion : 0,
    date: str('date', isValidDate),
    place: str('place'),
    lab: str('lab'),
    country: str('country', isValidCountry),
    language: str('language', isValidLanguage),
    facilitatorName: str('facilitatorName'),
  };
}
