import { parseHubDocumentName } from '../../shared/protocol/hub';
import type { Lab, Principal } from './hub-store';

export type DocumentAccess = 'write' | 'read' | null;

/**
 * What `who` may do with the document `name` (of `lab`, read from the store): a lab writes its own sessions and nothing else; a
 * coordinator reads the sessions of its country's labs (or every lab's); anything else is refused,
 * including names that are not `<labId>/<sessionId>`.
 */
export function documentAccess(who: Principal, name: string, lab: Lab | null): DocumentAccess {
  const parsed = parseHubDocumentName(name);
  if (!parsed) return null;
  if (who.kind === 'lab') return parsed.labId === who.lab.id ? 'write' : null;
  // `lab`: the document's lab as the store knows it (null: no such lab).
  if (!lab || lab.id !== parsed.labId) return null;
  return who.country === null || who.country === lab.country ? 'read' : null;
}
