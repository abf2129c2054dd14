import { useTranslation } from 'react-i18next';
import { useBoardLocked, useCan, useWorkshop } from '../workshop/workshop-context';

/**
 * Facilitators lock a board so participants' apps stop adding, editing, moving and deleting notes
 * there (UI-CONTRACT: `Lock board` / `Unlock board`). Participants never see it; the board tells
 * them when it is locked.
 */
export function LockBoardButton({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const decision = useCan('lockBoard', { boardId });
  const locked = useBoardLocked(boardId);
  if (!decision.allowed) return null;
  return (
    <button type="button" className="button" aria-pressed={locked} onClick={() => actions.lockBoard(boardId, !locked)}>
      {locked ? t('facilitation.unlockBoard') : t('facilitation.lockBoard')}
    </button>
  );
}
