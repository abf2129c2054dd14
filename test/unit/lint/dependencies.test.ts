import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file the app, the host and the scripts are built from. */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) sources(file, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(file);
  }
  return out;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const code = ['main', 'renderer', 'shared', 'scripts'].flatMap((d) => sources(d)).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('dependencies', () => {
  it('every runtime dependency is imported by the app, the host or a script (nothing declared and unused)', () => {
    const unused = Object.keys(pkg.dependencies).filter((dep) => !new RegExp(`(from |import\\(|require\\()['"]${dep.replace('/', '\\/')}(['"/])`).test(code));
    expect(unused).toEqual([]);
  });

  it('every version is pinned exactly', () => {
    const loose = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(loose).toEqual([]);
  });
});
