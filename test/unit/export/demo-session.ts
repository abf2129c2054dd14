import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { addBoardFromTemplate } from '../../../shared/templates/apply';
import { builtInTemplate } from '../../../shared/templates';

/**
 * A demo lab built from real Climate City Contract rows (../shared/data): Warsaw's systemic
 * barriers and opportunities on a Polish "Bariery i szanse" canvas, its stakeholders
 * on a stakeholder map, its action portfolio (B-2.1) and governance innovations (C-1.2) on a
 * portfolio canvas, an agenda, a dot vote by national, regional and city voters, and the decision
 * record of the day.
 * Times are fixed so its CSV and Markdown come out the same on every run.
 */
interface Row {
  city: string;
  field_of_action?: string;
  action?: string;
  description?: string;
  intervention_name?: string;
  type?: string;
  text?: string;
  system?: string;
  stakeholder?: string;
  influence?: string;
  interest?: string;
}

/** Warsaw's rows, copied from the project's shared CCC data into the repository (CI has only the repository). */
const DATA = 'test/fixtures/ccc-warszawa.json';
const T0 = Date.UTC(2026, 10, 26, 9, 0);

function sectorOf(text: string): string {
  const t = text.toLowerCase();
  if (/energy|heat|power|renewable/.test(t)) return 'Systemy energetyczne';
  if (/transport|mobility|car|traffic/.test(t)) return 'Mobilność i transport';
  if (/waste|circular/.test(t)) return 'Odpady i gospodarka obiegu zamkniętego';
  if (/green|nature|tree/.test(t)) return 'Zielona infrastruktura i rozwiązania oparte na przyrodzie';
  return 'Budynki';
}

function level(text: string | undefined): 'High' | 'Low' {
  return /^(high|very high|strong|significant)/i.test((text ?? '').trim()) ? 'High' : 'Low';
}

export function demoSession(dataPath = DATA): { doc: Y.Doc; sessionId: string } {
  const tables = JSON.parse(readFileSync(dataPath, 'utf8')).tables as Record<string, { rows: Row[] }>;
  const doc = new Y.Doc();
  doc.clientID = 1;
  M.createSessionContent(doc, { title: 'Warszawa — laboratorium transformacji (demo)', firstBoardTitle: 'Powitanie', now: T0, facilitatorId: 'demo-facilitator', facilitatorName: 'Anna' });
  M.updateSessionMeta(doc, { date: '2026-11-26', place: 'Warszawa', lab: 'Krajowe laboratorium transformacji PL', country: 'PL', language: 'pl' });
  const barriers = addBoardFromTemplate(doc, builtInTemplate('barriers-opportunities')!, { language: 'pl', now: T0 + 1 });
  const stakeholders = addBoardFromTemplate(doc, builtInTemplate('stakeholder-map')!, { language: 'en', now: T0 + 2 });
  const zones = M.listZones(doc, barriers);
  const placed = new Map<string, number>();
  const put = (boardId: string, zoneLabel: string, text: string, extra: Partial<M.NewNote>, i: number) => {
    const zone = M.listZones(doc, boardId).find((z) => z.label === zoneLabel)!;
    const k = placed.get(zone.id) ?? 0;
    placed.set(zone.id, k + 1);
    return M.addNote(doc, { boardId, pos: { x: zone.rect.x + 16 + (k % 2) * 240, y: zone.rect.y + 70 + Math.floor(k / 2) * 110 }, size: { w: 220, h: 100 }, now: T0 + 10 + i, text, ...extra });
  };
  const levels = ['national', 'regional', 'local'] as const;
  const ids: string[] = [];
  tables['A-3.1']!.rows
    .filter((r) => r.city === 'Warszawa' && r.text)
    .forEach((r, i) => {
      const column = r.type === 'opportunity' ? 'Szanse' : 'Bariery';
      const label = `${sectorOf(r.text!)} · ${column}`;
      if (!zones.some((z) => z.label === label)) return;
      ids.push(put(barriers, label, r.text!, { authorName: ['Ola', 'Jan', 'Ewa'][i % 3], level: levels[i % 3], colour: column === 'Szanse' ? 'green' : 'pink' }, i));
    });
  const quadrant = { 'High High': 'Manage closely', 'High Low': 'Keep satisfied', 'Low High': 'Keep informed', 'Low Low': 'Monitor' } as const;
  tables['A-3.2']!.rows
    .filter((r) => r.city === 'Warszawa' && r.stakeholder)
    .forEach((r, i) => put(stakeholders, quadrant[`${level(r.influence)} ${level(r.interest)}`], `${r.stakeholder} (${r.system})`, { authorName: 'Anna', actor: 'public-authority' }, 100 + i));

  const agenda = [
    ['Powitanie i cele', 15],
    ['Bariery i szanse', 40],
    ['Mapa interesariuszy', 30],
    ['Głosowanie kropkami', 15],
  ] as const;
  agenda.forEach(([title, minutes], i) => {
    const id = M.addAgendaItem(doc, { title, minutes, boardId: i === 1 ? barriers : i === 2 ? stakeholders : null });
    M.startAgendaItem(doc, id, T0 + i * 45 * 60_000);
  });
  M.finishAgendaItem(doc, M.listAgenda(doc).at(-1)!.id, T0 + 3 * 45 * 60_000 + 17 * 60_000);

  // Warsaw's action portfolio (B-2.1) and its governance innovations (C-1.2) on a portfolio canvas.
  const portfolio = addBoardFromTemplate(doc, builtInTemplate('portfolio')!, { language: 'en', now: T0 + 3 });
  const fieldOf = (text: string) => (/transport/i.test(text) ? 'Mobility and transport' : /waste|goz|circular/i.test(text) ? 'Waste and circular economy' : 'Buildings');
  tables['B-2.1']!.rows.forEach((r, i) =>
    put(portfolio, `${fieldOf(r.field_of_action!)} · Technology and infrastructure`, r.action!, { authorName: 'Jan', level: 'local', actor: 'public-authority', colour: 'blue' }, 200 + i),
  );
  tables['C-1.2']!.rows.forEach((r, i) =>
    put(portfolio, 'Buildings · Governance and policy', r.intervention_name!.replace(/\.$/, ''), { authorName: 'Ewa', level: i === 1 ? 'national' : 'local', actor: 'public-authority', colour: 'purple' }, 300 + i),
  );

  const round = M.createVotingRound(doc, { title: 'Priorytety', now: T0 + 200, budget: 3, scope: { boardIds: [barriers] } });
  M.openVotingRound(doc, round);
  for (let v = 0; v < 12; v++) for (let k = 0; k < 3; k++) M.castVote(doc, { roundId: round, voterId: `voter-${v}`, noteId: ids[(v * 5 + k * 3) % ids.length]!, level: levels[v % 3] });
  M.closeVotingRound(doc, round);

  // The decision record as the facilitator's controls would have written it during the day.
  const anna = { id: 'demo-facilitator', name: 'Anna' };
  M.listAgenda(doc).forEach((item, i) => {
    if (i === 3) M.recordDecision(doc, anna, T0 + 2 * 45 * 60_000 + 35 * 60_000, { kind: 'zoneLocked', zoneId: M.listZones(doc, barriers)[0]!.id });
    M.recordDecision(doc, anna, T0 + i * 45 * 60_000, { kind: 'activityStarted', itemId: item.id });
  });
  M.recordDecision(doc, anna, T0 + 3 * 45 * 60_000 + 16 * 60_000, { kind: 'votingEnded', roundId: round });
  M.recordDecision(doc, anna, T0 + 3 * 45 * 60_000 + 17 * 60_000, { kind: 'activityFinished', itemId: M.listAgenda(doc).at(-1)!.id });
  return { doc, sessionId: 'demo-warszawa' };
}
