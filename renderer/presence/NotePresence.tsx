import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardZoom } from '../state/board-zoom';
import { textColourOn } from './presence-state';
import { usePresence } from './presence-context';
import type { NoteMark } from './presence-store';

const NONE: NoteMark[] = [];

/**
 * Outline and name badge on a note someone else is editing or has selected. Subscribes to this
 * note's marks only, so other people's cursors and other notes never re-render it; and to the
 * zoom only while it shows a mark, so a pinch does not re-render every note's empty one.
 */
export const NotePresence = memo(function NotePresence({ noteId, boardId }: { noteId: string; boardId: string }) {
  const marks = usePresence((s) => s.noteMarks[noteId] ?? NONE);
  return marks.length === 0 ? null : <NoteMarks marks={marks} boardId={boardId} />;
});

function NoteMarks({ marks, boardId }: { marks: NoteMark[]; boardId: string }) {
  const { t } = useTranslation();
  const zoom = useBoardZoom(boardId);
  const first = marks[0]!;
  const name = first.name || t('presence.guest');
  const text = first.kind === 'editing' ? t('presence.editing', { name }) : name;
  const title = marks
    .map((m) => t(m.kind === 'editing' ? 'presence.editing' : 'presence.selected', { name: m.name || t('presence.guest') }))
    .join('\n');
  // Badges keep a readable size on screen whatever the zoom (within reason).
  const scale = Math.min(2.5, 1 / zoom);
  return (
    <>
      <span className="note-presence-outline" style={{ borderColor: first.colour, borderWidth: 3 * Math.min(2.5, 1 / zoom) }} aria-hidden="true" />
      <span
        className="note-presence-badge"
        data-kind={first.kind}
        style={{ background: first.colour, color: textColourOn(first.colour), transform: `translateY(55%) scale(${scale})` }}
        title={title}
      >
        {text}
        {marks.length > 1 && <span className="note-presence-more">{t('presence.more', { count: marks.length - 1 })}</span>}
      </span>
    </>
  );
}
