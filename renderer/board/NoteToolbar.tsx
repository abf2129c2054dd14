import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTOR_TYPES, GOVERNANCE_LEVELS, NOTE_COLOURS, type ActorType, type GovernanceLevel, type Note, type NoteColour } from '../../shared/model';
import type { Viewport } from '../state/board-ui';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { ClusterIcon, DuplicateIcon, GridIcon, TrashIcon } from './icons';
import { boxAround } from './use-selected-notes';
import './selection.css';

interface Props {
  notes: readonly Note[];
  viewport: Viewport;
  /** The board surface's size (screen px): the bar stays inside it. */
  surface: { width: number; height: number };
  onDelete: () => void;
  onDuplicate: () => void;
  /** Several notes: make them a cluster. */
  onGroup: () => void;
  /** Tab / Shift+Tab past the bar's ends: back to the notes in reading order. */
  onTabOut: (direction: 1 | -1) => boolean;
}

/** Screen px kept between the bar and the selection, and between the bar and the board's edges. */
const GAP = 10;
const BAR_HEIGHT = 46;

/**
 * The selection's bar: colour, duplicate, arrange (for several notes) and delete. It floats in a
 * layer above every note, in screen pixels, so no other note can cover it or catch a click meant
 * for it (it used to live inside the note, under any note stacked above). It sits above the
 * selection, or below it when there is no room above.
 */
export const NoteToolbar = memo(function NoteToolbar({ notes, viewport, surface, onDelete, onDuplicate, onGroup, onTabOut }: Props) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const primary = notes.at(-1);
  // The policy answers per note; a selection's bar asks for its primary note (the same board
  // and lock apply to all), and the actions skip any note refused on its own.
  const canColour = useCan('colourNote', { noteId: primary?.id });
  const canDelete = useCan('deleteNote', { noteId: primary?.id });
  const canAdd = useCan('addNote', { boardId: primary?.boardId });
  const canMove = useCan('moveNote', { noteId: primary?.id });
  const canCluster = useCan('clusterNote', { noteId: primary?.id });
  const canTag = useCan('tagNote', { noteId: primary?.id });
  const swatches = useRef<(HTMLButtonElement | null)[]>([]);
  const barRef = useRef<HTMLDivElement>(null);
  const [barWidth, setBarWidth] = useState(0);
  // A phone's bar wraps onto two rows: its real height decides whether it fits above the notes.
  const [barHeight, setBarHeight] = useState(BAR_HEIGHT);
  useLayoutEffect(() => {
    const width = barRef.current?.offsetWidth ?? 0;
    const height = barRef.current?.offsetHeight || BAR_HEIGHT;
    if (width !== barWidth) setBarWidth(width);
    if (height !== barHeight) setBarHeight(height);
  });
  const box = boxAround(notes);
  if (!primary || !box) return null;
  if (!canColour.allowed && !canDelete.allowed) return null;

  const ids = notes.map((n) => n.id);
  const shared = notes.every((n) => n.colour === primary.colour) ? primary.colour : null;
  const why = (d: typeof canColour) => (d.allowed ? undefined : t(`policy.${d.reason}`));
  const recolour = (c: NoteColour) => actions.colourNotes(ids, c);
  // A selection with different tags shows "Mixed" until one is chosen for all.
  const sharedLevel = notes.every((n) => n.level === primary.level) ? (primary.level ?? '') : 'mixed';
  const sharedActor = notes.every((n) => n.actor === primary.actor) ? (primary.actor ?? '') : 'mixed';

  // One radio group (WAI-ARIA radio pattern): one Tab stop, arrows move and choose.
  const checkedIndex = Math.max(0, shared ? NOTE_COLOURS.indexOf(shared) : 0);
  const onSwatchKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    const next = (index + step + NOTE_COLOURS.length) % NOTE_COLOURS.length;
    recolour(NOTE_COLOURS[next]!);
    swatches.current[next]?.focus();
  };
  const onBarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab') return;
    const focusables = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)')].filter((b) => b.tabIndex >= 0);
    const atEnd = event.shiftKey ? focusables[0] === document.activeElement : focusables.at(-1) === document.activeElement;
    if (atEnd && onTabOut(event.shiftKey ? -1 : 1)) event.preventDefault();
  };

  const centreX = viewport.x + (box.x + box.w / 2) * viewport.zoom;
  const top = viewport.y + box.y * viewport.zoom - GAP - barHeight;
  const bottom = viewport.y + (box.y + box.h) * viewport.zoom + GAP;
  const placeBelow = top < GAP && bottom + barHeight < surface.height - GAP;
  const y = placeBelow ? bottom : Math.max(GAP, top);
  return (
    <div
      className="note-toolbar"
      role="toolbar"
      aria-label={t('note.options')}
      ref={barRef}
      // Centred over the selection, but never past the board's edges (the selection may be half off-screen).
      style={{ left: Math.min(Math.max(centreX, GAP + barWidth / 2), Math.max(GAP + barWidth / 2, surface.width - GAP - barWidth / 2)), top: y }}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={onBarKey}
    >
      {notes.length > 1 && <span className="selection-count">{t('select.selected', { count: notes.length })}</span>}
      <div role="radiogroup" aria-label={t('note.colour')} className="swatches">
        {NOTE_COLOURS.map((c, i) => (
          <button
            key={c}
            ref={(el) => {
              swatches.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={c === shared}
            aria-label={t(`note.colours.${c}`)}
            title={why(canColour) ?? t(`note.colours.${c}`)}
            tabIndex={i === checkedIndex ? 0 : -1}
            disabled={!canColour.allowed}
            className={`swatch colour-${c}`}
            onClick={() => recolour(c)}
            onKeyDown={(e) => onSwatchKey(e, i)}
          />
        ))}
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <select
        className="tag-select"
        aria-label={t('tags.level')}
        title={why(canTag) ?? t('tags.level')}
        disabled={!canTag.allowed}
        value={sharedLevel}
        onChange={(e) => e.target.value !== 'mixed' && actions.tagNotes(ids, { level: (e.target.value || null) as GovernanceLevel | null })}
      >
        {sharedLevel === 'mixed' && <option value="mixed">{t('tags.mixed')}</option>}
        <option value="">{t('tags.none')}</option>
        {GOVERNANCE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`tags.levels.${l}`)}
          </option>
        ))}
      </select>
      <select
        className="tag-select"
        aria-label={t('tags.actor')}
        title={why(canTag) ?? t('tags.actor')}
        disabled={!canTag.allowed}
        value={sharedActor}
        onChange={(e) => e.target.value !== 'mixed' && actions.tagNotes(ids, { actor: (e.target.value || null) as ActorType | null })}
      >
        {sharedActor === 'mixed' && <option value="mixed">{t('tags.mixed')}</option>}
        <option value="">{t('tags.none')}</option>
        {ACTOR_TYPES.map((a) => (
          <option key={a} value={a}>
            {t(`tags.actors.${a}`)}
          </option>
        ))}
      </select>
      <span className="toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="button icon"
        aria-label={t('select.duplicate')}
        title={why(canAdd) ?? `${t('select.duplicate')} (Ctrl+D)`}
        aria-keyshortcuts="Control+D"
        disabled={!canAdd.allowed}
        onClick={onDuplicate}
      >
        <DuplicateIcon />
      </button>
      {notes.length > 1 && (
        <button
          type="button"
          className="button icon"
          aria-label={t('select.arrange')}
          title={why(canMove) ?? t('select.arrange')}
          disabled={!canMove.allowed}
          onClick={() => actions.arrangeNotesInGrid(ids)}
        >
          <GridIcon />
        </button>
      )}
      {notes.length > 1 && (
        <button
          type="button"
          className="button icon"
          aria-label={t('clusters.group')}
          title={why(canCluster) ?? t('clusters.group')}
          disabled={!canCluster.allowed}
          onClick={onGroup}
        >
          <ClusterIcon />
        </button>
      )}
      <button
        type="button"
        className="button icon danger"
        aria-label={t('select.deleteMany', { count: notes.length })}
        title={why(canDelete) ?? t('select.deleteMany', { count: notes.length })}
        aria-keyshortcuts="Delete"
        disabled={!canDelete.allowed}
        onClick={onDelete}
      >
        <TrashIcon />
      </button>
    </div>
  );
});
