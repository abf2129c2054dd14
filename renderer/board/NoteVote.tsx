import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../workshop/workshop-context';
import { useVoting } from '../workshop/use-voting';

/**
 * Dot voting on one note while a round is open on its board: `Vote` adds one of this person's
 * votes, `Take back vote` returns one; their dots show on the note, and the total too unless the
 * facilitator hides results until the end.
 */
export function NoteVote({ noteId, boardId }: { noteId: string; boardId: string }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { actions } = workshop;
  const roundId = useVoting((s) => (s.round && s.round.scope.boardIds.includes(boardId) ? s.round.id : null));
  const mine = useVoting((s) => s.mine.get(noteId) ?? 0);
  const total = useVoting((s) => (s.round && !s.round.hideResults ? (s.totals.get(noteId) ?? 0) : null));
  // Re-rendered whenever this person's votes change (votes left is part of the decision), so the
  // policy is asked afresh here rather than through useCan, which follows locks and roles only.
  useVoting((s) => s.votesLeft);
  if (!roundId) return null;
  const canVote = workshop.can('vote', { roundId, noteId });
  return (
    <div className="note-vote" onPointerDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      {mine > 0 && (
        <span className="vote-dots" aria-label={t('voting.yourVotes', { count: mine })} role="img">
          {Array.from({ length: Math.min(mine, 10) }, (_, i) => (
            <span key={i} className="vote-dot" />
          ))}
        </span>
      )}
      {total !== null && <span className="vote-total">{t('voting.total', { count: total })}</span>}
      {mine > 0 && (
        <button type="button" className="button vote-button" onClick={() => actions.retractVote(roundId, noteId)}>
          {t('voting.takeBack')}
        </button>
      )}
      <button
        type="button"
        className="button primary vote-button"
        disabled={!canVote.allowed}
        title={canVote.allowed ? undefined : t(`policy.${canVote.reason}`)}
        onClick={() => actions.vote(roundId, noteId)}
      >
        {t('voting.vote')}
      </button>
    </div>
  );
}
