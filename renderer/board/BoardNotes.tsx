import { memo, type ComponentProps } from 'react';
import type { DenyReason } from '../../shared/model/policy';
import type { Viewport } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { ClusterLayer } from './ClusterLayer';
import { NoteBlocks } from './NoteBlocks';
import { DETAIL_ZOOM, StickyNote } from './StickyNote';
import { ZoneLayer } from './ZoneLayer';
import type { Canvas } from './use-board-canvas';
import { useBoardNoteIds } from './use-board-notes';
import { useNoteTabStop } from './use-note-tab-stop';
import { useNoteIndex, useVisibleNoteIds, type NoteIndexStore } from './use-visible-notes';

interface Props {
  boardId: string;
  indexStore: NoteIndexStore;
  viewport: Viewport;
  surfaceSize: { width: number; height: number };
  canvas: Canvas;
  show: ComponentProps<typeof ZoneLayer>['show'];
  openZone: string | null;
  onZoneEditorOpened: () => void;
  onRefused: (reason: DenyReason) => void;
}

/**
 * What the board draws of its content: the world layer (zones, clusters, the notes near the view)
 * and, zoomed out, the blocks' canvas beside it. The only part of the board that follows its
 * notes: one arriving from a peer re-renders this and the new note, not the toolbar and panels
 * around it — in a crowded room every page does that for every note anyone adds.
 */
export const BoardNotes = memo(function BoardNotes({ boardId, indexStore, viewport, surfaceSize, canvas, show, openZone, onZoneEditorOpened, onRefused }: Props) {
  const { doc } = useWorkshop();
  const noteIds = useBoardNoteIds(doc, boardId);
  useNoteTabStop(doc, boardId, noteIds);
  // Only the notes near the view are mounted (a 5,000-note board stays light); zoomed out, the rest
  // are blocks on a canvas (NoteBlocks). See use-visible-notes.ts.
  const index = useNoteIndex(indexStore);
  const asBlocks = viewport.zoom < DETAIL_ZOOM;
  const mountedIds = useVisibleNoteIds(index, noteIds, viewport, surfaceSize, asBlocks);
  return (
    <>
      <div className="board-world" data-board-layer="" style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}>
        <ZoneLayer boardId={boardId} zones={canvas.zones} zoom={viewport.zoom} show={show} openEditorFor={openZone} onEditorOpened={onZoneEditorOpened} />
        <ClusterLayer boardId={boardId} clusters={canvas.clusters} zoom={viewport.zoom} show={show} />
        {mountedIds.map((id) => (
          <StickyNote key={id} noteId={id} detail={!asBlocks} onRefused={onRefused} />
        ))}
      </div>
      {asBlocks && <NoteBlocks index={index} viewport={viewport} size={surfaceSize} skip={mountedIds} />}
    </>
  );
});
