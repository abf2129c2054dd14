import { randomId } from '../../shared/model';
import type { TransitionLabDb } from '../storage/database';

const DEVICE_ID_KEY = 'deviceId';
const loaded = new WeakMap<TransitionLabDb, Promise<string>>();
/** Storage blocked or broken: an id for this page only (nothing else survives a reload either). */
let pageOnlyId: string | null = null;

/**
 * This device's random id (128 bits), created on first use and kept in IndexedDB: the doc lists
 * facilitators, note authors and voters by it. Not a secret and not an account — clearing the
 * browser's storage makes a new person, which is what a shared kiosk laptop needs.
 */
export function loadDeviceId(db: TransitionLabDb): Promise<string> {
  let id = loaded.get(db);
  if (!id) {
    // One transaction: two tabs starting at once must not each keep a different id.
    id = db.transaction('rw', db.device, async () => {
      const row = await db.device.get(DEVICE_ID_KEY);
      if (typeof row?.value === 'string' && row.value) return row.value;
      const created = randomId(128);
      await db.device.put({ key: DEVICE_ID_KEY, value: created });
      return created;
    });
    id = id.catch(() => (pageOnlyId ??= randomId(128)));
    loaded.set(db, id);
  }
  return id;
}
