import { useBoardUi } from '../state/board-ui';

/** Shows a note from anywhere (search, Who must act): its board opens, the view comes to it, and it is selected and focused. */
export function revealNote(boardId: string, noteId: string): void {
  useBoardUi.setState({ currentBoardId: boardId, reveal: noteId, selectedIds: [], selectedNoteId: null, editingNoteId: null });
}
