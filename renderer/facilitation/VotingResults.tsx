import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNote, voteTotals } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';
import { useVoting } from '../workshop/use-voting';

/**
 * `Voting results` after `End voting`: the notes ranked by their votes, best first, for everyone.
 * Each person closes it on their own screen; a new round's end shows it again.
 */
export function VotingResults() {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const round = useVoting((s) => s.lastClosed);
  const open = useVoting((s) => s.round !== null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => {
    // The facilitator's next round hides the old results.
    if (open && round) setDismissed(round.id);
  }, [open, round]);
  if (!round || dismissed === round.id || open) return null;
  const ranked = voteTotals(doc, round.id).map((r) => ({ ...r, text: getNote(doc, r.noteId)?.text ?? '' }));
  return (
    <section className="voting-results" role="region" aria-labelledby={headingId}>
      <div className="voting-results-head">
        <h2 id={headingId}>{t('voting.results')}</h2>
        <button type="button" className="button icon" aria-label={t('voting.closeResults')} title={t('voting.closeResults')} onClick={() => setDismissed(round.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="muted">{round.title}</p>
      {ranked.length === 0 ? (
        <p>{t('voting.noVotes')}</p>
      ) : (
        <ol>
          {ranked.map((r) => (
            <li key={r.noteId}>
              <span className="result-row">
                <span className="result-text">{r.text.trim() || t('note.empty')}</span>
                <span className="result-total">{t('voting.total', { count: r.votes })}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
