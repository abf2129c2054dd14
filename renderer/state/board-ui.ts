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
  selectedNoteId: string | null;
  editingNoteId: string | null;
  setViewport: (boardId: string, viewport: Viewport) => void;
  select: (noteId: string | null) => void;
  startEditing: (noteId: string) => void;
  stopEditing: () => void;
}

/** UI state only (docs/architecture.md): what is selected and where each board is looked at. */
export const useBoardUi = create<BoardUiState>((set) => ({
  viewports: {},
  selectedNoteId: null,
  editingNoteId: null,
  setViewport: (boardId, viewport) => set((s) => ({ viewports: { ...s.viewports, [boardId]: viewport } })),
  select: (noteId) => set((s) => ({ selectedNoteId: noteId, editingNoteId: noteId === s.editingNoteId ? s.editingNoteId : null })),
  startEditing: (noteId) => set({ selectedNoteId: noteId, editingNoteId: noteId }),
  stopEditing: () => set({ editingNoteId: null }),
}));
