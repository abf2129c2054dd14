import { columns, t } from './layout';

const phases = [
  { label: t('1 Build a strong mandate', '1 Zbudowanie silnego mandatu'), prompt: t('Who gives the mandate? What political commitment exists?', 'Kto daje mandat? Jakie jest zobowiązanie polityczne?') },
  { label: t('2 Understand the system', '2 Zrozumienie systemu'), prompt: t('Emissions, actors, barriers: what do we know, what is missing?', 'Emisje, aktorzy, bariery: co wiemy, czego brakuje?') },
  { label: t('3 Co-design a portfolio', '3 Współprojektowanie portfela'), prompt: t('Which actions, together, shift the system?', 'Które działania razem zmieniają system?') },
  { label: t('4 Act', '4 Działanie'), prompt: t('What starts now, and who leads it?', 'Co zaczyna się teraz i kto tym kieruje?') },
  { label: t('5 Learn and reflect', '5 Uczenie się i refleksja'), prompt: t('How will we know it works? What do we adjust?', 'Skąd będziemy wiedzieć, że działa? Co korygujemy?') },
  { label: t('6 Make it the new normal', '6 Nowa norma'), prompt: t('What must become routine, in budgets and rules?', 'Co musi stać się rutyną w budżetach i przepisach?') },
];

export default {
  id: 'climate-transition-map',
  title: t('Climate Transition Map journey', 'Mapa transformacji klimatycznej'),
  description: t('NetZeroCities’ six phases, with the inclusive ecosystem across all of them.', 'Sześć faz NetZeroCities i włączający ekosystem we wszystkich.'),
  kind: 'canvas',
  zones: [
    ...columns(phases, { w: 440, h: 900 }),
    {
      label: t('Activating an inclusive ecosystem for change', 'Aktywizacja włączającego ekosystemu zmiany'),
      prompt: t('Who must be on board in every phase, and how do we keep them there?', 'Kto musi być zaangażowany w każdej fazie i jak go utrzymać?'),
      rect: { x: 0, y: 940, w: 6 * 440 + 5 * 40, h: 380 },
    },
  ],
} as const;
