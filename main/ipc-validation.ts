/**
 * Pure validation for IPC calls: who may call (sender frame) and with what (arguments).
 * main/ipc.ts runs these before every handler; they throw on anything unexpected.
 */
import { IPC_METHODS, type IpcContract, type IpcMethod } from '../shared/protocol/ipc';
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

export class IpcValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcValidationError';
  }
}

export function assertTrustedSender(sender: SenderInfo | null | undefined): void {
  if (!isTrustedSender(sender)) throw new IpcValidationError('IPC refused: untrusted sender');
}

export function isIpcMethod(value: unknown): value is IpcMethod {
  return typeof value === 'string' && (IPC_METHODS as readonly string[]).includes(value);
}

type ArgValidators = { [M in IpcMethod]: (args: readonly unknown[]) => Parameters<IpcContract[M]> };

function expectCount(method: IpcMethod, args: readonly unknown[], count: number): void {
  if (!Array.isArray(args) || args.length !== count) {
    throw new IpcValidationError(`IPC ${method}: expected ${count} argument(s)`);
  }
}

const ARG_VALIDATORS: ArgValidators = {
  getAppInfo(args) {
    expectCount('getAppInfo', args, 0);
    return [];
  },
  openExternal(args) {
    expectCount('openExternal', args, 1);
    const [url] = args;
    if (!isSafeExternalUrl(url)) throw new IpcValidationError('IPC openExternal: not a safe http(s) URL');
    return [url];
  },
  findNearbyHosts(args) {
    expectCount('findNearbyHosts', args, 0);
    return [];
  },
  allowLanHost(args) {
    expectCount('allowLanHost', args, 1);
    const [origin] = args;
    // Shape only: a string of sane length. Whether it is a LAN origin is the handler's answer
    // (normalizeLanOrigin in lan-hosts.ts), which resolves false instead of throwing.
    if (typeof origin !== 'string' || origin.length === 0 || origin.length > MAX_LAN_ORIGIN_LENGTH) {
      throw new IpcValidationError('IPC allowLanHost: expected an origin string');
    }
    return [origin];
  },
};

/** Validates `args` for `method`; returns them typed, or throws IpcValidationError. */
export function validateIpcArgs<M extends IpcMethod>(method: M, args: readonly unknown[]): Parameters<IpcContract[M]> {
  if (!isIpcMethod(method)) throw new IpcValidationError('IPC refused: unknown method');
  return ARG_VALIDATORS[method](args);
}
