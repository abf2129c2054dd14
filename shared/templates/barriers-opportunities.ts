import { matrix, t } from './layout';

export const FIELDS = [
  { label: t('Buildings', 'Budynki') },
  { label: t('Energy systems', 'Systemy energetyczne') },
  { label: t('Mobility and transport', 'Mobilność i transport') },
  { label: t('Waste and circular economy', 'Odpady i gospodarka obiegu zamkniętego') },
  { label: t('Green infrastructure and nature-based solutions', 'Zielona infrastruktura i rozwiązania oparte na przyrodzie') },
];

export default {
  id: 'barriers-opportunities',
  title: t('Barriers and opportunities by governance level', 'Bariery i szanse według poziomów zarządzania'),
  description: t('Per sector: what blocks it, what could help, who can unlock it, what to ask of the level above.', 'Dla każdego sektora: co blokuje, co pomaga, kto może odblokować, o co prosić wyższy poziom.'),
  kind: 'canvas',
  zones: matrix(
    FIELDS,
    [
      { label: t('Barriers', 'Bariery'), prompt: t('What blocks it? Tag the level it sits at.', 'Co blokuje? Oznacz poziom, na którym leży.') },
      { label: t('Opportunities', 'Szanse'), prompt: t('What could speed it up?', 'Co mogłoby przyspieszyć?') },
      { label: t('Who can unlock it', 'Kto może odblokować'), prompt: t('Which actor, at which level?', 'Który podmiot, na jakim poziomie?') },
      { label: t('Ask to the higher level', 'Prośba do wyższego poziomu'), prompt: t('What do we need from region, state or EU?', 'Czego potrzebujemy od regionu, państwa lub UE?') },
    ],
    { w: 520, h: 420 },
  ),
} as const;
