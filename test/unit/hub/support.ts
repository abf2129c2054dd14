import * as Y from 'yjs';
import * as M from '../../../shared/model';

/** A session doc as a facilitator's app has it: meta, one board, some notes. */
export function labSession(title: string, notes: string[]): { doc: Y.Doc; boardId: string } {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title, firstBoardTitle: 'Barriers', now: Date.now() });
  notes.forEach((text, i) => M.addNote(doc, { boardId, pos: { x: i * 220, y: 0 }, now: Date.now(), text }));
  return { doc, boardId };
}

export const noteTexts = (doc: Y.Doc): string[] =>
  M.readSession(doc)
    .boards.flatMap((b) => b.notes.map((n) => n.text))
    .sort();

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

