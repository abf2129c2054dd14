import type * as Y from 'yjs';
import { addBoard } from './boards';
import { initSessionMeta } from './session-meta';

/** Fills a brand-new session doc: meta plus the first board, in one transaction. */
export function createSessionContent(
  doc: Y.Doc,
  init: { title: string; firstBoardTitle: string; now: number },
): { boardId: string } {
  let boardId = '';
  doc.transact(() => {
    initSessionMeta(doc, { title: init.title, createdAt: init.now });
    boardId = addBoard(doc, { title: init.firstBoardTitle, now: init.now });
  });
  return { boardId };
}
