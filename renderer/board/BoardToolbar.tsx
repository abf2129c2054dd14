import { memo, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { formatPercent } from '../ui/format';
import { PeopleList } from '../presence/PeopleList';
import { FitIcon, MinusIcon, PlusIcon, RedoIcon, UndoIcon } from './icons';
import { useUndoState } from './use-undo-state';
import { useBoardNoteIds } from './use-board-notes';
import { useWorkshop } from '../workshop/workshop-context';

interface Props {
  undoManager: Y.UndoManager;
  boardId: string;
  zoom: number;
  readOnly: boolean;
  /** The element saying why adding is refused (board locked…), when it is. */
  reasonId?: string;
  extras?: ReactNode;
  /** Why this board refuses edits, on a line of its own under the tools. */
  notice?: ReactNode;
  onAddNote: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onResetZoom: () => void;
  onZoomToFit: () => void;
  ref?: Ref<HTMLDivElement>;
}

export function BoardToolbar({ undoManager, boardId, zoom, readOnly, reasonId, extras, notice, onAddNote, onZoomIn, onZoomOut, onResetZoom, onZoomToFit, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div className="board-toolbar" ref={ref}>
      <div className="board-tools" role="toolbar" aria-label={t('board.toolbar')}>
        <button type="button" className="button primary" onClick={onAddNote} disabled={readOnly} aria-describedby={reasonId} aria-keyshortcuts="N">
          <PlusIcon />
          <span className="add-note-label">{t('board.addNote')}</span>
        </button>
        <UndoRedo undoManager={undoManager} readOnly={readOnly} reasonId={reasonId} />
        <NoteCount boardId={boardId} />
        <ZoomControls zoom={zoom} onZoomIn={onZoomIn} onZoomOut={onZoomOut} onResetZoom={onResetZoom} onZoomToFit={onZoomToFit} />
        {extras}
      </div>
      <PeopleList />
      {/* A row of its own: the tools (flex: 1) would otherwise shrink to share a line with a long notice. */}
      {notice && <div className="board-notice">{notice}</div>}
    </div>
  );
}

/** How many notes the board shows: the one part of the toolbar that follows every note anyone adds. */
function NoteCount({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const count = useBoardNoteIds(doc, boardId).length;
  return <span className="muted note-count">{t('board.noteCount', { count })}</span>;
}

// The toolbar re-renders with the board's zoom and locks; these groups only when their own state does.
const UndoRedo = memo(function UndoRedo({ undoManager, readOnly, reasonId }: Pick<Props, 'undoManager' | 'readOnly' | 'reasonId'>) {
  const { t } = useTranslation();
  const { canUndo, canRedo } = useUndoState(undoManager);
  return (
    <div className="toolbar-group">
      <button type="button" className="button icon" onClick={() => undoManager.undo()} disabled={!canUndo || readOnly} aria-describedby={reasonId} aria-label={t('board.undo')} title={t('board.undo')} aria-keyshortcuts="Control+Z">
        <UndoIcon />
      </button>
      <button type="button" className="button icon" onClick={() => undoManager.redo()} disabled={!canRedo || readOnly} aria-describedby={reasonId} aria-label={t('board.redo')} title={t('board.redo')} aria-keyshortcuts="Control+Shift+Z">
        <RedoIcon />
      </button>
    </div>
  );
});

const ZoomControls = memo(function ZoomControls({ zoom, onZoomIn, onZoomOut, onResetZoom, onZoomToFit }: Pick<Props, 'zoom' | 'onZoomIn' | 'onZoomOut' | 'onResetZoom' | 'onZoomToFit'>) {
  const { t, i18n } = useTranslation();
  const percent = formatPercent(zoom, i18n.language);
  return (
    <div className="toolbar-group zoom-controls">
      <button type="button" className="button icon" onClick={onZoomOut} aria-label={t('board.zoomOut')} title={t('board.zoomOut')} aria-keyshortcuts="-">
        <MinusIcon />
      </button>
      {/* The name contains the visible percentage, so speech input ("click 100 %") finds it. */}
      <button type="button" className="button zoom-level" onClick={onResetZoom} aria-label={t('zoom.resetFrom', { percent })} title={t('board.resetZoom')} aria-keyshortcuts="0">
        <span aria-hidden="true">{percent}</span>
      </button>
      <button type="button" className="button icon" onClick={onZoomIn} aria-label={t('board.zoomIn')} title={t('board.zoomIn')} aria-keyshortcuts="+">
        <PlusIcon />
      </button>
      <button type="button" className="button icon" onClick={onZoomToFit} aria-label={t('view.zoomToFit')} title={`${t('view.zoomToFit')} (Shift+1)`} aria-keyshortcuts="Shift+1">
        <FitIcon />
      </button>
    </div>
  );
});
