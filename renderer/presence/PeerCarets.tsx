import { memo, useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import type * as Y from 'yjs';
import { resolveCaret } from '../../shared/model';
import { usePresence } from './presence-context';
import type { NoteMark } from './presence-store';
import { textColourOn } from './presence-state';

const NONE: NoteMark[] = [];
/** Text layout properties the mirror copies from the field it lies over. */
const COPIED = ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'] as const;

interface Props {
  doc: Y.Doc;
  noteId: string;
  /** The element showing the note's text: the editor, or the text when nobody here edits. */
  target: RefObject<HTMLElement | null>;
  /** The text on screen: a change re-measures. */
  text: string;
}

interface Frame {
  box: CSSProperties;
  scrollTop: number;
}

/**
 * Other people's carets inside a note, as in Google Docs: a thin bar in each editor's colour with
 * their name above it. A transparent copy of the text lies exactly over the note's text (same box,
 * font and wrapping), with a marker at each caret's index, so the browser's own line breaking
 * says where the bar goes — in the editor and in the note as others see it alike.
 */
export const PeerCarets = memo(function PeerCarets({ doc, noteId, target, text }: Props) {
  const marks = usePresence((s) => s.noteMarks[noteId] ?? NONE);
  const carets = marks.flatMap((m) => {
    const index = m.caret ? resolveCaret(doc, noteId, m.caret) : null;
    return index === null ? [] : [{ ...m, index: Math.min(index, text.length) }];
  });
  const [frame, setFrame] = useState<Frame | null>(null);
  const active = carets.length > 0;

  useLayoutEffect(() => {
    const el = target.current;
    if (!el || !active) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const box: CSSProperties = { left: el.offsetLeft, top: el.offsetTop, width: el.clientWidth, height: el.clientHeight };
      for (const key of COPIED) (box as Record<string, string>)[key] = style[key];
      setFrame((prev) => (prev && JSON.stringify(prev.box) === JSON.stringify(box) && prev.scrollTop === el.scrollTop ? prev : { box, scrollTop: el.scrollTop }));
    };
    measure();
    el.addEventListener('scroll', measure);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [target, active, text]);

  if (!active || !frame) return null;
  const sorted = [...carets].sort((a, b) => a.index - b.index);
  const pieces: (string | (typeof sorted)[number])[] = [];
  let from = 0;
  for (const c of sorted) {
    pieces.push(text.slice(from, c.index), c);
    from = c.index;
  }
  pieces.push(text.slice(from));
  return (
    <div className="peer-carets" style={frame.box} aria-hidden="true">
      <div style={{ transform: `translateY(${-frame.scrollTop}px)` }}>
        {pieces.map((p, i) =>
          typeof p === 'string' ? (
            p
          ) : (
            <span key={`${p.clientId}-${i}`} className="peer-caret" style={{ borderColor: p.colour }} data-peer-caret={p.name}>
              <span className="peer-caret-name" style={{ background: p.colour, color: textColourOn(p.colour) }}>
                {p.name}
              </span>
            </span>
          ),
        )}
      </div>
    </div>
  );
});
