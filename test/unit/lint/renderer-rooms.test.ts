import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on snippets placed (virtually) in a room of renderer/.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('renderer rooms (lint zones in eslint.config.js)', () => {
  it('rejects board/ importing session/, and says where to go instead', async () => {
    const errors = await importErrors(
      'renderer/board/Probe.tsx',
      "import type { OpenSession } from '../session/open-sessions';\nexport type P = OpenSession;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('board/ never imports session/');
  });

  it('lets board/ reach the session through workshop/', async () => {
    const errors = await importErrors(
      'renderer/board/Probe.tsx',
      "import { useWorkshop } from '../workshop/workshop-context';\nexport const p = useWorkshop;\n",
    );
    expect(errors).toEqual([]);
  });

  it('keeps app/ (the routes) out of every other room', async () => {
    for (const room of ['home', 'join', 'session', 'board', 'ui']) {
      const errors = await importErrors(`renderer/${room}/Probe.tsx`, "import { App } from '../app/App';\nexport const p = App;\n");
      expect(errors, room).toHaveLength(1);
    }
  });

  it('keeps the lower rooms free of the screens above them', async () => {
    const cases: [string, string][] = [
      ['renderer/ui/Probe.tsx', '../board/BoardView'],
      ['renderer/storage/probe.ts', '../session/open-sessions'],
      ['renderer/sync/probe.ts', '../session/open-sessions'],
      ['renderer/workshop/probe.ts', '../board/StickyNote'],
      ['renderer/facilitation/Probe.tsx', '../board/BoardView'],
    ];
    for (const [file, target] of cases) {
      const errors = await importErrors(file, `import * as M from '${target}';\nexport const p = M;\n`);
      expect(errors, `${file} → ${target}`).toHaveLength(1);
    }
  });
});
