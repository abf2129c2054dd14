import { parseTemplate, type Template } from '../../shared/templates';
import type { TransitionLabDb } from './database';

const KEY = 'templates';

/** Templates this device's facilitator saved, for every session on this device (newest first). */
export async function loadDeviceTemplates(db: TransitionLabDb): Promise<Template[]> {
  const row = await db.device.get(KEY);
  let list: unknown;
  try {
    list = row ? JSON.parse(row.value) : [];
  } catch {
    list = [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown) => {
    try {
      return [parseTemplate(value)];
    } catch {
      // A row an older or newer app wrote differently: skipped, never thrown at the gallery.
      return [];
    }
  });
}

export async function saveDeviceTemplate(db: TransitionLabDb, template: Template): Promise<void> {
  await db.transaction('rw', db.device, async () => {
    const current = await loadDeviceTemplates(db);
    await db.device.put({ key: KEY, value: JSON.stringify([template, ...current.filter((t) => t.id !== template.id)]) });
  });
}

export async function removeDeviceTemplate(db: TransitionLabDb, id: string): Promise<void> {
  await db.transaction('rw', db.device, async () => {
    const current = await loadDeviceTemplates(db);
    await db.device.put({ key: KEY, value: JSON.stringify(current.filter((t) => t.id !== id)) });
  });
}
