import { t } from './layout';

export default {
  id: 'blank',
  title: t('Blank board', 'Pusta tablica'),
  description: t('An empty board for anything.', 'Pusta tablica na wszystko.'),
  kind: 'free',
  zones: [],
} as const;
