import type { LocalText, TemplateZone } from './schema';

/** A row of columns, each `w` wide, `h` tall, with `gap` between them, from (x, y). */
export function columns(items: readonly { label: LocalText; prompt: LocalText }[], opts: { x?: number; y?: number; w: number; h: number; gap?: number }): TemplateZone[] {
  const { x = 0, y = 0, w, h, gap = 40 } = opts;
  return items.map((item, i) => ({ ...item, rect: { x: x + i * (w + gap), y, w, h } }));
}

/** A stack of rows (swimlanes), each `w` wide and `h` tall. */
export function rows(items: readonly { label: LocalText; prompt: LocalText }[], opts: { x?: number; y?: number; w: number; h: number; gap?: number }): TemplateZone[] {
  const { x = 0, y = 0, w, h, gap = 30 } = opts;
  return items.map((item, i) => ({ ...item, rect: { x, y: y + i * (h + gap), w, h } }));
}

/**
 * A matrix: one zone per (row, column), labelled "row · column" so each cell says what it is on
 * its own (a screen reader reads one zone at a time, and the label is the zone's name).
 */
export function matrix(
  rowItems: readonly { label: LocalText }[],
  columnItems: readonly { label: LocalText; prompt: LocalText }[],
  opts: { w: number; h: number; gap?: number },
): TemplateZone[] {
  const { w, h, gap = 30 } = opts;
  return rowItems.flatMap((r, ri) =>
    columnItems.map((c, ci) => ({
      label: { en: `${r.label.en} · ${c.label.en}`, pl: `${r.label.pl} · ${c.label.pl}` },
      prompt: c.prompt,
      rect: { x: ci * (w + gap), y: ri * (h + gap), w, h },
    })),
  );
}

export const t = (en: string, pl: string): LocalText => ({ en, pl });
export const none: LocalText = { en: '', pl: '' };
