/**
 * Validation of main → renderer pushes, run by the preload on every message before the page
 * sees it. Main builds these payloads itself; checking them at the receiving end as well means a
 * bug (or a message relayed from elsewhere) can never hand the page something of the wrong shape
 * or size. Kept apart from ipc-validation.ts: the sandboxed preload bundles this file, and it must
 * not pull in node: modules (lan-hosts.ts), which a sandboxed preload cannot load.
 */
import { z } from 'zod';
import { MAX_ARCHIVE_BYTES } from '../shared/export/archive-limits';
import { IPC_EVENTS, OPENED_FILE_PROBLEMS, type IpcEvent, type IpcEvents } from '../shared/protocol/ipc';
import { IpcValidationError } from './ipc-errors';

/** File names longer than this are not names any file system gives out. */
export const MAX_OPENED_FILE_NAME_LENGTH = 255;

// IPC copies typed arrays into the receiving realm, so `instanceof` could see another Uint8Array;
// the tag is what structured clone preserves.
const bytes = z.custom<Uint8Array>((value) => Object.prototype.toString.call(value) === '[object Uint8Array]', 'not bytes');

const name = z
  .string()
  .min(1)
  .max(MAX_OPENED_FILE_NAME_LENGTH)
  // A bare name (basename), never a path: it is only shown to the person.
  .refine((value) => !/[/\0]/u.test(value), 'not a bare file name');

const EVENT_SCHEMAS: { [E in IpcEvent]: z.ZodType<IpcEvents[E]> } = {
  openFile: z.union([
    z.strictObject({ name, bytes: bytes.refine((b) => b.byteLength <= MAX_ARCHIVE_BYTES, 'file over the import limit') }),
    z.strictObject({ name, problem: z.enum(OPENED_FILE_PROBLEMS) }),
  ]),
};

export function isIpcEvent(value: unknown): value is IpcEvent {
  return typeof value === 'string' && (IPC_EVENTS as readonly string[]).includes(value);
}

/** Validates a pushed payload for `event`; returns it typed, or throws IpcValidationError. */
export function validateIpcEvent<E extends IpcEvent>(event: E, payload: unknown): IpcEvents[E] {
  if (!isIpcEvent(event)) throw new IpcValidationError('IPC refused: unknown event');
  const parsed = EVENT_SCHEMAS[event].safeParse(payload);
  if (!parsed.success) throw new IpcValidationError(`IPC ${event}: bad payload: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as IpcEvents[E];
}
