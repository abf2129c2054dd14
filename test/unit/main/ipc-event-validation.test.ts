import { describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_BYTES } from '../../../shared/export';
import { IPC_EVENTS, OPENED_FILE_PROBLEMS } from '../../../shared/protocol/ipc';
import { isIpcEvent, MAX_OPENED_FILE_NAME_LENGTH, validateIpcEvent } from '../../../main/ipc-event-validation';
import { IpcValidationError } from '../../../main/ipc-validation';

describe('validateIpcEvent(openFile)', () => {
  it('knows every push event', () => {
    for (const event of IPC_EVENTS) expect(isIpcEvent(event)).toBe(true);
    expect(isIpcEvent('getAppInfo')).toBe(false);
    expect(() => validateIpcEvent('nope' as 'openFile', {})).toThrow(/unknown event/u);
  });

  it('accepts a named file with its bytes, or a named refusal', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(validateIpcEvent('openFile', { name: 'Lab Łódź.tlab', bytes })).toEqual({ name: 'Lab Łódź.tlab', bytes });
    for (const problem of OPENED_FILE_PROBLEMS) expect(validateIpcEvent('openFile', { name: 'a.tlab', problem })).toEqual({ name: 'a.tlab', problem });
    expect(() => validateIpcEvent('openFile', { name: 'x'.repeat(MAX_OPENED_FILE_NAME_LENGTH), bytes })).not.toThrow();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '/home/a/lab.tlab'],
    ['no name', { bytes: new Uint8Array(1) }],
    ['an empty name', { name: '', bytes: new Uint8Array(1) }],
    ['a path for a name', { name: '/home/a/lab.tlab', bytes: new Uint8Array(1) }],
    ['a NUL in the name', { name: 'a\0.tlab', bytes: new Uint8Array(1) }],
    ['a name too long', { name: 'x'.repeat(MAX_OPENED_FILE_NAME_LENGTH + 1), bytes: new Uint8Array(1) }],
    ['a number array for bytes', { name: 'a.tlab', bytes: [80, 75] }],
    ['an ArrayBuffer for bytes', { name: 'a.tlab', bytes: new ArrayBuffer(2) }],
    ['another typed array', { name: 'a.tlab', bytes: new Uint16Array(2) }],
    ['bytes and a problem', { name: 'a.tlab', bytes: new Uint8Array(1), problem: 'tooLarge' }],
    ['an unknown problem', { name: 'a.tlab', problem: 'exploded' }],
    ['an extra field', { name: 'a.tlab', bytes: new Uint8Array(1), path: '/etc/passwd' }],
  ])('refuses %s', (_label, payload) => {
    expect(() => validateIpcEvent('openFile', payload)).toThrow(IpcValidationError);
  });

  it('refuses bytes over the import limit without copying them', () => {
    // A view that claims more than the limit: its length is what counts.
    const huge = new Uint8Array(new ArrayBuffer(MAX_ARCHIVE_BYTES + 1));
    expect(() => validateIpcEvent('openFile', { name: 'big.tlab', bytes: huge })).toThrow(/limit/u);
  });
});
