import { matrix, t } from './layout';

export default {
  id: 'multi-level-commitments',
  title: t('Multi-level commitments', 'Zobowiązania wielopoziomowe'),
  description: t('What each level has committed, what is still needed, and on what condition (CCC Commitments).', 'Do czego zobowiązał się każdy poziom, czego jeszcze potrzeba i pod jakim warunkiem (zobowiązania CCC).'),
  kind: 'canvas',
  zones: matrix(
    [{ label: t('EU', 'UE') }, { label: t('National', 'Krajowy') }, { label: t('Regional', 'Regionalny') }, { label: t('City', 'Miasto') }, { label: t('Other signatories', 'Inni sygnatariusze') }],
    [
      { label: t('Already committed', 'Już zobowiązane'), prompt: t('Signed, budgeted, in law', 'Podpisane, w budżecie, w przepisach') },
      { label: t('Still needed', 'Jeszcze potrzebne'), prompt: t('What commitment would unlock the most?', 'Które zobowiązanie odblokowałoby najwięcej?') },
      { label: t('Conditions', 'Warunki'), prompt: t('What does this level need in return?', 'Czego ten poziom potrzebuje w zamian?') },
    ],
    { w: 640, h: 360 },
  ),
} as const;
