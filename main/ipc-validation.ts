/**
 * Pure validation for IPC calls: who may call (sender frame) and with what (arguments).
 * main/ipc.ts runs these before every handler; they throw on anything unexpected. Arguments are
 * checked against zod schemas.
 */
import { z } from 'zod';
import { IPC_METHODS, type IpcContract, type IpcMethod } from '../shared/protocol/ipc';
import { IpcValidationError } from './ipc-errors';
import { MAX_LAN_ORIGIN_LENGTH } from './lan-hosts';
import { isAppUrl, isSafeExternalUrl } from './navigation';

export interface SenderInfo {
  /** `event.senderFrame.url`, or null if the frame is gone. */
  url: string | null | undefined;
  /** The frame is the top-level frame of its webContents. */
  isTopFrame: boolean;
}

/** Only the app's own top-level page may call main: not iframes, not any other origin. */
export function isTrustedSender(sender: SenderInfo | null | undefined): boolean {
  return sender != null && sender.isTopFrame === true && isAppUrl(sender.url);
}

export { IpcValidationError };

export function assertTrustedSender(sender: SenderInfo | null | undefined): void {
  if (!isTrustedSender(sender)) throw new IpcValidationError('IPC refused: untrusted sender');
}

export function isIpcMethod(value: unknown): value is IpcMethod {
  return typeof value === 'string' && (IPC_METHODS as readonly string[]).includes(value);
}

/**
 * Each method's arguments as a zod tuple: exactly these, of these types. A URL must also pass
 * isSafeExternalUrl; a LAN origin is only checked for shape here — whether it is a LAN origin is the
 * handler's answer (normalizeLanOrigin in lan-hosts.ts), which resolves false instead of throwing.
 */
const ARG_SCHEMAS: { [M in IpcMethod]: z.ZodType<Parameters<IpcContract[M]>> } = {
  getAppInfo: z.tuple([]),
  openExternal: z.tuple([z.string().refine((url) => isSafeExternalUrl(url), 'not a safe http(s) URL')]),
  findNearbyHosts: z.tuple([]),
  allowLanHost: z.tuple([z.string().min(1).max(MAX_LAN_ORIGIN_LENGTH)]),
  allowHub: z.tuple([z.string().min(1).max(MAX_LAN_ORIGIN_LENGTH)]),
};

/** Validates `args` for `method`; returns them typed, or throws IpcValidationError. */
export function validateIpcArgs<M extends IpcMethod>(method: M, args: readonly unknown[]): Parameters<IpcContract[M]> {
  if (!isIpcMethod(method)) throw new IpcValidationError('IPC refused: unknown method');
  const parsed = ARG_SCHEMAS[method].safeParse(args);
  if (!parsed.success) throw new IpcValidationError(`IPC ${method}: bad argument(s): ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as Parameters<IpcContract[M]>;
}
