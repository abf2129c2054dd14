import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * How many rooms the host keeps and how many bytes their folders take, for the quotas. Counted
 * once at start (a walk over `<dataDir>/rooms`) and kept up to date as rooms are created and
 * their files grow or are compacted.
 */
export class HostUsage {
  constructor(
    public rooms: number,
    public bytes: number,
  ) {}

  static async scan(roomsDir: string): Promise<HostUsage> {
    let rooms = 0;
    let bytes = 0;
    const entries = await fs.readdir(roomsDir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      rooms++;
      const dir = path.join(roomsDir, entry.name);
      for (const file of await fs.readdir(dir).catch(() => [])) {
        const stat = await fs.stat(path.join(dir, file)).catch(() => null);
        if (stat?.isFile()) bytes += stat.size;
      }
    }
    return new HostUsage(rooms, bytes);
  }

  add(delta: number): void {
    this.bytes = Math.max(0, this.bytes + delta);
  }
}
