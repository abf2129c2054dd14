import { columns, t } from './layout';

export default {
  id: 'financing',
  title: t('Financing canvas', 'Kanwa finansowania'),
  description: t('Investment needs against the money that could meet them (CCC Investment Plan).', 'Potrzeby inwestycyjne wobec środków, które mogą je pokryć (plan inwestycyjny CCC).'),
  kind: 'canvas',
  zones: [
    ...columns(
      [
        { label: t('Investment needs', 'Potrzeby inwestycyjne'), prompt: t('What must be financed, roughly how much?', 'Co trzeba sfinansować i mniej więcej za ile?') },
        { label: t('EU funds', 'Fundusze UE'), prompt: t('Cohesion, Horizon, LIFE, RRF…', 'Spójność, Horyzont, LIFE, KPO…') },
        { label: t('National and regional funds', 'Środki krajowe i regionalne'), prompt: t('Programmes, development banks', 'Programy, banki rozwoju') },
        { label: t('Municipal budget', 'Budżet miasta'), prompt: t('Own revenue, borrowing capacity', 'Dochody własne, zdolność kredytowa') },
        { label: t('Private and blended finance', 'Finansowanie prywatne i mieszane'), prompt: t('PPP, ESCO, green bonds, citizens', 'PPP, ESCO, zielone obligacje, mieszkańcy') },
      ],
      { w: 480, h: 620 },
    ),
    ...columns(
      [
        { label: t('Financing gaps and barriers', 'Luki i bariery finansowe'), prompt: t('What stops money reaching the projects?', 'Co blokuje dopływ pieniędzy do projektów?') },
        { label: t('Next steps and owners', 'Kolejne kroki i odpowiedzialni'), prompt: t('Who does what by when?', 'Kto co robi i do kiedy?') },
      ],
      { y: 660, w: 1240, h: 460 },
    ),
  ],
} as const;
