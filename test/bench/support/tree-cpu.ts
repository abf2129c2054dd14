import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux (getconf CLK_TCK)

interface Stat {
  ppid: number;
  cpuMs: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return { ppid, cpuMs: (utime + stime) * TICK_MS };
  } catch {
    return null; // gone meanwhile
  }
}

export interface CpuReading {
  /**
   * CPU time used so far by every process below `root` (the browsers this benchmark launched and
   * the host it started), not counting `root` itself, by kind of process: Chromium's `--type`
   * (renderer, gpu-process, utility), `browser`, or `node` (the host). On a shared 2-core machine,
   * the work a room does for one note, summed over all its pages, is the floor under how long the
   * last one takes.
   */
  byKind: Record<string, number>;
  /**
   * The renderer processes' share, by thread name (Chromium names them: the main thread carries
   * the process's name, then Compositor, the WebRTC threads…): says whether a room's renderer time
   * is its pages' own JavaScript or Chromium's work beside it.
   */
  rendererThreads: Record<string, number>;
}

/** One reading of /proc for both figures, so they describe the same moment. */
export function readCpu(root = process.pid): CpuReading {
  const byKind: Record<string, number> = {};
  const rendererThreads: Record<string, number> = {};
  for (const [pid, stat] of descendants(root)) {
    const kind = kindOf(pid);
    byKind[kind] = (byKind[kind] ?? 0) + stat.cpuMs;
    if (kind === 'renderer') addThreads(pid, rendererThreads);
  }
  return { byKind, rendererThreads };
}

/** The total of a reading's kinds. */
export function totalCpuMs(reading: CpuReading): number {
  return Object.values(reading.byKind).reduce((a, b) => a + b, 0);
}

/** Every process below `root` now, with its stat. */
function descendants(root: number): Map<number, Stat> {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const below = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p !== undefined && p > 0; p = stats.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  return new Map([...stats].filter(([pid]) => below(pid)));
}

function addThreads(pid: number, byThread: Record<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return; // gone meanwhile
  }
  for (const tid of tids) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')).replace(/[\d/]+$/, '');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      byThread[name] = (byThread[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // thread gone meanwhile
    }
  }
}

function kindOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((a) => a.startsWith('--type='));
    if (type) return type.slice('--type='.length);
    return /chrom/i.test(args[0] ?? '') ? 'browser' : 'node';
  } catch {
    return 'gone';
  }
}
