import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, builtInTemplate, parseTemplate, TEMPLATE_EXTENT } from '../../../shared/templates';

const GALLERY = [
  'Blank board',
  'Brainstorm',
  'Climate Transition Map journey',
  'Multi-level governance map',
  'Stakeholder map',
  'Barriers and opportunities by governance level',
  'X-curve',
  'Impact pathway',
  'Portfolio of actions',
  'Multi-level commitments',
  'Financing canvas',
  'Transition team and indicators',
];

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('built-in templates', () => {
  it('are the twelve the gallery promises, in order, each valid', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.title.en)).toEqual(GALLERY);
    for (const t of BUILT_IN_TEMPLATES) expect(() => parseTemplate(t)).not.toThrow();
  });

  it('have every title, description, zone label and prompt in English and Polish, and Polish differs from English', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const text of [t.title, t.description, ...t.zones.flatMap((z) => [z.label, z.prompt])]) {
        expect(text.en.trim(), `${t.id}: ${text.en}`).not.toBe('');
        expect(text.pl.trim(), `${t.id}: ${text.en} (pl)`).not.toBe('');
      }
      expect(t.title.pl).not.toBe(t.title.en);
    }
  });

  it('keep zones inside the board and never on top of each other', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const [i, a] of t.zones.entries()) {
        expect(a.rect.x + a.rect.w).toBeLessThanOrEqual(TEMPLATE_EXTENT);
        for (const b of t.zones.slice(i + 1)) expect(overlaps(a.rect, b.rect), `${t.id}: ${a.label.en} / ${b.label.en}`).toBe(false);
      }
    }
  });

  it('follow DOMAIN.md: governance swimlanes and OECD gaps; influence × interest; sectors × four questions', () => {
    const mlg = builtInTemplate('multi-level-governance')!.zones.map((z) => z.label.en);
    expect(mlg.slice(0, 6)).toEqual(['EU', 'National', 'Regional', 'Municipal', 'City transition team', 'Non-state actors']);
    expect(mlg).toEqual(expect.arrayContaining(['Information gap', 'Capacity gap', 'Fiscal gap', 'Administrative gap', 'Policy gap']));
    expect(builtInTemplate('stakeholder-map')!.zones.map((z) => z.label.en).sort()).toEqual(['Keep informed', 'Keep satisfied', 'Manage closely', 'Monitor']);
    const bo = builtInTemplate('barriers-opportunities')!.zones.map((z) => z.label.en);
    expect(bo).toHaveLength(20);
    expect(bo).toContain('Mobility and transport · Ask to the higher level');
    expect(builtInTemplate('portfolio')!.zones).toHaveLength(30);
  });
});

describe('parseTemplate', () => {
  const good = { id: 'mine', title: { en: 'Mine', pl: 'Moja' }, description: { en: 'd', pl: 'o' }, kind: 'canvas', zones: [{ label: { en: 'A', pl: 'A' }, prompt: { en: '', pl: '' }, rect: { x: 0, y: 0, w: 400, h: 300 } }] };

  it('accepts a well-formed template', () => {
    expect(parseTemplate(good).zones).toHaveLength(1);
  });

  it('refuses a malformed one and says where', () => {
    expect(() => parseTemplate({ ...good, title: { en: 'Mine' } })).toThrow(/title/);
    expect(() => parseTemplate({ ...good, zones: [{ ...good.zones[0], rect: { x: -5, y: 0, w: 400, h: 300 } }] })).toThrow(/rect/);
    expect(() => parseTemplate({ ...good, zones: [] })).toThrow(/canvas needs zones/);
    expect(() => parseTemplate({ ...good, extra: 1 })).toThrow(/Invalid template/);
    expect(() => parseTemplate(null)).toThrow(/Invalid template/);
  });
});
