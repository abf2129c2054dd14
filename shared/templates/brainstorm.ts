import { t } from './layout';

export default {
  id: 'brainstorm',
  title: t('Brainstorm', 'Burza mózgów'),
  description: t('Ideas first, judgement later, with a parking lot for the rest.', 'Najpierw pomysły, ocena później; parking na resztę.'),
  kind: 'canvas',
  zones: [
    { label: t('Ideas', 'Pomysły'), prompt: t('One idea per note. Quantity first; build on each other’s ideas.', 'Jeden pomysł na karteczkę. Najpierw ilość; rozwijajcie pomysły innych.'), rect: { x: 0, y: 0, w: 1560, h: 1000 } },
    { label: t('Parking lot', 'Parking'), prompt: t('Questions and ideas for later.', 'Pytania i pomysły na później.'), rect: { x: 1600, y: 0, w: 520, h: 1000 } },
  ],
} as const;
