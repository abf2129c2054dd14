import { columns, t } from './layout';

export default {
  id: 'transition-team',
  title: t('Transition team and indicators', 'Zespół ds. transformacji i wskaźniki'),
  description: t('Who carries the work, with which mandate, and how progress is measured (CCC B-3, C-1).', 'Kto prowadzi pracę, z jakim mandatem i jak mierzymy postęp (CCC B-3, C-1).'),
  kind: 'canvas',
  zones: [
    ...columns(
      [
        { label: t('Transition team', 'Zespół ds. transformacji'), prompt: t('Who is in it, from which department or level?', 'Kto w nim jest, z jakiego wydziału lub poziomu?') },
        { label: t('Mandate and roles', 'Mandat i role'), prompt: t('Who decides what? Who reports to whom?', 'Kto o czym decyduje? Kto komu raportuje?') },
        { label: t('Missing capacities', 'Brakujące kompetencje'), prompt: t('Skills, people or time we lack', 'Umiejętności, ludzie lub czas, których brakuje') },
      ],
      { w: 640, h: 560 },
    ),
    ...columns(
      [
        { label: t('Emission indicators', 'Wskaźniki emisji'), prompt: t('Baseline, target, who measures', 'Wartość bazowa, docelowa, kto mierzy') },
        { label: t('Co-benefit indicators', 'Wskaźniki korzyści dodatkowych'), prompt: t('Health, jobs, equity, air…', 'Zdrowie, praca, sprawiedliwość, powietrze…') },
        { label: t('Monitoring, evaluation and learning', 'Monitorowanie, ewaluacja i uczenie się'), prompt: t('When do we look back, and what do we change?', 'Kiedy się oglądamy i co zmieniamy?') },
      ],
      { y: 600, w: 640, h: 560 },
    ),
  ],
} as const;
