import { create } from 'zustand';

/** The view onto a board: screen = world × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

/** A board's view as `state` holds it: where it was left, or the default for a board not yet shown. */
export function viewportIn(state: { viewports: Record<string, Viewport> }, boardId: string): Viewport {
  return state.viewports[boardId] ?? DEFAULT_VIEWPORT;
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** Zooms so the world point under `anchor` (screen px) stays under it. */
export function zoomAround(view: Viewport, nextZoom: number, anchor: { x: number; y: number }): Viewport {
  const zoom = clampZoom(nextZoom);
  const worldX = (anchor.x - view.x) / view.zoom;
  const worldY = (anchor.y - view.y) / view.zoom;
  return { zoom, x: anchor.x - worldX * zoom, y: anchor.y - worldY * zoom };
}

export function screenToWorld(view: Viewport, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - view.x) / view.zoom, y: (point.y - view.y) / view.zoom };
}

interface BoardUiState {
  viewports: Record<string, Viewport>;
  /** The board on screen (an id of the open session; another session's id simply matches nothing). */
  currentBoardId: string | null;
  /** Tag filter on the board: `level:national`, `actor:business` or null; `filterOnly` hides the rest instead of dimming it. */
  tagFilter: string | null;
  filterOnly: boolean;
  /** A note to bring into view, select and focus once its board shows (search, Who must act). */
  reveal: string | null;
  /** The note last selected (its bar, keyboard focus); one of `selectedIds`, or null. */
  selectedNoteId: string | null;
  /** Every selected note (shift-click, marquee, Ctrl+A); empty when nothing is. */
  selectedIds: readonly string[];
  /** A selection being dragged: each selected note is drawn this far (world px) from where it is. */
  dragOffset: { dx: number; dy: number } | null;
  editingNoteId: string | null;
  /** This person's caret in the note they edit, as a Yjs relative position (bytes); shared as presence. */
  caret: { noteId: string; at: number[] } | null;
  /** The one note Tab lands on when entering the board: the selected one, else the first in reading order. */
  tabStopId: string | null;
  /** The note menu (right-click, long-press, Shift+F10), at a point in the window. */
  noteMenu: { noteId: string; x: number; y: number } | null;
  /** The person folded the overview map away or opened it (null: not chosen, folded on narrow screens). */
  overviewHidden: boolean | null;
  /** The board view's size under its toolbar (screen px), for sharing what this person sees. */
  shownArea: { width: number; height: number; top: number } | null;
  /** This person leads ("Bring everyone here" pressed): their view goes out in presence. */
  leading: boolean;
  /** A past voting round whose results this person reopened (null: the latest, after it ends). */
  resultsRoundId: string | null;
  /** Whose lead this person's view follows; any pan, zoom or board change of their own ends it. */
  following: { clientId: number; leadId: string } | null;
  /** Leads this person left (or saw end): never followed again. */
  leftLeads: readonly string[];
  /** A pan, zoom or jump the person made: it also stops following. */
  setViewport: (boardId: string, viewport: Viewport) => void;
  /** Moves the view for a lead being followed, without ending the following. */
  followView: (boardId: string, viewport: Viewport) => void;
  stopFollowing: () => void;
  /** Selects this one note alone (null: nothing). */
  select: (noteId: string | null) => void;
  /** Replaces the selection; the last id becomes the primary one. */
  setSelection: (noteIds: readonly string[]) => void;
  /** Shift-click: adds a note to the selection, or takes it out. */
  toggleSelected: (noteId: string) => void;
  setDragOffset: (offset: { dx: number; dy: number } | null) => void;
  startEditing: (noteId: string) => void;
  stopEditing: () => void;
}

/** UI state only (docs/architecture.md): what is selected and where each board is looked at. */
export const useBoardUi = create<BoardUiState>((set) => ({
  viewports: {},
  currentBoardId: null,
  tagFilter: null,
  filterOnly: false,
  reveal: null,
  selectedNoteId: null,
  selectedIds: [],
  dragOffset: null,
  editingNoteId: null,
  caret: null,
  tabStopId: null,
  noteMenu: null,
  overviewHidden: null,
  shownArea: null,
  leading: false,
  resultsRoundId: null,
  following: null,
  leftLeads: [],
  setViewport: (boardId, viewport) =>
    set((s) => ({
      viewports: { ...s.viewports, [boardId]: viewport },
      ...(s.following ? { following: null, leftLeads: [...s.leftLeads, s.following.leadId] } : {}),
    })),
  followView: (boardId, viewport) => set((s) => ({ currentBoardId: boardId, viewports: { ...s.viewports, [boardId]: viewport } })),
  stopFollowing: () => set((s) => (s.following ? { following: null, leftLeads: [...s.leftLeads, s.following.leadId] } : {})),
  select: (noteId) =>
    set((s) => ({
      selectedNoteId: noteId,
      selectedIds: noteId ? (s.selectedIds.length === 1 && s.selectedIds[0] === noteId ? s.selectedIds : [noteId]) : [],
      editingNoteId: noteId === s.editingNoteId ? s.editingNoteId : null,
    })),
  setSelection: (noteIds) =>
    set((s) => {
      const ids = [...new Set(noteIds)];
      const primary = ids.at(-1) ?? null;
      return { selectedIds: ids, selectedNoteId: primary, editingNoteId: primary === s.editingNoteId ? s.editingNoteId : null };
    }),
  toggleSelected: (noteId) =>
    set((s) => {
      const ids = s.selectedIds.includes(noteId) ? s.selectedIds.filter((id) => id !== noteId) : [...s.selectedIds, noteId];
      return { selectedIds: ids, selectedNoteId: ids.at(-1) ?? null, editingNoteId: null };
    }),
  setDragOffset: (dragOffset) => set({ dragOffset }),
  startEditing: (noteId) => set({ selectedNoteId: noteId, selectedIds: [noteId], editingNoteId: noteId }),
  stopEditing: () => set({ editingNoteId: null, caret: null }),
}));
