import type * as Y from 'yjs';
import { addBoard } from './boards';
import { addFacilitator } from './facilitators';
import { initSessionMeta, type SessionMetaPatch } from './session-meta';

/**
 * Fills a brand-new session doc: meta, the creator as facilitator, and the first board, in one
 * transaction. Deliberately not under LOCAL_ORIGIN at the outer level, so creation is never undone.
 */
export function createSessionContent(
  doc: Y.Doc,
  init: { title: string; firstBoardTitle: string; now: number; facilitatorId?: string; facilitatorName?: string; meta?: SessionMetaPatch },
): { boardId: string } {
  let boardId = '';
  doc.transact(() => {
    initSessionMeta(doc, { ...init.meta, title: init.title, createdAt: init.now, facilitatorName: init.facilitatorName ?? init.meta?.facilitatorName });
    if (init.facilitatorId) addFacilitator(doc, init.facilitatorId, { clientId: init.facilitatorId, name: init.facilitatorName ?? '', now: init.now });
    boardId = addBoard(doc, { title: init.firstBoardTitle, now: init.now });
  });
  return { boardId };
}
