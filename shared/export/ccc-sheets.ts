import type { SessionContent } from '../model';
import stakeholders from '../templates/stakeholder-map';
import { barrierZone, portfolioZone } from './canvas-zones';
import team from '../templates/transition-team';

/**
 * Climate City Contract Action Plan tables filled from the matching canvases, with the Action
 * Plan's own column headers (../shared/data/ccc-action-plan-tables.json): from "Barriers and
 * opportunities by governance level" boards, A-3.2 from "Stakeholder map" boards, B-2.1 from
 * "Portfolio of actions" boards (and, from the same boards, B-2.2 action outlines and C-1.2
 * governance innovations), B-3.1 from the indicator zones of "Transition team and
 * indicators" boards. Zones are
 * recognised by their template label in English or Polish, so a board made in either language
 * fills the same columns; unrevealed private notes are left out.
 */
export interface CccSheet {
  id: 'A-3.1' | 'A-3.2' | 'B-2.1' | 'B-2.2' | 'C-1.2' | 'B-3.1';
  title: string;
  /** Column groups above the headers, where the Action Plan has them (B-2.2): one per column. */
  groups?: string[];
  columns: string[];
  rows: string[][];
}

type Tagged = SessionContent['boards'][number]['notes'][number];
type Labels = { level: (level: NonNullable<Tagged['level']>) => string; actor: (actor: NonNullable<Tagged['actor']>) => string };

/** B-2.2 "Individual action outlines": the Action Plan's column groups and headers, in order. */
const B22: [group: string, label: string][] = [
  ['Action outline', 'Action name'],
  ['Action outline', 'Action type'],
  ['Action outline', 'Action description'],
  ['Reference to impact pathway', 'Field of action'],
  ['Reference to impact pathway', 'Systemic lever'],
  ['Reference to impact pathway', 'Outcome (according to module B-1.1)'],
  ['Implementation', 'Responsible bodies/person for implementation'],
  ['Implementation', 'Action scale & addressed entities'],
  ['Implementation', 'Involved stakeholders'],
  ['Implementation', 'Comments on implementation – consider mentioning resources, timelines, milestones'],
  ['Impact & cost', 'Generated renewable energy (if applicable)'],
  ['Impact & cost', 'Removed/substituted energy, volume, or fuel type'],
  ['Impact & cost', 'GHG emissions reduction estimate (total) per emission source sector'],
  ['Impact & cost', 'GHG emissions compensated (natural or technological sinks)'],
  ['Impact & cost', 'Total costs and costs by CO2e unit'],
];

const both = (text: { en: string; pl: string }) => [text.en, text.pl];

/**
 * Every action on a "Portfolio of actions" board is also an action outline (B-2.2): its name, its
 * cluster as the action type, the cell's field and lever, and who must act from its tags; the rest
 * (outcome, scale, impact and cost) is left for the city to fill. Actions under the governance
 * lever are the governance innovations of C-1.2, each with the field it addresses.
 */
export function cccSheets(content: SessionContent, labels: Labels): CccSheet[] {
  const levelName = labels.level;
  const a31: string[][] = [];
  const a32: string[][] = [];
  const b21: string[][] = [];
  const b31: string[][] = [];
  const b22: string[][] = [];
  const c12: string[][] = [];
  const responsible = (note: Tagged) => [note.level ? labels.level(note.level) : '', note.actor ? labels.actor(note.actor) : ''].filter(Boolean).join(' · ');
  const indicatorZones = new Set(team.zones.filter((z) => /indicator/i.test(z.label.en)).flatMap((z) => both(z.label)));
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
      const barrier = barrierZone(board.templateId, zoneLabel);
      const cell = portfolioZone(board.templateId, zoneLabel);
      if (barrier) {
        const { sector, kind } = barrier;
        a31.push([sector, kind === 'barrier' ? note.text : '', kind === 'opportunity' ? note.text : '', note.level ? levelName(note.level) : '']);
      } else if (cell) {
        const { field, lever } = cell;
        const cluster = note.clusterId ? (clusterTitle.get(note.clusterId) ?? '') : '';
        b21.push([field, note.text, [lever, cluster].filter(Boolean).join(' — ')]);
        const outline = [note.text, cluster, '', field, lever, '', responsible(note)];
        b22.push([...outline, ...Array<string>(B22.length - outline.length).fill('')]);
        if (cell.governance) c12.push([note.text, cluster, field, responsible(note), '', '']);
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
      id: 'B-2.2',
      title: 'B-2.2: Individual action outlines',
      groups: B22.map(([group]) => group),
      columns: B22.map(([, label]) => label),
      rows: b22,
    },
    {
      id: 'C-1.2',
      title: 'C.1.2: Sample Table: Relations between governance innovations, systems, and impact pathways',
      columns: ['Intervention name', 'Description', 'Systemic barriers / opportunities addressed', 'Leadership and stakeholders involved', 'Enabling impact', 'Co-benefits'],
      rows: c12,
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
