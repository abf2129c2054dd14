import type { SessionContent } from '../model';
import barriers from '../templates/barriers-opportunities';
import stakeholders from '../templates/stakeholder-map';

/**
 * Climate City Contract Action Plan tables filled from the matching canvases, with the Action
 * Plan's own column headers (../shared/data/ccc-action-plan-tables.json): from "Barriers and
 * opportunities by governance level" boards, A-3.2 from "Stakeholder map" boards. Zones are
 * recognised by their template label in English or Polish, so a board made in either language
 * fills the same columns; unrevealed private notes are left out.
 */
export interface CccSheet {
  id: 'A-3.1' | 'A-3.2';
  title: string;
  columns: string[];
  rows: string[][];
}

const both = (text: { en: string; pl: string }) => [text.en, text.pl];

type Level = (level: NonNullable<SessionContent['boards'][number]['notes'][number]['level']>) => string;

export function cccSheets(content: SessionContent, levelName: Level): CccSheet[] {
  const a31: string[][] = [];
  const a32: string[][] = [];
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
  ];
}
