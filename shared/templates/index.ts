import barriersOpportunities from './barriers-opportunities';
import blank from './blank';
import brainstorm from './brainstorm';
import climateTransitionMap from './climate-transition-map';
import financing from './financing';
import impactPathway from './impact-pathway';
import multiLevelCommitments from './multi-level-commitments';
import multiLevelGovernance from './multi-level-governance';
import portfolio from './portfolio';
import { parseTemplate, type Template } from './schema';
import stakeholderMap from './stakeholder-map';
import transitionTeam from './transition-team';
import xCurve from './x-curve';

export { parseTemplate, TEMPLATE_EXTENT, type LocalText, type Template, type TemplateZone } from './schema';
export { inLanguage } from './words';
export { addBoardFromTemplate, duplicateBoard, sessionTemplates, shareTemplate, templateFromBoard } from './apply';

/** The gallery, in the order a half-day lab usually meets them; each one checked as it loads. */
export const BUILT_IN_TEMPLATES: readonly Template[] = [
  blank,
  brainstorm,
  climateTransitionMap,
  multiLevelGovernance,
  stakeholderMap,
  barriersOpportunities,
  xCurve,
  impactPathway,
  portfolio,
  multiLevelCommitments,
  financing,
  transitionTeam,
].map(parseTemplate);

export function builtInTemplate(id: string): Template | null {
  return BUILT_IN_TEMPLATES.find((tpl) => tpl.id === id) ?? null;
}
