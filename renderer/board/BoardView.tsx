import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote, DEFAULT_NOTE_SIZE, listNotes, placeNewNote, type Board } from '../../shared/model';
import type { OpenSession } from '../session/open-sessions';
import { CursorsLayer } from '../presence/CursorsLayer';
import { PresenceContext, usePresenceStore } from '../presence/presence-context';
import { useLocalPresence } from '../presence/use-local-presence';
import { screenToWorld, useBoardUi, zoomAround } from '../state/board-ui';
import { BoardToolbar } from './BoardToolbar';
import { StickyNote } from './StickyNote';
import { isTypingTarget } from './keyboard';
import { useBoardNoteIds } from './use-board-notes';
import { usePanZoom, ZOOM_STEP } from './use-pan-zoom';
import { useViewport } from './use-viewport';

interface Props {
  session: OpenSession;
  board: Board;
  readOnly: boolean;
}

export function BoardView({ session, board, readOnly }: Props) {
  const { t } = useTranslation();
  const { doc, undoManager } = session;
  const noteIds = useBoardNoteIds(doc, board.id);
  const [viewport, setViewport] = useViewport(board.id);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const startEditing = useBoardUi((s) => s.startEditing);
  const [announcement, setAnnouncement] = useState('');
  usePanZoom(surfaceRef, viewport, setViewport);
  const presence = usePresenceStore(session.awareness);
  useLocalPresence(session.awareness, board.id, surfaceRef, readOnly);

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), 6_000);
    return () => clearTimeout(timer);
  }, [announcement]);

  const viewCentre = useCallback(() => {
    const rect = surfaceRef.current?.getBoundingClientRect();
    return { x: (rect?.width ?? 800) / 2, y: (rect?.height ?? 600) / 2 };
  }, []);

  const addNoteAtCentre = useCallback(() => {
    if (readOnly) return;
    const centre = screenToWorld(useBoardUi.getState().viewports[board.id] ?? viewport, viewCentre());
    const occupied = listNotes(doc, board.id).map((n) => ({ ...n.pos, ...n.size }));
    undoManager.stopCapturing();
    const id = addNote(doc, { boardId: board.id, pos: placeNewNote(centre, DEFAULT_NOTE_SIZE, occupied), now: Date.now() });
    startEditing(id);
  }, [doc, board.id, readOnly, startEditing, viewCentre, viewport, undoManager]);

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
        if (event.shiftKey) undoManager.redo();
        else undoManager.undo();
        return;
      }
      if (mod && !event.altKey && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        undoManager.redo();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        addNoteAtCentre();
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
  }, [addNoteAtCentre, zoomBy, resetZoom, undoManager]);

  const gridSize = 24 * viewport.zoom;
  return (
    <PresenceContext.Provider value={presence}>
      <main className="board" aria-label={t('board.region', { title: board.title })}>
        <BoardToolbar
          undoManager={undoManager}
          noteCount={noteIds.length}
          zoom={viewport.zoom}
          readOnly={readOnly}
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
              <StickyNote
                key={id}
                doc={doc}
                undoManager={undoManager}
                noteId={id}
                zoom={viewport.zoom}
                readOnly={readOnly}
                onDeleted={() => setAnnouncement(t('note.deleted'))}
              />
            ))}
          </div>
          <CursorsLayer boardId={board.id} viewport={viewport} />
          {noteIds.length === 0 && (
            <div className="board-empty">
              <p className="board-empty-title">{t('board.empty')}</p>
              {!readOnly && <p>{t('board.emptyHint')}</p>}
            </div>
          )}
        </div>
        <p role="status" className="toast" data-visible={announcement ? 'true' : 'false'}>
          {announcement}
        </p>
      </main>
    </PresenceContext.Provider>
  );
}
