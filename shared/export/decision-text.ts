import type { DecisionEntry, DecisionLogCheck, DecisionValue } from '../model';
import type { Translate } from './labels';

/**
 * The decision record in words, for the app's Decision record panel and the PDF report alike.
 * The record stores facts (titles, counts, results); the sentence is built in the reader's
 * language at reading time.
 */
export interface DecisionLabels {
  title: string;
  /** One entry: time, who, what. */
  line: (entry: DecisionEntry) => string;
  /** Ranked results under an ended vote ([] for other kinds). */
  results: (entry: DecisionEntry) => string[];
  head: (head: string) => string;
  /** The verdict: checks out (with the count), altered or truncated. */
  verdict: (check: DecisionLogCheck) => string;
  empty: string;
}

const text = (value: DecisionValue | undefined) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const count = (value: DecisionValue | undefined) => (typeof value === 'number' ? value : 0);
const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time as YYYY-MM-DD HH:MM: unambiguous in every language the app speaks. */
export function decisionTime(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function decisionLabels(t: Translate): DecisionLabels {
  const what = (e: DecisionEntry) => {
    const d = e.data;
    const vars = { round: text(d.round), board: text(d.board), note: text(d.note), activity: text(d.activity), zone: text(d.zone), name: text(d.name) };
    switch (e.kind) {
      case 'votingEnded':
        return t('decisions.votingEnded', { ...vars, votes: t('outcomes.votes', { count: count(d.votes) }), voters: t('decisions.voters', { count: count(d.voters) }) });
      case 'notesRevealed':
        return t('decisions.notesRevealed', { ...vars, count: count(d.count) });
      default:
        return t(`decisions.${e.kind}`, vars);
    }
  };
  return {
    title: t('decisions.title'),
    line: (e) => t('decisions.line', { time: decisionTime(e.at), who: e.by.name || t('decisions.someone'), what: what(e) }),
    results: (e) => {
      const list = e.kind === 'votingEnded' && Array.isArray(e.data.results) ? e.data.results : [];
      return list.flatMap((r, i) =>
        r && typeof r === 'object' && !Array.isArray(r) ? [t('decisions.result', { rank: i + 1, note: text(r.note), votes: t('outcomes.votes', { count: count(r.votes) }) })] : [],
      );
    },
    head: (head) => t('decisions.head', { head }),
    verdict: (check) => (check.problem ? t(`decisions.${check.problem}`) : t('decisions.verified', { count: check.entries.length })),
    empty: t('decisions.empty'),
  };
}
