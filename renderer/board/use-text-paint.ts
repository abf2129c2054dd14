import { useLayoutEffect, useMemo, type RefObject } from 'react';
import type * as Y from 'yjs';
import { noteText, shownText } from '../../shared/model';

/**
 * Writes a note's new words straight into its text element as soon as the doc has them — inside
 * the transaction that applied a peer's edit, before the update is forwarded, stored or rendered —
 * so they are on screen at the next paint. The note's React render follows in the next task
 * (use-note.ts) and finds the same words there. Only words replacing words: the empty-note
 * placeholder and everything around the text stay React's.
 *
 * `record` changes when the note's record is replaced (a remote overwrite brings a new Y.Text).
 */
export function useTextPaint(doc: Y.Doc, noteId: string, record: unknown, target: RefObject<HTMLElement | null>): void {
  const text = useMemo(() => noteText(doc, noteId), [doc, noteId, record]);
  useLayoutEffect(() => {
    if (!text) return;
    const paint = () => {
      const el = target.current;
      if (!el || el.classList.contains('placeholder')) return;
      const words = shownText(text.toString());
      if (words.trim() && el.textContent !== words) el.textContent = words;
    };
    text.observe(paint);
    return () => text.unobserve(paint);
  }, [text, target]);
}
