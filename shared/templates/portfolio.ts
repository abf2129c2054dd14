import { FIELDS } from './barriers-opportunities';
import { matrix, t } from './layout';

export default {
  id: 'portfolio',
  title: t('Portfolio of actions', 'Portfel działań'),
  description: t('Fields of action × levers of change (CCC module B-2).', 'Obszary działań × dźwignie zmiany (moduł CCC B-2).'),
  kind: 'canvas',
  zones: matrix(
    FIELDS,
    [
      { label: t('Technology and infrastructure', 'Technologia i infrastruktura'), prompt: t('What do we build or install?', 'Co budujemy lub instalujemy?') },
      { label: t('Finance and funding', 'Finanse i finansowanie'), prompt: t('What pays for it?', 'Co to sfinansuje?') },
      { label: t('Social innovation', 'Innowacje społeczne'), prompt: t('Which behaviours and communities?', 'Jakie zachowania i społeczności?') },
      { label: t('Democracy and participation', 'Demokracja i partycypacja'), prompt: t('Who decides with us?', 'Kto decyduje razem z nami?') },
      { label: t('Governance and policy', 'Zarządzanie i polityka'), prompt: t('Which rules change?', 'Które przepisy się zmieniają?') },
      { label: t('Learning and capabilities', 'Uczenie się i kompetencje'), prompt: t('Which skills do we build?', 'Jakie kompetencje budujemy?') },
    ],
    { w: 460, h: 400 },
  ),
} as const;
