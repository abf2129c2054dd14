import type { CSSProperties } from 'react';

/**
 * A note's whole text, shown beside it on hover or keyboard focus when the note itself shows only
 * the start with an ellipsis (the stylesheet decides when it is visible). Screen readers already
 * get the whole text as the note's name, so this copy is for the eyes only.
 */
export function NoteFullText({ text, zoom }: { text: string; zoom: number }) {
  // Readable whatever the zoom, like the presence badges.
  const style: CSSProperties = { transform: `scale(${Math.min(2.5, Math.max(1, 1 / zoom))})` };
  return (
    <div className="note-fulltext" aria-hidden="true" style={style}>
      {text}
    </div>
  );
}
