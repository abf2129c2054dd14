import type { SessionContent } from '../model';
import barriers from '../templates/barriers-opportunities';
import stakeholders from '../templates/stakeholder-map';
import portfolio from '../templates/portfolio';
import team from '../templates/transition-team';

/**
 * Climate City Contract Action Plan tables filled from the matching canvases, with the Action
 * Plan's own column headers (../shared/data/ccc-action-plan-tables.json): from "Barriers and
 * opportunities by governance level" boards, A-3.2 from "Stakeholder map" boards, B-2.1 from
 * "Portfolio of actions" boards, B-3.1 from the indicator zones of "Transition team and
 * indicators" boards. Zones are
 * recognised by their template label in English or Polish, so a board made in either language
 * fills the same columns; unrevealed private notes are left out.
 */
export interface CccSheet {
  id: 'A-3.1' | 'A-3.2' | 'B-2.1' | 'B-3.1';
  title: string;
  columns: string[];
  rows: string[][];
}

const both = (text: { en: string; pl: string }) => [text.en, text.pl];

type Level = (level: NonNullable<SessionContent['boards'][number]['notes'][number]['level']>) => string;

export function cccSheets(content: SessionContent, levelName: Level): CccSheet[] {
  const a31: string[][] = [];
  const a32: string[][] = [];
  const b21: string[][] = [];
  const b31: string[][] = [];
  // Portfolio cells are "Field · Lever"; indicator zones are recognised by their labels.
  const portfolioLabels = new Set(portfolio.zones.flatMap((z) => both(z.label)));
  const indicatorZones = new Set(team.zones.filter((z) => /indicator/i.test(z.label.en)).flatMap((z) => both(z.label)));
  const barrierColumn = new Map<string, 'barrier' | 'opportunity'>();
  for (const zone of barriers.zones) {
    const [, column] = zone.label.en.split(' · ');
    const [, columnPl] = zone.label.pl.split(' · ');
    const kind = column === 'Barriers' ? 'barrier' : column === 'Opportunities' ? 'opportunity' : null;
    if (kind) for (const c of [column!, columnPl!]) barrierColumn.set(c, kind);
  }
  // Stakeholder quadrants: influence and interest as the Action Plan states them.
  const quadrant = new Map<string, [string, string]>();
  const grid: [string, string][] = [
    ['High', 'Low'],
    ['High', 'High'],
    ['Low', 'Low'],
    ['Low', 'High'],
  ];
  stakeholders.zones.forEach((zone, i) => both(zone.label).forEach((label) => quadrant.set(label, grid[i]!)));

  for (const { board, zones, clusters, notes } of content.boards) {
    const label = new Map(zones.map((z) => [z.id, z.label]));
    const clusterTitle = new Map(clusters.map((c) => [c.id, c.title]));
    for (const note of notes) {
      if (note.private || note.zoneId === null) continue;
      const zoneLabel = label.get(note.zoneId) ?? '';
      if (board.templateId === barriers.id) {
        const [sector, column] = zoneLabel.split(' · ');
        const kind = column ? barrierColumn.get(column) : undefined;
        if (!sector || !kind) continue;
        a31.push([sector, kind === 'barrier' ? note.text : '', kind === 'opportunity' ? note.text : '', note.level ? levelName(note.level) : '']);
      } else if (board.templateId === portfolio.id && portfolioLabels.has(zoneLabel)) {
        const [field, lever] = zoneLabel.split(' · ');
        const cluster = note.clusterId ? clusterTitle.get(note.clusterId) : '';
        b21.push([field ?? '', note.text, [lever, cluster].filter(Boolean).join(' — ')]);
      } else if (board.templateId === team.id && indicatorZones.has(zoneLabel)) {
        b31.push([zoneLabel, note.clusterId ? (clusterTitle.get(note.clusterId) ?? '') : '', `I-${b31.length + 1}`, note.text, '', '', '']);
      } else if (board.templateId === stakeholders.id) {
        const q = quadrant.get(zoneLabel);
        if (!q) continue;
        a32.push([note.clusterId ? (clusterTitle.get(note.clusterId) ?? '') : '', note.text, q[0], q[1]]);
      }
    }
  }
  return [
    { id: 'A-3.1', title: 'A-3.1: Description of urban systems, systemic barriers, and opportunities', columns: ['Sector', 'Barriers', 'Opportunities', 'Responsible level'], rows: a31 },
    {
      id: 'A-3.2',
      title: 'A-3.2: Systems & stakeholder mapping',
      columns: ['System', 'Stakeholders', "Influence on the city's climate neutrality ambition", "Interest in the city's climate neutrality ambition"],
      rows: a32,
    },
    {
      id: 'B-2.1',
      title: 'B-2.1: Description of action portfolios',
      columns: ['Fields of action', 'Portfolio description – List of actions', 'Portfolio description – Descriptions'],
      rows: b21,
    },
    {
      id: 'B-3.1',
      title: 'B-3.1: Impact pathways (indicator table)',
      columns: [
        'Early changes/ late outcomes and impacts to be evaluated by indicator)',
        'Actions from CCC AP',
        'Unique identifier',
        'Indicator name',
        'Value per indicator in 2026',
        'Value per indicator in 2028',
        'Value per indicator in 2030',
      ],
      rows: b31,
    },
  ];
}
