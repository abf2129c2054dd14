import { isGovernanceLevel, type GovernanceLevel } from '../../shared/model';

/**
 * The governance level a person works at (national, regional, city…), asked when they join and
 * optional: it travels with their votes so results can be split by level. Remembered on this
 * device like the display name.
 */
const LEVEL_KEY = 'transition-lab.governanceLevel';

export function readMyLevel(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): GovernanceLevel | null {
  try {
    const stored = storage?.getItem(LEVEL_KEY);
    return isGovernanceLevel(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveMyLevel(level: GovernanceLevel | null): void {
  try {
    if (level) localStorage.setItem(LEVEL_KEY, level);
    else localStorage.removeItem(LEVEL_KEY);
  } catch {
    // Not remembered; the level still applies to this session.
  }
}
