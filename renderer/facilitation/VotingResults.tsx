import { useEffect, useId, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBoard, getNote, listBallots, noteListing, noteVisibleTo, totalsByLevel, voteTotals, type VoteTotal } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { useVoting } from '../workshop/use-voting';

/**
 * `Voting results` after `End voting`, or of any past round chosen in `Past voting rounds`: the
 * notes ranked by their votes, best first, for everyone — and beside it the same ranking split by
 * the voters' governance level (region `By governance level`), what the national, regional and
 * city people each chose. Each person closes it on their own screen.
 */
export function VotingResults() {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { doc } = workshop;
  const lastClosed = useVoting((s) => s.lastClosed);
  const closed = useVoting((s) => s.closed);
  const open = useVoting((s) => s.round !== null);
  const chosen = useBoardUi((s) => s.resultsRoundId);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const headingId = useId();
  const levelsId = useId();
  useEffect(() => {
    // The facilitator's next round hides the old results.
    if (open && lastClosed) setDismissed(lastClosed.id);
  }, [open, lastClosed]);
  const round = chosen ? closed.find((r) => r.id === chosen) ?? null : lastClosed && dismissed !== lastClosed.id && !open ? lastClosed : null;
  // The results name and count notes: while they show, follow the notes (a note deleted or
  // changed after the round); the voting state itself changes only with rounds and votes.
  const [, notesChanged] = useReducer((n: number) => n + 1, 0);
  const shownId = round?.id ?? null;
  useEffect(() => (shownId ? noteListing(doc).subscribe(() => notesChanged()) : undefined), [doc, shownId]);
  if (!round) return null;
  const close = () => {
    setDismissed(round.id);
    useBoardUi.setState({ resultsRoundId: null });
  };
  const person = workshop.person();
  const textOf = (noteId: string) => {
    const note = getNote(doc, noteId);
    if (!note) return '';
    // A private note not yet revealed is not shown to those who may not see it, even here.
    return noteVisibleTo(doc, person, note) ? note.text.trim() || t('note.empty') : t('voting.hiddenNote');
  };
  const ranked = voteTotals(doc, round.id);
  const levels = totalsByLevel(doc, round.id);
  const number = closed.findIndex((r) => r.id === round.id) + 1;
  // A named round says who chose what (an anonymous one keeps no names at all).
  const voters = new Map<string, string[]>();
  if (!round.anonymous) {
    for (const b of listBallots(doc, round.id)) {
      if (!b.counted || !b.voterName) continue;
      const names = voters.get(b.noteId) ?? [];
      if (!names.includes(b.voterName)) names.push(b.voterName);
      voters.set(b.noteId, names);
    }
  }
  const list = (totals: VoteTotal[], withVoters = false) => (
    <ol>
      {totals.map((r) => (
        <li key={r.noteId}>
          <span className="result-row">
            <span className="result-text">{textOf(r.noteId)}</span>
            <span className="result-total">{t('voting.total', { count: r.votes })}</span>
          </span>
          {withVoters && voters.has(r.noteId) && <span className="result-voters muted">{t('voting.votedBy', { names: voters.get(r.noteId)!.join(', ') })}</span>}
        </li>
      ))}
    </ol>
  );
  return (
    <div className={`voting-results${levels.length > 1 ? ' wide' : ''}`}>
      <section role="region" aria-labelledby={headingId}>
        <div className="voting-results-head">
          <h2 id={headingId}>{t('voting.results')}</h2>
          <button type="button" className="button icon" aria-label={t('voting.closeResults')} title={t('voting.closeResults')} onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p className="muted">{number > 0 ? t('voting.showResults', { number }) : ''} · {round.title}</p>
        {ranked.length === 0 ? <p>{t('voting.noVotes')}</p> : list(ranked, true)}
      </section>
      {levels.length > 0 && (
        <section role="region" aria-labelledby={levelsId} className="results-by-level">
          <h3 id={levelsId}>{t('voting.byLevel')}</h3>
          <div className="level-columns">
            {levels.map((column) => {
              const name = column.level ? t(`tags.levels.${column.level}`) : t('voting.noLevel');
              return (
                <section key={column.level ?? 'none'} className="level-column" aria-label={name}>
                  <h4>{t('voting.levelVotes', { level: name, count: column.votes })}</h4>
                  {list(column.totals)}
                </section>
              );
            })}
          </div>
        </section>
      )}
    </div>
  );
}

/** Every closed round of the session, oldest first: press one to see its results again. */
export function PastRounds() {
  const { t, i18n } = useTranslation();
  const { doc } = useWorkshop();
  const closed = useVoting((s) => s.closed);
  const chosen = useBoardUi((s) => s.resultsRoundId);
  const headingId = useId();
  if (closed.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="past-rounds" aria-labelledby={headingId}>
      <h2 id={headingId} className="side-heading">
        {t('voting.pastRounds')}
      </h2>
      <ul>
        {closed.map((round, index) => {
          const board = round.scope.boardIds[0] ? (getBoard(doc, round.scope.boardIds[0])?.title ?? '') : '';
          return (
            <li key={round.id}>
              <button
                type="button"
                className="button nav-tool past-round"
                aria-pressed={chosen === round.id}
                onClick={() => useBoardUi.setState({ resultsRoundId: chosen === round.id ? null : round.id })}
              >
                {t('voting.roundName', { number: index + 1, board: board || round.title, time: time.format(round.createdAt) })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
