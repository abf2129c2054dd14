import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { sessionPdf, type ReportLabels } from '../../../shared/export/pdf-report';
import { addBoardFromTemplate } from '../../../shared/templates/apply';
import { builtInTemplate } from '../../../shared/templates';
import { en } from '../../../shared/i18n/en';
import { decisionLabels } from '../../../shared/export/decision-text';
import { translator } from './translate';

const labels: ReportLabels = {
  level: (l) => en.tags.levels[l],
  actor: (a) => en.tags.actors[a],
  report: 'Transition lab report',
  participants: (n) => `${n} participants`,
  boards: (n) => `${n} boards`,
  notes: (n) => `${n} notes`,
  agenda: 'Agenda',
  agendaLine: (p, a) => `${p} min planned${a === null ? '' : `, ${a} min actual`}`,
  votingResults: 'Voting results',
  byLevel: 'By governance level',
  noLevel: 'Level not given',
  noZone: 'Elsewhere on the board',
  votes: (n) => `${n} votes`,
  by: (name) => `by ${name}`,
  exportedOn: (d) => `Exported on ${d}`,
  emptyBoard: 'No notes on this board.',
  decisions: decisionLabels(await translator('en')),
};

const fonts = { regular: new Uint8Array(readFileSync('assets/fonts/DejaVuSans.ttf')), bold: new Uint8Array(readFileSync('assets/fonts/DejaVuSans-Bold.ttf')) };

describe('PDF report', () => {
  it('pdftotext reads the cover, agenda, notes by zone with Polish letters, and the results by level; private notes stay out', async () => {
    const doc = new Y.Doc();
    M.createSessionContent(doc, { title: 'Laboratorium Łódź', firstBoardTitle: 'Pomysły', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
    M.updateSessionMeta(doc, { date: '2026-12-03', place: 'Łódź', lab: 'Krajowe laboratorium PL' });
    const bo = addBoardFromTemplate(doc, builtInTemplate('barriers-opportunities')!, { language: 'pl', now: 2 });
    const zone = M.listZones(doc, bo).find((z) => z.label === 'Budynki · Bariery')!;
    const at = { x: zone.rect.x + 20, y: zone.rect.y + 60 };
    const a = M.addNote(doc, { boardId: bo, pos: at, now: 3, text: 'Brak środków na termomodernizację źródeł ciepła', authorName: 'Żaneta', level: 'national' });
    M.addNote(doc, { boardId: bo, pos: { x: at.x + 220, y: at.y }, now: 4, text: 'Sekretny pomysł', private: true });
    const item = M.addAgendaItem(doc, { title: 'Powitanie', minutes: 10 });
    M.startAgendaItem(doc, item, 1_000);
    M.finishAgendaItem(doc, item, 1_000 + 12 * 60_000);
    const round = M.createVotingRound(doc, { title: 'Priorytety', now: 5, scope: { boardIds: [bo] } });
    M.openVotingRound(doc, round);
    M.castVote(doc, { roundId: round, voterId: 'v1', noteId: a, level: 'national' });
    M.closeVotingRound(doc, round);
    M.recordDecision(doc, { id: 'fac', name: 'Anna' }, new Date(2026, 11, 3, 10, 5).getTime(), { kind: 'votingEnded', roundId: round });

    const bytes = await sessionPdf(M.readSession(doc), labels, fonts, Date.UTC(2026, 11, 4));
    expect(bytes.length).toBeLessThan(400_000);
    const dir = mkdtempSync(join(tmpdir(), 'tl-pdf-'));
    writeFileSync(join(dir, 'report.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Laboratorium Łódź');
    expect(flat).toContain('2026-12-03 · Łódź · Krajowe laboratorium PL');
    expect(flat).toContain('1. Powitanie');
    expect(flat).toContain('10 min planned, 12 min actual');
    expect(flat).toContain('Budynki · Bariery');
    expect(flat).toContain('Brak środków na termomodernizację źródeł ciepła');
    expect(flat).toContain('National · 1 votes · by Żaneta');
    expect(flat).toContain('By governance level');
    expect(flat).not.toContain('Sekretny');
    expect(flat).toContain('No notes on this board.');
    const pages = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
    // The decision record: the ended vote with its winner, the verdict and the head, also on the cover.
    const head = M.verifyDecisionLog(doc).head;
    expect(flat).toContain('Decision record');
    expect(flat).toContain('2026-12-03 10:05 · Anna: ended voting “Priorytety”: 1 vote from 1 person');
    expect(flat).toContain('1. Brak środków na termomodernizację źródeł ciepła — 1 vote');
    expect(flat).toContain('The record checks out: 1 entry, each chained to the one before.');
    expect(text.split(`Record head (SHA-256): ${head}`).length - 1).toBe(2);
    // Cover, agenda, the two boards, the voting results, the decision record.
    expect(Number(pages)).toBe(6);
    if (process.env.TL_PDF_OUT) writeFileSync(process.env.TL_PDF_OUT, bytes);
  });
});
