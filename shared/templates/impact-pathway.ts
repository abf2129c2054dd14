import { columns, t } from './layout';

export default {
  id: 'impact-pathway',
  title: t('Impact pathway', 'Ścieżka oddziaływania'),
  description: t('From actions to outcomes, emissions and co-benefits (CCC module B-1).', 'Od działań do rezultatów, emisji i korzyści dodatkowych (moduł CCC B-1).'),
  kind: 'canvas',
  zones: columns(
    [
      { label: t('Actions', 'Działania'), prompt: t('What do we do?', 'Co robimy?') },
      { label: t('Early outcomes', 'Wczesne rezultaty'), prompt: t('What changes within a year or two?', 'Co zmienia się w ciągu roku lub dwóch?') },
      { label: t('Late outcomes', 'Późne rezultaty'), prompt: t('What changes by 2030?', 'Co zmienia się do 2030 roku?') },
      { label: t('Direct impacts (emissions)', 'Bezpośrednie oddziaływanie (emisje)'), prompt: t('Which emissions fall, by how much?', 'Które emisje spadają i o ile?') },
      { label: t('Co-benefits', 'Korzyści dodatkowe'), prompt: t('Health, jobs, air, equity…', 'Zdrowie, miejsca pracy, powietrze, sprawiedliwość…') },
    ],
    { w: 480, h: 1000 },
  ),
} as const;
