import { memo, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Size } from '../../shared/model';
import type { DenyReason } from '../../shared/model/policy';
import { NotePresence } from '../presence/NotePresence';
import { PeerCarets } from '../presence/PeerCarets';
import { useBoardUi } from '../state/board-ui';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { NoteEditor } from './NoteEditor';
import { NoteFullText } from './NoteFullText';
import { NoteResizeHandle } from './NoteResizeHandle';
import { NoteTags } from './NoteTags';
import { NoteVote } from './NoteVote';
import { matchesTagFilter } from './tag-filter';
import { useFitText } from './use-fit-text';
import { useNote } from './use-note';
import { useNotePointer } from './use-note-pointer';
import { useTextPaint } from './use-text-paint';

interface Props {
  noteId: string;
  /** False when zoomed out below DETAIL_ZOOM: a coloured block with no text to lay out. */
  detail: boolean;
  /** A key press asked for something the policy refuses: the board says why. */
  onRefused: (reason: DenyReason) => void;
}

/**
 * Below this zoom a note's words are too small to read (12 px text at 35 % is 4 px): notes become
 * coloured blocks — no text layout, tags, votes or presence — and the board pans like a map.
 * A selected or edited note keeps its detail.
 */
export const DETAIL_ZOOM = 0.35;

export const StickyNote = memo(function StickyNote({ noteId, detail: zoomedIn, onRefused }: Props) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const note = useNote(doc, noteId);
  const canEdit = useCan('editNote', { noteId });
  const canMove = useCan('moveNote', { noteId });
  const selected = useBoardUi((s) => s.selectedIds.includes(noteId));
  const editing = useBoardUi((s) => s.editingNoteId === noteId);
  const tabStop = useBoardUi((s) => s.tabStopId === noteId);
  const tagFilter = useBoardUi((s) => s.tagFilter);
  const filterOnly = useBoardUi((s) => s.filterOnly);
  const { select, startEditing } = useBoardUi.getState();
  const articleRef = useRef<HTMLElement>(null);
  const authorId = useId();
  const { offset, handlers } = useNotePointer(noteId, note?.boardId ?? '', editing, canMove.allowed, articleRef, onRefused);
  const [sizePreview, setSizePreview] = useState<Size | null>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const size = sizePreview ?? note?.size;
  const detail = zoomedIn || selected || editing;
  const fitKey = `${note?.text}|${size?.w}|${size?.h}|${editing}`;
  const truncated = useFitText(textRef, detail ? fitKey : '', 'clamp');
  useTextPaint(doc, noteId, note, textRef);

  if (!note || !size) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (canEdit.allowed) startEditing(noteId);
      else onRefused(canEdit.reason);
    }
  };

  const matches = matchesTagFilter(note, tagFilter);
  // "Hide other notes": gone from the screen and from Tab order, still in the doc.
  if (!matches && filterOnly && !selected) return null;
  const x = note.pos.x + (offset?.dx ?? 0);
  const y = note.pos.y + (offset?.dy ?? 0);
  const label = note.text.trim() || t('note.empty');
  return (
    <article
      ref={articleRef}
      className={`sticky-note colour-${note.colour}${detail ? '' : ' block'}${selected ? ' selected' : ''}${offset ? ' dragging' : ''}${editing ? ' editing' : ''}${truncated && !editing ? ' truncated' : ''}${sizePreview ? ' resizing' : ''}${matches ? '' : ' dimmed'}${note.private ? ' private' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)`, width: size.w, height: size.h }}
      tabIndex={tabStop ? 0 : -1}
      data-note-id={noteId}
      aria-label={label}
      aria-describedby={note.authorName || note.level || note.actor || note.private ? authorId : undefined}
      {...handlers}
      onDoubleClick={() => (canEdit.allowed ? startEditing(noteId) : onRefused(canEdit.reason))}
      onKeyDown={onKeyDown}
      onFocus={() => !useBoardUi.getState().selectedIds.includes(noteId) && select(noteId)}
    >
      {!detail ? null : editing && canEdit.allowed ? (
        <NoteEditor noteId={noteId} fitKey={fitKey} onDone={() => articleRef.current?.focus()} editorRef={editorRef} />
      ) : (
        <p ref={textRef} className={`note-text${note.text.trim() ? '' : ' placeholder'}`} aria-hidden="true">
          {note.text.trim() ? note.text : t('note.editorPlaceholder')}
        </p>
      )}
      {detail && truncated && !editing && <NoteFullText text={note.text} boardId={note.boardId} />}
      {detail && <NoteTags level={note.level} actor={note.actor} />}
      {detail && !editing && <NoteVote noteId={noteId} boardId={note.boardId} />}
      {detail && note.authorName && (
        <span className="note-author" aria-hidden="true">
          {note.authorName}
        </span>
      )}
      {detail && note.private && (
        <span className="note-private" aria-hidden="true">
          {t('facilitation.privateMark')}
        </span>
      )}
      {(note.authorName || note.level || note.actor || note.private) && (
        <span id={authorId} className="visually-hidden">
          {[
            note.private ? t('facilitation.privateMark') : '',
            note.authorName ? t('identity.noteAuthor', { name: note.authorName }) : '',
            note.level || note.actor
              ? t('tags.tagsOf', { tags: [note.level ? t(`tags.levels.${note.level}`) : '', note.actor ? t(`tags.actors.${note.actor}`) : ''].filter(Boolean).join(', ') })
              : '',
          ]
            .filter(Boolean)
            .join('. ')}
        </span>
      )}
      {detail && <PeerCarets doc={doc} noteId={noteId} target={editing && canEdit.allowed ? editorRef : textRef} text={note.text} />}
      {detail && <NotePresence noteId={noteId} boardId={note.boardId} />}
      {selected && !editing && !offset && canMove.allowed && (
        <NoteResizeHandle noteId={noteId} boardId={note.boardId} size={note.size} onPreview={setSizePreview} />
      )}
    </article>
  );
});
