import { memo, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Size } from '../../shared/model';
import type { DenyReason } from '../../shared/model/policy';
import { NotePresence } from '../presence/NotePresence';
import { useBoardUi } from '../state/board-ui';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { NoteEditor } from './NoteEditor';
import { NoteFullText } from './NoteFullText';
import { NoteResizeHandle } from './NoteResizeHandle';
import { NoteToolbar } from './NoteToolbar';
import { useFitText } from './use-fit-text';
import { useNote } from './use-note';

interface Props {
  noteId: string;
  zoom: number;
  onDeleted: () => void;
  /** A key press asked for something the policy refuses: the board says why. */
  onRefused: (reason: DenyReason) => void;
}

/** Screen pixels a press may wander before it counts as a drag rather than a click. */
const DRAG_THRESHOLD = 3;
const ARROW_STEP = 10;

export const StickyNote = memo(function StickyNote({ noteId, zoom, onDeleted, onRefused }: Props) {
  const { t } = useTranslation();
  const { doc, actions } = useWorkshop();
  const note = useNote(doc, noteId);
  const canEdit = useCan('editNote', { noteId });
  const canMove = useCan('moveNote', { noteId });
  const canDelete = useCan('deleteNote', { noteId });
  const selected = useBoardUi((s) => s.selectedNoteId === noteId);
  const editing = useBoardUi((s) => s.editingNoteId === noteId);
  const { select, startEditing } = useBoardUi.getState();
  const articleRef = useRef<HTMLElement>(null);
  const authorId = useId();
  const drag = useRef<{ pointerId: number; startX: number; startY: number; moved: boolean } | null>(null);
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null);
  const [sizePreview, setSizePreview] = useState<Size | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const size = sizePreview ?? note?.size;
  const fitKey = `${note?.text}|${size?.w}|${size?.h}|${editing}`;
  const truncated = useFitText(textRef, fitKey, 'clamp');

  if (!note || !size) return null;

  const remove = () => {
    if (!canDelete.allowed) {
      onRefused(canDelete.reason);
      return;
    }
    if (!actions.deleteNote(noteId)) return;
    select(null);
    onDeleted();
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || editing || (event.target as HTMLElement).closest('.note-toolbar')) return;
    event.preventDefault();
    articleRef.current?.focus();
    select(noteId);
    if (!canMove.allowed) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const sx = event.clientX - d.startX;
    const sy = event.clientY - d.startY;
    if (!d.moved && Math.hypot(sx, sy) < DRAG_THRESHOLD) return;
    d.moved = true;
    setOffset({ dx: sx / zoom, dy: sy / zoom });
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (d.moved && offset) actions.moveNote(noteId, { x: note.pos.x + offset.dx, y: note.pos.y + offset.dy });
    setOffset(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (canEdit.allowed) startEditing(noteId);
      else onRefused(canEdit.reason);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove();
    } else if (event.key.startsWith('Arrow')) {
      event.preventDefault();
      const step = event.shiftKey ? ARROW_STEP * 5 : ARROW_STEP;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      if (canMove.allowed) actions.moveNote(noteId, { x: note.pos.x + dx, y: note.pos.y + dy });
      else onRefused(canMove.reason);
    } else if (event.key === 'Escape') {
      select(null);
      articleRef.current?.blur();
    }
  };

  const x = note.pos.x + (offset?.dx ?? 0);
  const y = note.pos.y + (offset?.dy ?? 0);
  const label = note.text.trim() || t('note.empty');
  return (
    <article
      ref={articleRef}
      className={`sticky-note colour-${note.colour}${selected ? ' selected' : ''}${offset ? ' dragging' : ''}${editing ? ' editing' : ''}${truncated && !editing ? ' truncated' : ''}${sizePreview ? ' resizing' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)`, width: size.w, height: size.h }}
      tabIndex={0}
      aria-label={label}
      aria-describedby={note.authorName ? authorId : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null;
        setOffset(null);
      }}
      onDoubleClick={() => (canEdit.allowed ? startEditing(noteId) : onRefused(canEdit.reason))}
      onKeyDown={onKeyDown}
      onFocus={() => select(noteId)}
    >
      {editing && canEdit.allowed ? (
        <NoteEditor noteId={noteId} fitKey={fitKey} onDone={() => articleRef.current?.focus()} />
      ) : (
        <p ref={textRef} className={`note-text${note.text.trim() ? '' : ' placeholder'}`} aria-hidden="true">
          {note.text.trim() ? note.text : t('note.editorPlaceholder')}
        </p>
      )}
      {truncated && !editing && <NoteFullText text={note.text} zoom={zoom} />}
      {note.authorName && (
        <>
          <span className="note-author" aria-hidden="true">
            {note.authorName}
          </span>
          <span id={authorId} className="visually-hidden">
            {t('identity.noteAuthor', { name: note.authorName })}
          </span>
        </>
      )}
      <NotePresence noteId={noteId} zoom={zoom} />
      {selected && !editing && !offset && (canDelete.allowed || canEdit.allowed) && (
        <NoteToolbar noteId={noteId} colour={note.colour} onDelete={remove} />
      )}
      {selected && !editing && !offset && canMove.allowed && (
        <NoteResizeHandle noteId={noteId} size={note.size} zoom={zoom} onPreview={setSizePreview} />
      )}
    </article>
  );
});
