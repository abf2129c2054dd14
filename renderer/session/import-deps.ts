import { loadDeviceId } from '../identity/device-id';
import { readDisplayName } from '../identity/display-name';
import { appDatabase } from '../storage/database';
import type { ImportProps } from '../outcomes/use-import';
import { mergeArchiveInto } from './merge-archive';
import { summariseSession } from './session-summary';

/**
 * What an import needs from this device, one set for Home's Import and for files the operating
 * system opens: how to summarise a session, how to merge into one this device has, and who
 * becomes facilitator of a session made from a JSON export (this device, by its name).
 */
export const importDeps: ImportProps = {
  summarise: summariseSession,
  merge: mergeArchiveInto,
  me: async () => ({ deviceId: await loadDeviceId(appDatabase()), name: readDisplayName() }),
};
