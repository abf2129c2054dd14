import { columns, t } from './layout';

export default {
  id: 'x-curve',
  title: t('X-curve', 'Krzywa X'),
  description: t('What is being built up and what must be broken down, phase by phase.', 'Co powstaje, a co musi zostać wygaszone — faza po fazie.'),
  kind: 'canvas',
  zones: [
    ...columns(
      [
        { label: t('Build-up: experimenting', 'Budowa: eksperymentowanie'), prompt: t('Niches, pilots, first movers', 'Nisze, pilotaże, pionierzy') },
        { label: t('Build-up: accelerating', 'Budowa: przyspieszanie'), prompt: t('What spreads and scales?', 'Co się upowszechnia i skaluje?') },
        { label: t('Build-up: institutionalising', 'Budowa: instytucjonalizacja'), prompt: t('What becomes rules, budgets, routine?', 'Co staje się przepisami, budżetem, rutyną?') },
      ],
      { w: 720, h: 560 },
    ),
    ...columns(
      [
        { label: t('Breakdown: destabilising', 'Wygaszanie: destabilizacja'), prompt: t('What old practice is starting to crack?', 'Która stara praktyka zaczyna pękać?') },
        { label: t('Breakdown: chaos', 'Wygaszanie: chaos'), prompt: t('Where will it hurt, and whom?', 'Gdzie zaboli i kogo?') },
        { label: t('Breakdown: phasing out', 'Wygaszanie: wycofanie'), prompt: t('What must end, and how do we care for those affected?', 'Co musi się skończyć i jak zadbać o dotkniętych?') },
      ],
      { y: 620, w: 720, h: 560 },
    ),
  ],
} as const;
