import type * as Y from 'yjs';
import { appendDecision, type DecisionKind, type DecisionValue } from './decision-log';
import { getBoard } from './boards';
import { getNote } from './notes';
import { getZone } from './zones';
import { getRound } from './voting-rounds';
import { tally, voteTotals } from './votes';
import { getAgendaItem } from './agenda';

/**
 * What goes into the decision record for each kind of decision: the words and numbers as they
 * stood at that moment (titles, the note texts that won votes), so the record still reads right
 * after notes are edited, moved or deleted. Never the join code, never an anonymous voter.
 */
export type DecisionSubject =
  | { kind: 'votingStarted' | 'votingEnded'; roundId: string }
  | { kind: 'notesRevealed'; boardId: string; count: number }
  | { kind: 'noteRevealed'; noteId: string }
  | { kind: 'activityStarted' | 'activityFinished'; itemId: string }
  | { kind: 'zoneLocked' | 'zoneUnlocked'; zoneId: string }
  | { kind: 'boardLocked' | 'boardUnlocked'; boardId: string }
  | { kind: 'codeChanged' }
  | { kind: 'facilitatorAdded' | 'facilitatorRemoved'; name: string };

/** Most results kept per round: enough for any report, bounded for a hostile 10,000-note round. */
const MAX_RESULTS = 50;
const MAX_TEXT = 300;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const boardTitle = (doc: Y.Doc, boardId: string) => getBoard(doc, boardId)?.title ?? '';

function dataFor(doc: Y.Doc, subject: DecisionSubject): { [key: string]: DecisionValue } | null {
  switch (subject.kind) {
    case 'votingStarted':
    case 'votingEnded': {
      const round = getRound(doc, subject.roundId);
      if (!round) return null;
      const base = { round: round.title, board: round.scope.boardIds.map((id) => boardTitle(doc, id)).join(', '), anonymous: round.anonymous, budget: round.budget };
      if (subject.kind === 'votingStarted') return base;
      const counted = tally(doc, subject.roundId).ballots.filter((b) => b.counted);
      const results = voteTotals(doc, subject.roundId)
        .slice(0, MAX_RESULTS)
        .map((t) => ({ note: clip(getNote(doc, t.noteId)?.text ?? ''), votes: t.votes }));
      return { ...base, votes: counted.length, voters: new Set(counted.map((b) => b.vote.voterId)).size, results };
    }
    case 'notesRevealed':
      return { board: boardTitle(doc, subject.boardId), count: subject.count };
    case 'noteRevealed': {
      const note = getNote(doc, subject.noteId);
      return note ? { board: boardTitle(doc, note.boardId), note: clip(note.text) } : null;
    }
    case 'activityStarted':
    case 'activityFinished': {
      const item = getAgendaItem(doc, subject.itemId);
      return item ? { activity: item.title, minutes: item.minutes } : null;
    }
    case 'zoneLocked':
    case 'zoneUnlocked': {
      const zone = getZone(doc, subject.zoneId);
      return zone ? { zone: zone.label, board: boardTitle(doc, zone.boardId) } : null;
    }
    case 'boardLocked':
    case 'boardUnlocked':
      return { board: boardTitle(doc, subject.boardId) };
    case 'codeChanged':
      return {};
    case 'facilitatorAdded':
    case 'facilitatorRemoved':
      return { name: subject.name };
  }
}

/** Appends the decision to the record; false when its subject no longer exists. */
export function recordDecision(doc: Y.Doc, by: { id: string; name: string }, at: number, subject: DecisionSubject): boolean {
  const data = dataFor(doc, subject);
  if (!data) return false;
  appendDecision(doc, { kind: subject.kind satisfies DecisionKind, at, by, data });
  return true;
}
