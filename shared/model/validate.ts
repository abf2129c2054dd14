import type { RecordMap } from './doc-roots';

/**
 * Defensive readers shared by every record file. Anything in the doc may come from a peer running
 * another version or a hostile client, so projections read through these and never trust a type.
 */
export function readString(record: RecordMap, key: string, fallback = ''): string {
  const v = record.get(key);
  return typeof v === 'string' ? v : fallback;
}

export function readNumber(record: RecordMap, key: string, fallback = 0): number {
  const v = record.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function readNullableNumber(record: RecordMap, key: string): number | null {
  const v = record.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function readNullableString(record: RecordMap, key: string): string | null {
  const v = record.get(key);
  return typeof v === 'string' && v !== '' ? v : null;
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Collapses whitespace and cuts to a length: what every short single-line label goes through. */
export function cleanLine(value: string, max: number): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, max);
}

export function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.max(min, Math.min(max, Math.round(value)));
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A plain JSON object (atomic Y.Map value), as opposed to null, an array or a Y type. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
