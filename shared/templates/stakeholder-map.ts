import { t } from './layout';

const W = 900;
const H = 640;
export default {
  id: 'stakeholder-map',
  title: t('Stakeholder map', 'Mapa interesariuszy'),
  description: t('Influence × interest: whom to manage closely, keep satisfied, keep informed or monitor.', 'Wpływ × zainteresowanie: kim zarządzać z bliska, kogo zadowalać, informować lub obserwować.'),
  kind: 'canvas',
  zones: [
    { label: t('Keep satisfied', 'Utrzymuj zadowolenie'), prompt: t('High influence, low interest', 'Duży wpływ, małe zainteresowanie'), rect: { x: 0, y: 0, w: W, h: H } },
    { label: t('Manage closely', 'Zarządzaj z bliska'), prompt: t('High influence, high interest', 'Duży wpływ, duże zainteresowanie'), rect: { x: W + 40, y: 0, w: W, h: H } },
    { label: t('Monitor', 'Obserwuj'), prompt: t('Low influence, low interest', 'Mały wpływ, małe zainteresowanie'), rect: { x: 0, y: H + 40, w: W, h: H } },
    { label: t('Keep informed', 'Informuj'), prompt: t('Low influence, high interest', 'Mały wpływ, duże zainteresowanie'), rect: { x: W + 40, y: H + 40, w: W, h: H } },
  ],
} as const;
