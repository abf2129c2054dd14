import { useTranslation } from 'react-i18next';
import { useVoting } from '../workshop/use-voting';

/** `Votes left` while a round is open on this board. */
export function VotesLeft({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const open = useVoting((s) => Boolean(s.round?.scope.boardIds.includes(boardId)));
  const left = useVoting((s) => s.votesLeft);
  if (!open) return null;
  return (
    <span className="votes-left" role="status" aria-label={t('voting.votesLeftName')}>
      {t('voting.votesLeft', { count: left })}
    </span>
  );
}
