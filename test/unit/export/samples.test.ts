import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import * as X from '../../../shared/export';
import { sessionPdf } from '../../../shared/export/pdf-report';
import { sessionWorkbook } from '../../../shared/export/workbook';
import { pl } from '../../../shared/i18n/pl';
import { demoSession } from './demo-session';

/**
 * The committed samples (docs/samples/): every export of the demo lab, in Polish, as a coordinator
 * would get them. `TL_WRITE_SAMPLES=1` writes them again; otherwise this checks they are there and
 * that the CSV still comes out byte for byte the same.
 */
const DIR = 'docs/samples';
const NOW = Date.UTC(2026, 10, 26, 15, 0);

async function exportsOf(doc: Y.Doc, sessionId: string): Promise<Record<string, Uint8Array | string>> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'pl', resources: { pl: { translation: pl } }, interpolation: { escapeValue: false } });
  const labels = X.exportLabels((key, options) => i18n.t(key, options ?? {}));
  const content = M.readSession(doc);
  const json = JSON.stringify(X.sessionJson(content, { sessionId, now: NOW }), null, 2);
  const fonts = { regular: new Uint8Array(readFileSync('assets/fonts/DejaVuSans.ttf')), bold: new Uint8Array(readFileSync('assets/fonts/DejaVuSans-Bold.ttf')) };
  return {
    'demo.csv': X.notesCsv(X.noteRows(content), labels.csv),
    'demo.md': X.sessionMarkdown(content, labels.markdown),
    'demo.json': json,
    'demo.xlsx': await sessionWorkbook(content, labels.workbook),
    'demo.pdf': await sessionPdf(content, labels.report, fonts, NOW),
    'demo.tlab': X.buildArchive({ sessionId, title: content.meta.title, schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json, now: NOW, decisions: content.decisions }),
  };
}

describe('samples (docs/samples)', () => {
  it('the demo lab comes from the CCC data: Warsaw barriers, opportunities and stakeholders on their canvases', () => {
    const { doc } = demoSession();
    const s = M.readSession(doc);
    expect(s.boards.map((b) => b.notes.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
    expect(s.rounds[0]!.byLevel.map((l) => l.level)).toEqual(['national', 'regional', 'local']);
  });

  it('are committed, and the CSV is what the exporter makes today', async () => {
    const { doc, sessionId } = demoSession();
    const files = await exportsOf(doc, sessionId);
    if (process.env.TL_WRITE_SAMPLES) for (const [name, data] of Object.entries(files)) writeFileSync(join(DIR, name), data);
    for (const name of Object.keys(files)) expect(existsSync(join(DIR, name)), name).toBe(true);
    expect(readFileSync(join(DIR, 'demo.csv'), 'utf8')).toBe(files['demo.csv']);
    const archive = X.readArchive(new Uint8Array(readFileSync(join(DIR, 'demo.tlab'))));
    expect(archive.ok).toBe(true);
  });
});
