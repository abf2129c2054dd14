import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rules of docs/architecture.md are lint rules; these tests prove each one fires on
 * the code it forbids (and stays quiet on the code it allows), so a config edit cannot silently
 * switch one off. Snippets are linted as if they lived at `filePath`.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const GET_MAP = `import type * as Y from 'yjs';\nexport const notes = (doc: Y.Doc) => doc.getMap('notes');\n`;

describe('the doc is reached through shared/model only', () => {
  for (const file of ['renderer/board/x.ts', 'renderer/session/SessionPage.tsx', 'main/host/sync/x.ts', 'shared/export/x.ts']) {
    it(`.getMap( is refused in ${file}`, async () => {
      expect(await problems(file, GET_MAP)).toEqual([expect.stringMatching(/^no-restricted-syntax: .*shared\/model/)]);
    });
  }

  it('.getMap( is allowed inside shared/model and in tests', async () => {
    expect(await problems('shared/model/x.ts', GET_MAP)).toEqual([]);
    expect(await problems('test/unit/model/x.test.ts', GET_MAP)).toEqual([]);
  });

  it('model functions are fine anywhere', async () => {
    const code = `import type * as Y from 'yjs';\nimport { listNotes } from '../../shared/model';\nexport const n = (doc: Y.Doc) => listNotes(doc, 'b');\n`;
    expect(await problems('renderer/board/x.ts', code)).toEqual([]);
  });
});

describe('shared/ is the pure domain', () => {
  for (const mod of ['y-webrtc', 'i18next', 'react-i18next', 'qrcode', 'y-dexie', 'electron', 'react', 'node:fs', 'dexie']) {
    it(`refuses ${mod}`, async () => {
      const found = await problems('shared/model/x.ts', `import * as m from '${mod}';\nexport default m;\n`);
      expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
    });
  }

  it('allows yjs and its own modules', async () => {
    expect(await problems('shared/model/x.ts', `import * as Y from 'yjs';\nimport { ROOT } from './doc-roots';\nexport default [Y, ROOT];\n`)).toEqual([]);
  });
});

describe('main/host/ never reaches Electron-bound files, at any depth', () => {
  const cases: [string, string][] = [
    ['main/host/x.ts', '../security'],
    ['main/host/x.ts', '../window.ts'],
    ['main/host/sync/x.ts', '../../security'],
    ['main/host/sync/x.ts', '../../app-serve'],
    ['main/host/signal/x.ts', '../../index'],
    ['main/host/a/b/x.ts', '../../../security'],
    ['main/host/x.ts', 'electron'],
    ['main/host/sync/x.ts', 'electron'],
    ['main/host/sync/x.ts', '../../../renderer/app/platform'],
  ];
  for (const [file, target] of cases) {
    it(`${file} importing ${target} is refused`, async () => {
      const found = await problems(file, `import * as m from '${target}';\nexport default m;\n`);
      expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
    });
  }

  const allowed: [string, string][] = [
    ['main/host/x.ts', './mime-types'],
    ['main/host/x.ts', '../../shared/protocol/room-wire'],
    ['main/host/sync/x.ts', '../host-limits'],
    ['main/host/sync/x.ts', '../../../shared/model'],
    ['main/host/sync/x.ts', 'ws'],
    ['main/host/a/b/x.ts', '../../http-responses'],
  ];
  for (const [file, target] of allowed) {
    it(`${file} importing ${target} is allowed`, async () => {
      expect(await problems(file, `import * as m from '${target}';\nexport default m;\n`)).toEqual([]);
    });
  }

  it('main/*.ts (Electron main) may still import main/host', async () => {
    expect(await problems('main/index.ts', `import * as m from './host/start-host';\nexport default m;\n`)).toEqual([]);
  });
});
