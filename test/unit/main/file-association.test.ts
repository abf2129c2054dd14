import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_EXTENSION } from '../../../shared/export';

/** Installers register `.tlab` with the app (electron-builder's fileAssociations; main/open-file.ts opens it). */
describe('the .tlab file association in electron-builder.yml', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const block = yml.split(/^fileAssociations:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const fields = Object.fromEntries([...block.matchAll(/^\s+-?\s*(\w+):\s*(.+?)\s*$/gm)].map((m) => [m[1], m[2]]));

  it('names the archive’s extension, a MIME type for Linux, and the Editor role for macOS', () => {
    expect(fields).toEqual({
      ext: ARCHIVE_EXTENSION,
      name: 'Transition Lab session archive',
      description: 'Transition Lab session archive',
      mimeType: 'application/vnd.transition-lab.archive+zip',
      role: 'Editor',
    });
  });

  it('keeps the rest of the packaging config (targets, icon, fuses)', () => {
    for (const line of [/^icon: assets\/icon\.png$/m, /^electronFuses:$/m, /^\s+- AppImage$/m, /^\s+- deb$/m, /^\s+- nsis$/m, /^\s+- dmg$/m]) expect(yml).toMatch(line);
  });
});
