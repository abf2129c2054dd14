// `npm run security:scan`: runs @doyensec/electronegativity over main/ (the Electron side) and fails
// on any finding of medium severity or above that electronegativity-exceptions.json does not accept
// with a reason. Offline is fine: the tool only warns that it cannot fetch Electron's release list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tl-electronegativity-'));
const out = join(dir, 'findings.csv');
try {
  execFileSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', join(root, 'main'), '-o', out], { stdio: 'ignore', timeout: 120_000 });
} catch {
  // It exits non-zero when it finds anything; the CSV is what counts.
}
const rows = Papa.parse(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() }).data;
rmSync(dir, { recursive: true, force: true });
const { exceptions } = JSON.parse(readFileSync(join(root, 'electronegativity-exceptions.json'), 'utf8'));
const serious = rows.filter((r) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(String(r.severity).trim()));
const fileOf = (r) => (r.filename === 'N/A' ? 'N/A' : relative(root, r.filename));
const open = serious.filter((r) => !exceptions.some((e) => e.issue === r.issue && e.file === fileOf(r)));
for (const r of serious) console.log(`${open.includes(r) ? '✖' : '✓'} ${r.severity.padEnd(8)} ${r.issue} ${fileOf(r)}:${r.location}`);
console.log(`electronegativity: ${rows.length} findings, ${serious.length} medium or above, ${serious.length - open.length} accepted with a reason, ${open.length} open`);
if (rows.length === 0) {
  console.error('electronegativity produced no findings at all: the scan did not run');
  process.exit(1);
}
process.exit(open.length ? 1 : 0);
