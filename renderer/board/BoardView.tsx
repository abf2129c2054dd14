import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { areCursorsHidden, DEFAULT_NOTE_SIZE, getNote, isBoardPrivate, noteListing, NOTE_GAP, type Board, type Point } from '../../shared/model';
import type { DenyReason } from '../../shared/model/policy';
import { CursorsLayer } from '../presence/CursorsLayer';
import { useLocalPresence } from '../presence/use-local-presence';
import { DEFAULT_VIEWPORT, screenToWorld, useBoardUi, viewportIn, zoomAround } from '../state/board-ui';
import { useCan, usePolicyValue, useWorkshop } from '../workshop/workshop-context';
import { BoardToast } from './BoardToast';
import { BoardToolbar } from './BoardToolbar';
import { ClusterTitleDialog } from './ClusterLayer';
import { TagFilter } from './TagFilter';
import { VotesLeft } from './VotesLeft';
import { ZoneIcon } from './icons';
import { useBoardCanvas } from './use-board-canvas';
import { Marquee } from './Marquee';
import { NoteMenu } from './NoteMenu';
import { NoteToolbar } from './NoteToolbar';
import { OverviewMap } from './OverviewMap';
import { SelectionAnnouncer } from './SelectionAnnouncer';
import { ShortcutSheet } from './ShortcutSheet';
import { DETAIL_ZOOM } from './StickyNote';
import { useNoteIndexStore } from './use-visible-notes';
import { BoardNotes } from './BoardNotes';
import { BoardGrid } from './BoardGrid';
import { isTypingTarget } from './keyboard';
import { useBoardHasNotes } from './use-board-notes';
import { useBoardToast } from './use-board-toast';
import { useElementSize } from './use-element-size';
import { useMarquee } from './use-marquee';
import { useSelectedNotes } from './use-selected-notes';
import { useSelectionCommands } from './use-selection-commands';
import { useSelectionKeys } from './use-selection-keys';
import { usePanZoom, ZOOM_STEP } from './use-pan-zoom';
import { useViewport } from './use-viewport';
import { boundsOf, fitViewport, revealRect, visibleWorldRect, type VisibleArea } from './view-geometry';

interface Props {
  board: Board;
  /** Presence of this session (cursors, who edits what); the store itself comes from context. */
  awareness: Awareness;
  /** Controls other rooms add to the board's toolbar (the facilitator's lock). */
  toolbarExtras?: ReactNode;
  /** What other rooms float in the board's bottom corner, beside the shortcut button (the timer). */
  corner?: ReactNode;
}

export function BoardView({ board, awareness, toolbarExtras, corner }: Props) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { doc, undo } = workshop;
  // Locks, a read-only doc, a deleted board: one answer for adding here, with its reason.
  const addDecision = useCan('addNote', { boardId: board.id });
  const readOnly = !addDecision.allowed;
  const reasonId = useId();
  const hasNotes = useBoardHasNotes(doc, board.id);
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
  const marquee = useMarquee(doc, board.id, surfaceRef);
  const openMenuFor = useCallback((noteId: string) => {
    const rect = surfaceRef.current?.querySelector(`[data-note-id="${CSS.escape(noteId)}"]`)?.getBoundingClientRect();
    useBoardUi.setState({ noteMenu: { noteId, x: rect ? rect.left + 12 : 0, y: rect ? rect.top + 12 : 0 } });
  }, []);
  const sheet = useSelectionKeys({ surfaceRef, commands, canAdd: addDecision, show, openMenu: openMenuFor });
  const selectedNotes = useSelectedNotes(doc, board.id);
  const barHidden = useBoardUi((s) => s.editingNoteId !== null || s.dragOffset !== null);
  const surfaceSize = useElementSize(surfaceRef);
  // Read on demand here; BoardNotes and the overview map subscribe to it.
  const indexStore = useNoteIndexStore(board.id);
  const asBlocks = viewport.zoom < DETAIL_ZOOM;
  const pickBlock = (event: ReactMouseEvent) => {
    const surface = surfaceRef.current;
    const target = event.target as HTMLElement;
    if (!asBlocks || !surface || (target !== surface && target.dataset.boardLayer === undefined)) return;
    const box = surface.getBoundingClientRect();
    const hit = indexStore.index().at(screenToWorld(viewport, { x: event.clientX - box.left, y: event.clientY - box.top }));
    if (hit) useBoardUi.getState().select(hit.id);
  };
  const canvas = useBoardCanvas(doc, board.id);
  const canEditZones = useCan('editZones', { boardId: board.id }).allowed;
  const [openZone, setOpenZone] = useState<string | null>(null);
  const zoneEditorOpened = useCallback(() => setOpenZone(null), []);
  const [namingCluster, setNamingCluster] = useState<{ id: string; title: string } | null>(null);

  const toolbarRef = useRef<HTMLDivElement>(null);
  const toolbarSize = useElementSize(toolbarRef);
  // What of the surface shows the board: the floating toolbar covers its top strip.
  const area = useMemo<VisibleArea>(() => {
    const bar = toolbarRef.current;
    const top = bar ? Math.min(surfaceSize.height / 2, bar.offsetTop + toolbarSize.height + 8) : 0;
    return { width: surfaceSize.width, height: surfaceSize.height, top };
  }, [surfaceSize, toolbarSize]);
  const areaRef = useRef(area);
  areaRef.current = area;
  // What this person sees, for leading ("Bring everyone here") and following.
  useEffect(() => useBoardUi.setState({ shownArea: area }), [area]);
  const privateBrainstorm = usePolicyValue((w) => isBoardPrivate(w.doc, board.id));
  // The facilitator can hide everyone's cursors for a calmer room (switch `Everyone’s cursors`).
  const cursorsHidden = usePolicyValue((w) => areCursorsHidden(w.doc));
  const currentView = useCallback(() => viewportIn(useBoardUi.getState(), board.id), [board.id]);

  const viewCentre = useCallback(() => {
    const a = areaRef.current;
    return { x: a.width / 2, y: a.top + (a.height - a.top) / 2 };
  }, []);

  /** Adds a note near a world point, inside the view when there is room; then shows and edits it. */
  const addNoteAround = useCallback(
    (centre: Point) => {
      const view = currentView();
      const seen = visibleWorldRect(view, areaRef.current);
      const margin = 16 / view.zoom;
      const inner = { x: seen.x + margin, y: seen.y + margin, w: seen.w - 2 * margin, h: seen.h - 2 * margin };
      // The overview map and the shortcut button float over the board: no new note under them.
      const surface = surfaceRef.current;
      const origin = surface?.getBoundingClientRect();
      const avoid = [...(surface?.closest('.board')?.querySelectorAll('.overview, .shortcut-button') ?? [])].map((el) => {
        const r = el.getBoundingClientRect();
        const topLeft = screenToWorld(view, { x: r.left - (origin?.left ?? 0), y: r.top - (origin?.top ?? 0) });
        return { ...topLeft, w: r.width / view.zoom, h: r.height / view.zoom };
      });
      const id = workshop.actions.addNoteNear(board.id, centre, inner.w > 0 && inner.h > 0 ? inner : undefined, avoid);
      if (!id) {
        // The board takes notes (checked before), so the spot found is in a zone locked to this person.
        refused('zoneLocked');
        return;
      }
      const note = getNote(doc, id);
      if (note) setViewport(revealRect(view, { ...note.pos, ...note.size }, areaRef.current));
      startEditing(id);
    },
    [workshop, doc, board.id, startEditing, currentView, setViewport, refused],
  );

  const addNoteAtCentre = useCallback(() => {
    const view = currentView();
    const seen = visibleWorldRect(view, areaRef.current);
    // Next to the selected note when it is on screen, as Miro does; else the middle of the view.
    const selectedId = useBoardUi.getState().selectedNoteId;
    const selected = selectedId ? getNote(doc, selectedId) : null;
    const onScreen =
      selected && selected.boardId === board.id && selected.deletedAt === null &&
      selected.pos.x < seen.x + seen.w && selected.pos.x + selected.size.w > seen.x && selected.pos.y < seen.y + seen.h && selected.pos.y + selected.size.h > seen.y;
    addNoteAround(
      onScreen
        ? { x: selected.pos.x + selected.size.w + NOTE_GAP + DEFAULT_NOTE_SIZE.w / 2, y: selected.pos.y + DEFAULT_NOTE_SIZE.h / 2 }
        : screenToWorld(view, viewCentre()),
    );
  }, [doc, board.id, addNoteAround, currentView, viewCentre]);

  const addZone = useCallback(() => {
    const view = currentView();
    const seen = visibleWorldRect(view, areaRef.current);
    const w = Math.round(Math.min(640, seen.w * 0.8));
    const h = Math.round(Math.min(420, seen.h * 0.8));
    const id = workshop.actions.addZone(board.id, {
      label: t('zones.newLabel'),
      rect: { x: Math.round(seen.x + (seen.w - w) / 2), y: Math.round(seen.y + (seen.h - h) / 2), w, h },
    });
    if (id) setOpenZone(id);
  }, [workshop, board.id, currentView, t]);

  const tabOutOfBar = useCallback(
    (direction: 1 | -1) => {
      const primary = useBoardUi.getState().selectedNoteId;
      const next = primary && (direction === 1 ? commands.neighbour(primary, 1) : primary);
      if (next) commands.focusNote(next);
      return Boolean(next);
    },
    [commands],
  );

  const groupSelection = useCallback(() => {
    const title = t('clusters.defaultTitle');
    const id = workshop.actions.groupAsCluster(useBoardUi.getState().selectedIds, title);
    if (id) setNamingCluster({ id, title });
  }, [workshop, t]);

  const zoomToFit = useCallback(() => {
    const bounds = boundsOf([
      ...noteListing(doc).notesOn(board.id).map((n) => n.rect),
      ...canvas.zones.map((z) => z.rect),
    ]);
    setViewport(bounds ? fitViewport(bounds, areaRef.current) : DEFAULT_VIEWPORT);
  }, [doc, board.id, setViewport, canvas.zones]);

  // Focus on a note off screen (Tab, the next note after a delete) brings the view to it; the
  // browser cannot, since nothing on the board scrolls.
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const onFocusIn = (event: FocusEvent) => {
      const id = event.target instanceof HTMLElement && event.target.matches('[data-note-id]') ? event.target.dataset.noteId : undefined;
      const note = id ? getNote(doc, id) : null;
      if (!note) return;
      const view = currentView();
      const next = revealRect(view, { ...note.pos, ...note.size }, areaRef.current);
      if (next !== view) setViewport(next);
    };
    surface.addEventListener('focusin', onFocusIn);
    return () => surface.removeEventListener('focusin', onFocusIn);
  }, [doc, currentView, setViewport]);

  // A note asked for from elsewhere (search, Who must act): centre it, select it, focus it.
  const reveal = useBoardUi((s) => s.reveal);
  useEffect(() => {
    if (!reveal || area.width === 0) return;
    const note = getNote(doc, reveal);
    if (!note || note.boardId !== board.id) return;
    const view = currentView();
    const zoom = Math.max(view.zoom, 0.6);
    setViewport({
      zoom,
      x: area.width / 2 - (note.pos.x + note.size.w / 2) * zoom,
      y: area.top + (area.height - area.top) / 2 - (note.pos.y + note.size.h / 2) * zoom,
    });
    useBoardUi.setState({ reveal: null });
    useBoardUi.getState().select(reveal);
    requestAnimationFrame(() => surfaceRef.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(reveal)}"]`)?.focus({ preventScroll: true }));
  }, [reveal, doc, board.id, area, currentView, setViewport]);

  // Double-click on empty board: a note right there, as in Miro and FigJam.
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const onDoubleClick = (event: MouseEvent) => {
      const onEmpty = event.target === surface || (event.target instanceof HTMLElement && event.target.dataset.boardLayer !== undefined);
      if (!onEmpty || event.shiftKey) return;
      if (!addDecision.allowed) {
        refused(addDecision.reason);
        return;
      }
      const rect = surface.getBoundingClientRect();
      addNoteAround(screenToWorld(currentView(), { x: event.clientX - rect.left, y: event.clientY - rect.top }));
    };
    surface.addEventListener('dblclick', onDoubleClick);
    return () => surface.removeEventListener('dblclick', onDoubleClick);
  }, [addNoteAround, addDecision, refused, currentView]);

  const zoomBy = useCallback(
    (factor: number) => setViewport(zoomAround(viewport, viewport.zoom * factor, viewCentre())),
    [viewport, setViewport, viewCentre],
  );
  const resetZoom = useCallback(() => setViewport(zoomAround(viewport, 1, viewCentre())), [viewport, setViewport, viewCentre]);
  const zoomIn = useCallback(() => zoomBy(ZOOM_STEP), [zoomBy]);
  const zoomOut = useCallback(() => zoomBy(1 / ZOOM_STEP), [zoomBy]);

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
      } else if (event.shiftKey && (event.code === 'Digit1' || event.key === '!')) {
        event.preventDefault();
        zoomToFit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [addNoteAtCentre, zoomBy, resetZoom, zoomToFit, undo, readOnly, addDecision, refused]);

  return (
    <>
      <main className="board" aria-label={t('board.region', { title: board.title })}>
        <BoardToolbar
          ref={toolbarRef}
          undoManager={undo.manager}
          boardId={board.id}
          zoom={viewport.zoom}
          readOnly={readOnly}
          reasonId={!addDecision.allowed && addDecision.reason !== 'readOnly' ? reasonId : undefined}
          extras={
            <>
              <VotesLeft boardId={board.id} />
              <TagFilter />
              {canEditZones && (
                <button type="button" className="button add-zone" onClick={addZone}>
                  <ZoneIcon />
                  <span className="add-zone-label">{t('zones.add')}</span>
                </button>
              )}
              {toolbarExtras}
            </>
          }
          notice={
            // A newer app's doc already says so in the session's alert; anything else is said here.
            !addDecision.allowed && addDecision.reason !== 'readOnly' ? (
              <p id={reasonId} role="status" className="board-reason">
                {t(`policy.${addDecision.reason}`)}
              </p>
            ) : privateBrainstorm ? (
              <p role="status" className="board-reason private">
                {t('facilitation.privateOn')}
              </p>
            ) : null
          }
          onAddNote={addNoteAtCentre}
          onZoomIn={zoomIn}
          onZoomOut={zoomOut}
          onResetZoom={resetZoom}
          onZoomToFit={zoomToFit}
        />
        <div
          ref={surfaceRef}
          className="board-surface"
          tabIndex={0}
          role="group"
          aria-label={t('view.canvas')}
          aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown"
          onClick={pickBlock}
        >
          <BoardGrid x={viewport.x} y={viewport.y} zoom={viewport.zoom} />
          <BoardNotes
            boardId={board.id}
            indexStore={indexStore}
            viewport={viewport}
            surfaceSize={surfaceSize}
            canvas={canvas}
            show={show}
            openZone={openZone}
            onZoneEditorOpened={zoneEditorOpened}
            onRefused={refused}
          />
          {!barHidden && (
            <NoteToolbar
              notes={selectedNotes}
              viewport={viewport}
              surface={surfaceSize}
              onDelete={commands.deleteSelection}
              onDuplicate={commands.duplicateSelection}
              onGroup={groupSelection}
              onTabOut={tabOutOfBar}
            />
          )}
          <Marquee rect={marquee} />
          <CursorsLayer boardId={board.id} viewport={viewport} area={surfaceSize} hidden={cursorsHidden} />
          {!hasNotes && canvas.zones.length === 0 && (
            <div className="board-empty">
              <p className="board-empty-title">{t('board.empty')}</p>
              {!readOnly && <p>{t('board.emptyHint')}</p>}
            </div>
          )}
        </div>
        <button type="button" className="button shortcut-button" aria-label={t('select.shortcutsButton')} title={`${t('select.shortcutsButton')} (?)`} aria-keyshortcuts="Shift+?" onClick={() => sheet.setSheetOpen(true)}>
          <span aria-hidden="true">?</span>
        </button>
        <OverviewMap doc={doc} boardId={board.id} indexStore={indexStore} viewport={viewport} area={area} onMove={setViewport} />
        {corner && <div className="board-corner">{corner}</div>}
        <NoteMenu boardId={board.id} commands={commands} />
        <SelectionAnnouncer />
        <BoardToast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.setHeld} />
        {namingCluster && (
          <ClusterTitleDialog title={namingCluster.title} onClose={() => setNamingCluster(null)} onSave={(title) => workshop.actions.renameCluster(namingCluster.id, title)} />
        )}
        {sheet.sheetOpen && <ShortcutSheet onClose={() => sheet.setSheetOpen(false)} />}
      </main>
    </>
  );
}
