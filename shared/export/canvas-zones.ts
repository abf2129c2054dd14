import barriers from '../templates/barriers-opportunities';
import portfolio from '../templates/portfolio';
import pathway from '../templates/impact-pathway';

/**
 * What a canvas zone means, read from its label as the template wrote it in English or Polish, so
 * a board made in either language lands in the same CCC column and the same combined table.
 */
const both = (text: { en: string; pl: string }) => [text.en, text.pl];

const barrierCells = new Map<string, { sector: string; kind: 'barrier' | 'opportunity' }>();
for (const zone of barriers.zones) {
  for (const label of both(zone.label)) {
    const [sector, column] = label.split(' · ');
    const kind = zone.label.en.endsWith(' · Barriers') ? 'barrier' : zone.label.en.endsWith(' · Opportunities') ? 'opportunity' : null;
    if (sector && column && kind) barrierCells.set(label, { sector, kind });
  }
}

const portfolioCells = new Map<string, { field: string; lever: string; governance: boolean }>();
for (const zone of portfolio.zones) {
  for (const label of both(zone.label)) {
    const [field, lever] = label.split(' · ');
    if (field && lever) portfolioCells.set(label, { field, lever, governance: / · Governance/.test(zone.label.en) });
  }
}

const actionColumns = new Set(pathway.zones.filter((z) => z.label.en === 'Actions').flatMap((z) => both(z.label)));

/** A cell of "Barriers and opportunities by governance level": its sector and column. */
export function barrierZone(templateId: string | null, label: string): { sector: string; kind: 'barrier' | 'opportunity' } | null {
  return templateId === barriers.id ? (barrierCells.get(label) ?? null) : null;
}

/** A cell of "Portfolio of actions": field of action × lever of change (governance: the C-1 lever). */
export function portfolioZone(templateId: string | null, label: string): { field: string; lever: string; governance: boolean } | null {
  return templateId === portfolio.id ? (portfolioCells.get(label) ?? null) : null;
}

/** Notes that are actions: any portfolio cell, or the Actions column of an impact pathway. */
export function isActionZone(templateId: string | null, label: string): boolean {
  return portfolioZone(templateId, label) !== null || (templateId === pathway.id && actionColumns.has(label));
}
