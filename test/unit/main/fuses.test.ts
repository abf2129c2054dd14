import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The packaged binary's fuses as electron-builder flips them (docs/security.md, checklist item 19). */
describe('Electron fuses in electron-builder.yml', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const block = yml.split(/^electronFuses:\s*$/m)[1]!.split(/^\S/m)[0]!;
  const fuses = Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m) => [m[1], m[2] === 'true']));

  it('turn off running as Node, NODE_OPTIONS and inspector flags; keep cookies encrypted and the app in its checked ASAR', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(yml).toMatch(/^asar: true$/m);
  });
});
