import { rows, t } from './layout';

const lanes = [
  { label: t('EU', 'UE'), prompt: t('Commission, Mission platform, EU funds', 'Komisja, platforma Misji, fundusze UE') },
  { label: t('National', 'Krajowy'), prompt: t('Ministries, national agencies, laws', 'Ministerstwa, agencje krajowe, ustawy') },
  { label: t('Regional', 'Regionalny'), prompt: t('Regions, regional programmes, energy agencies', 'Regiony, programy regionalne, agencje energetyczne') },
  { label: t('Municipal', 'Gminny'), prompt: t('City council, departments, municipal companies', 'Rada miasta, wydziały, spółki miejskie') },
  { label: t('City transition team', 'Miejski zespół ds. transformacji'), prompt: t('Who coordinates the Mission work day to day?', 'Kto na co dzień koordynuje prace Misji?') },
  { label: t('Non-state actors', 'Podmioty niepubliczne'), prompt: t('Business, universities, NGOs, citizens', 'Biznes, uczelnie, NGO, mieszkańcy') },
];

const gaps = [
  { label: t('Information gap', 'Luka informacyjna'), prompt: t('Who lacks which data?', 'Komu brakuje jakich danych?') },
  { label: t('Capacity gap', 'Luka kompetencyjna'), prompt: t('Skills, staff, time', 'Umiejętności, ludzie, czas') },
  { label: t('Fiscal gap', 'Luka fiskalna'), prompt: t('Revenue that does not match tasks', 'Dochody niedopasowane do zadań') },
  { label: t('Administrative gap', 'Luka administracyjna'), prompt: t('Borders that do not match the problem', 'Granice niedopasowane do problemu') },
  { label: t('Policy gap', 'Luka polityczna'), prompt: t('Sector silos, conflicting rules', 'Silosy sektorowe, sprzeczne przepisy') },
  { label: t('Objective gap', 'Luka celów'), prompt: t('Levels pursuing different goals', 'Poziomy realizujące różne cele') },
  { label: t('Accountability gap', 'Luka odpowiedzialności'), prompt: t('Nobody answers for the result', 'Nikt nie odpowiada za wynik') },
];

export default {
  id: 'multi-level-governance',
  title: t('Multi-level governance map', 'Mapa zarządzania wielopoziomowego'),
  description: t('Who acts at which level, and where the OECD governance gaps open.', 'Kto działa na jakim poziomie i gdzie otwierają się luki OECD.'),
  kind: 'canvas',
  zones: [...rows(lanes, { w: 2200, h: 300 }), ...rows(gaps, { x: 2260, w: 520, h: 230, gap: 20 })],
} as const;
