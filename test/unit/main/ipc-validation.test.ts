import { describe, expect, it } from 'vitest';
import { IPC_METHODS } from '../../../shared/protocol/ipc';
import {
  assertTrustedSender,
  IpcValidationError,
  isIpcMethod,
  isTrustedSender,
  validateIpcArgs,
} from '../../../main/ipc-validation';

describe('isTrustedSender', () => {
  it('trusts only the app’s own top frame', () => {
    expect(isTrustedSender({ url: 'app://app/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://app/index.html#/session/x', isTopFrame: true })).toBe(true);
  });

  it.each([
    [{ url: 'app://app/index.html', isTopFrame: false }],
    [{ url: 'https://evil.example/', isTopFrame: true }],
    [{ url: 'app://evil/index.html', isTopFrame: true }],
    [{ url: 'app://app.evil/', isTopFrame: true }],
    [{ url: 'file:///index.html', isTopFrame: true }],
    [{ url: 'about:blank', isTopFrame: true }],
    [{ url: 'devtools://devtools/x', isTopFrame: true }],
    [{ url: '', isTopFrame: true }],
    [{ url: null, isTopFrame: true }],
    [{ url: undefined, isTopFrame: true }],
    [null],
    [undefined],
  ])('distrusts %j', (sender) => {
    expect(isTrustedSender(sender)).toBe(false);
    expect(() => assertTrustedSender(sender)).toThrow(IpcValidationError);
  });
});

describe('validateIpcArgs', () => {
  it('has a validator for every contract method', () => {
    expect(IPC_METHODS.length).toBeGreaterThan(0);
    for (const method of IPC_METHODS) expect(isIpcMethod(method)).toBe(true);
    expect(() => validateIpcArgs('getAppInfo', [])).not.toThrow();
  });

  it('getAppInfo takes no arguments', () => {
    expect(validateIpcArgs('getAppInfo', [])).toEqual([]);
    expect(() => validateIpcArgs('getAppInfo', [1])).toThrow(IpcValidationError);
  });

  it('findNearbyHosts takes no arguments', () => {
    expect(validateIpcArgs('findNearbyHosts', [])).toEqual([]);
    expect(() => validateIpcArgs('findNearbyHosts', ['x'])).toThrow(IpcValidationError);
  });

  it('allowLanHost takes one origin string (LAN-ness is the handler’s answer, not a throw)', () => {
    expect(validateIpcArgs('allowLanHost', ['http://192.168.1.20:4455'])).toEqual(['http://192.168.1.20:4455']);
    expect(validateIpcArgs('allowLanHost', ['http://8.8.8.8'])).toEqual(['http://8.8.8.8']);
    for (const bad of [
      [],
      ['http://192.168.1.20:4455', 'extra'],
      [''],
      [`http://${'a'.repeat(400)}.local`],
      [{ origin: 'http://192.168.1.20:4455' }],
      [42],
      [null],
      [undefined],
    ]) {
      expect(() => validateIpcArgs('allowLanHost', bad), JSON.stringify(bad)).toThrow(IpcValidationError);
    }
  });

  it('openExternal takes one safe http(s) URL', () => {
    expect(validateIpcArgs('openExternal', ['https://example.org/'])).toEqual(['https://example.org/']);
    for (const bad of [
      [],
      ['https://example.org/', 'extra'],
      ['file:///etc/passwd'],
      ['javascript:alert(1)'],
      ['https://u:p@example.org/'],
      [{ href: 'https://example.org/' }],
      [42],
      [null],
    ]) {
      expect(() => validateIpcArgs('openExternal', bad), JSON.stringify(bad)).toThrow(IpcValidationError);
    }
  });

  it('refuses unknown methods', () => {
    expect(isIpcMethod('constructor')).toBe(false);
    expect(isIpcMethod('__proto__')).toBe(false);
    expect(() => validateIpcArgs('toString' as never, [])).toThrow(IpcValidationError);
  });
});
