import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { Board } from '../../shared/model';
import type { DenyReason } from '../../shared/model/policy';
import { CursorsLayer } from '../presence/CursorsLayer';
import { useLocalPresence } from '../presence/use-local-presence';
import { screenToWorld, useBoardUi, zoomAround } from '../state/board-ui';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { BoardToast } from './BoardToast';
import { BoardToolbar } from './BoardToolbar';
import { Marquee } from './Marquee';
import { NoteMenu } from './NoteMenu';
import { NoteToolbar } from './NoteToolbar';
import { SelectionAnnouncer } from './SelectionAnnouncer';
import { ShortcutSheet } from './ShortcutSheet';
import { StickyNote } from './StickyNote';
import { isTypingTarget } from './keyboard';
import { useBoardNoteIds } from './use-board-notes';
import { useBoardToast } from './use-board-toast';
import { useElementSize } from './use-element-size';
import { useMarquee } from './use-marquee';
import { useNoteTabStop } from './use-note-tab-stop';
import { useSelectedNotes } from './use-selected-notes';
import { useSelectionCommands } from './use-selection-commands';
import { useSelectionKeys } from './use-selection-keys';
import { usePanZoom, ZOOM_STEP } from './use-pan-zoom';
import { useViewport } from './use-viewport';

interface Props {
  board: Board;
  /** Presence of this session (cursors, who edits what); the store itself comes from context. */
  awareness: Awareness;
  /** Controls other rooms add to the board's toolbar (the facilitator's lock). */
  toolbarExtras?: ReactNode;
}

export function BoardView({ board, awareness, toolbarExtras }: Props) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { doc, undo } = workshop;
  // Locks, a read-only doc, a deleted board: one answer for adding here, with its reason.
  const addDecision = useCan('addNote', { boardId: board.id });
  const readOnly = !addDecision.allowed;
  const reasonId = useId();
  const noteIds = useBoardNoteIds(doc, board.id);
  const [viewport, setViewport] = useViewport(board.id);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const startEditing = useBoardUi((s) => s.startEditing);
  const toast = useBoardToast();
  const { show } = toast;
  usePanZoom(surfaceRef, viewport, setViewport);
  useLocalPresence(awareness, board.id, surfaceRef, readOnly);
  const refused = useCallback((reason: DenyReason) => show(t(`policy.${reason}`)), [t, show]);
  // Selection (issue 11, i11-select): commands, keys, marquee, Tab order, the bar and the menu.
  const commands = useSelectionCommands(board.id, surfaceRef, show);
  useNoteTabStop(doc, board.id, noteIds);
  const marquee = useMarquee(doc, board.id, surfaceRef);
  const openMenuFor = useCallback((noteId: string) => {
    const rect = surfaceRef.current?.querySelector(`[data-note-id="${CSS.escape(noteId)}"]`)?.getBoundingClientRect();
    useBoardUi.setState({ noteMenu: { noteId, x: rect ? rect.left + 12 : 0, y: rect ? rect.top + 12 : 0 } });
  }, []);
  const sheet = useSelectionKeys({ surfaceRef, commands, canAdd: addDecision, show, openMenu: openMenuFor });
  const selectedNotes = useSelectedNotes(doc, board.id);
  const barHidden = useBoardUi((s) => s.editingNoteId !== null || s.dragOffset !== null);
  const surfaceSize = useElementSize(surfaceRef);

  const viewCentre = useCallback(() => {
    const rect = surfaceRef.current?.getBoundingClientRect();
    return { x: (rect?.width ?? 800) / 2, y: (rect?.height ?? 600) / 2 };
  }, []);

  const addNoteAtCentre = useCallback(() => {
    const centre = screenToWorld(useBoardUi.getState().viewports[board.id] ?? viewport, viewCentre());
    const id = workshop.actions.addNoteNear(board.id, centre);
    if (id) startEditing(id);
  }, [workshop, board.id, startEditing, viewCentre, viewport]);

  const zoomBy = useCallback(
    (factor: number) => setViewport(zoomAround(viewport, viewport.zoom * factor, viewCentre())),
    [viewport, setViewport, viewCentre],
  );
  const resetZoom = useCallback(() => setViewport(zoomAround(viewport, 1, viewCentre())), [viewport, setViewport, viewCentre]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (readOnly) return;
        if (event.shiftKey) undo.redo();
        else undo.undo();
        return;
      }
      if (mod && !event.altKey && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        if (!readOnly) undo.redo();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        if (addDecision.allowed) addNoteAtCentre();
        else refused(addDecision.reason);
      } else if (event.key === '+' || event.key === '=') {
        event.preventDefault();
        zoomBy(ZOOM_STEP);
      } else if (event.key === '-' || event.key === '_') {
        event.preventDefault();
        zoomBy(1 / ZOOM_STEP);
      } else if (event.key === '0') {
        event.preventDefault();
        resetZoom();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [addNoteAtCentre, zoomBy, resetZoom, undo, readOnly, addDecision, refused]);

  const gridSize = 24 * viewport.zoom;
  return (
    <>
      <main className="board" aria-label={t('board.region', { title: board.title })}>
        <BoardToolbar
          undoManager={undo.manager}
          noteCount={noteIds.length}
          zoom={viewport.zoom}
          readOnly={readOnly}
          reasonId={!addDecision.allowed && addDecision.reason !== 'readOnly' ? reasonId : undefined}
          extras={toolbarExtras}
          notice={
            // A newer app's doc already says so in the session's alert; anything else is said here.
            !addDecision.allowed && addDecision.reason !== 'readOnly' ? (
              <p id={reasonId} role="status" className="board-reason">
                {t(`policy.${addDecision.reason}`)}
              </p>
            ) : null
          }
          onAddNote={addNoteAtCentre}
          onZoomIn={() => zoomBy(ZOOM_STEP)}
          onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
          onResetZoom={resetZoom}
        />
        <div
          ref={surfaceRef}
          className="board-surface"
          style={{
            backgroundSize: `${gridSize}px ${gridSize}px`,
            backgroundPosition: `${viewport.x}px ${viewport.y}px`,
          }}
        >
          <div
            className="board-world"
            data-board-layer=""
            style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
          >
            {noteIds.map((id) => (
              <StickyNote key={id} noteId={id} zoom={viewport.zoom} onRefused={refused} />
            ))}
          </div>
          {!barHidden && (
            <NoteToolbar
              notes={selectedNotes}
              viewport={viewport}
              surface={surfaceSize}
              onDelete={commands.deleteSelection}
              onDuplicate={commands.duplicateSelection}
              onTabOut={(direction) => {
                const primary = useBoardUi.getState().selectedNoteId;
                const next = primary && (direction === 1 ? commands.neighbour(primary, 1) : primary);
                if (next) commands.focusNote(next);
                return Boolean(next);
              }}
            />
          )}
          <Marquee rect={marquee} />
          <CursorsLayer boardId={board.id} viewport={viewport} />
          {noteIds.length === 0 && (
            <div className="board-empty">
              <p className="board-empty-title">{t('board.empty')}</p>
              {!readOnly && <p>{t('board.emptyHint')}</p>}
            </div>
          )}
        </div>
        <button type="button" className="button shortcut-button" aria-label={t('select.shortcutsButton')} title={`${t('select.shortcutsButton')} (?)`} aria-keyshortcuts="Shift+?" onClick={() => sheet.setSheetOpen(true)}>
          <span aria-hidden="true">?</span>
        </button>
        <NoteMenu boardId={board.id} commands={commands} />
        <SelectionAnnouncer />
        <BoardToast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.setHeld} />
        {sheet.sheetOpen && <ShortcutSheet onClose={() => sheet.setSheetOpen(false)} />}
      </main>
    </>
  );
}
