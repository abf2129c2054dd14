import { describe, expect, it } from 'vitest';
import { newAdminSecret, relayKeys } from '../../../renderer/sync/access-keys';

describe('the relay admin key follows the doc', () => {
  const access = { sessionId: 'abcdefghijklmnopqrstuvwxy', joinCode: 'ABCDE-FGHJK', adminSecret: newAdminSecret() };

  it('is sent while the doc lists this device as facilitator', async () => {
    const keys = await relayKeys(access, true);
    expect(keys.adminKey).toBeInstanceOf(Uint8Array);
    expect(keys.authKey).toBeInstanceOf(Uint8Array);
  });

  it('stays in storage once the doc no longer does (removed as facilitator), though the secret is still there', async () => {
    const keys = await relayKeys(access, false);
    expect(keys.adminKey).toBeUndefined();
    expect(keys.authKey).toEqual((await relayKeys(access, true)).authKey);
  });

  it('does not exist for a participant, whatever the doc says (an unmanaged doc calls everyone facilitator)', async () => {
    const { adminSecret: _none, ...participant } = access;
    expect((await relayKeys({ ...participant, hostUrl: 'http://192.168.1.20:4455' }, true)).adminKey).toBeUndefined();
  });
});
