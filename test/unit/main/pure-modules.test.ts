// The unit tests run in plain Node, where loading 'electron' would try to download its binary.
// Guard the split: the decision modules must never import electron at run time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = [
  'shared/protocol/app-origin.ts',
  'main/app-path.ts',
  'main/app-serve.ts',
  'main/csp.ts',
  'main/lan-hosts.ts',
  'main/navigation.ts',
  'main/ipc-validation.ts',
  'main/ipc-errors.ts',
  'main/ipc-event-validation.ts',
  'main/open-file.ts',
  'main/preload-api.ts',
  'main/web-preferences.ts',
  'main/host-lifecycle.ts',
  'main/mdns-browse.ts',
  'main/save-dialog.ts',
  'main/external-link.ts',
  'scripts/electron-binary.mjs',
  'scripts/start.mjs',
];

describe('pure modules', () => {
  it.each(PURE)('%s has no run-time electron import', (file) => {
    const source = readFileSync(path.resolve(file), 'utf8');
    const runtimeImports = source
      .split('\n')
      .filter((line) => /\bfrom\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]/u.test(line))
      .filter((line) => !/^\s*import\s+type\b/u.test(line));
    expect(runtimeImports).toEqual([]);
  });
});
