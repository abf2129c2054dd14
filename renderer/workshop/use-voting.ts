import { useCallback, useContext, useSyncExternalStore } from 'react';
import { listRounds, noteListing, observeRoots, openRound, tally, type VotingRound } from '../../shared/model';
import type { Workshop } from './workshop';
import { WorkshopContext } from './workshop-context';

export interface VotingState {
  /** The round people vote in now, if any. */
  round: VotingRound | null;
  /** The newest closed round (its results), if any. */
  lastClosed: VotingRound | null;
  /** Every closed round, oldest first (their results can be reopened). */
  closed: VotingRound[];
  /** This person's counted votes per note in the open round. */
  mine: ReadonlyMap<string, number>;
  /** Counted votes per note in the open round (shown only when the round does not hide them). */
  totals: ReadonlyMap<string, number>;
  votesLeft: number;
}

const EMPTY: VotingState = { round: null, lastClosed: null, closed: [], mine: new Map(), totals: new Map(), votesLeft: 0 };

interface Store {
  state: VotingState;
  listeners: Set<() => void>;
  detach: () => void;
}

const stores = new WeakMap<Workshop, Store>();

function read(workshop: Workshop): VotingState {
  const { doc } = workshop;
  const round = openRound(doc);
  const closed = listRounds(doc)
    .filter((r) => r.status === 'closed' && r.deletedAt === null)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const lastClosed = closed.at(-1) ?? null;
  if (!round) return { ...EMPTY, lastClosed, closed };
  const mine = new Map<string, number>();
  const totals = new Map<string, number>();
  let used = 0;
  for (const b of tally(doc, round.id).ballots) {
    if (!b.counted) continue;
    totals.set(b.vote.noteId, (totals.get(b.vote.noteId) ?? 0) + 1);
    if (b.vote.voterId === workshop.me.deviceId) {
      mine.set(b.vote.noteId, (mine.get(b.vote.noteId) ?? 0) + 1);
      used++;
    }
  }
  return { round, lastClosed, closed, mine, totals, votesLeft: Math.max(0, round.budget - used) };
}

function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * `next` with every part that did not change taken from `prev` (the same objects), or `prev`
 * itself when nothing did: a note added anywhere in the room re-reads the voting state, and new
 * but equal round lists re-rendered every part of the screen that shows rounds.
 */
export function keepUnchanged(prev: VotingState, next: VotingState): VotingState {
  const kept: VotingState = {
    round: sameJson(prev.round, next.round) ? prev.round : next.round,
    lastClosed: sameJson(prev.lastClosed, next.lastClosed) ? prev.lastClosed : next.lastClosed,
    closed: sameJson(prev.closed, next.closed) ? prev.closed : next.closed,
    mine: sameCounts(prev.mine, next.mine) ? prev.mine : next.mine,
    totals: sameCounts(prev.totals, next.totals) ? prev.totals : next.totals,
    votesLeft: next.votesLeft,
  };
  const same = (Object.keys(kept) as (keyof VotingState)[]).every((key) => kept[key] === prev[key]);
  return same ? prev : kept;
}

/** One reading of the voting state per change for the whole session, however many notes ask. */
function storeFor(workshop: Workshop): Store {
  let store = stores.get(workshop);
  if (!store) {
    const listeners = new Set<() => void>();
    const s: Store = { state: read(workshop), listeners, detach: () => {} };
    const reread = () => {
      const next = keepUnchanged(s.state, read(workshop));
      if (next === s.state) return;
      s.state = next;
      for (const l of [...listeners]) l();
    };
    const stopRoots = observeRoots(workshop.doc, ['rounds', 'votes', 'boards'], reread);
    // A vote counts while its note is live and in the round's scope: the listing says when a note
    // changed in a way that could alter that; typing in one does not re-tally every ballot.
    const stopNotes = noteListing(workshop.doc).subscribe(reread);
    s.detach = () => {
      stopRoots();
      stopNotes();
    };
    stores.set(workshop, s);
    store = s;
  }
  return store;
}

/** A value derived from the voting state; the component re-renders only when it changes (compare with ===). */
export function useVoting<T>(select: (state: VotingState) => T): T {
  const workshop = useContext(WorkshopContext);
  // One subscribe function per workshop: a new one each render would unsubscribe and resubscribe
  // on every render, and the last listener leaving must not throw the store (and its arrays) away
  // in the middle of that.
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!workshop) return () => {};
      const store = storeFor(workshop);
      store.listeners.add(changed);
      return () => {
        store.listeners.delete(changed);
        // Let go of the doc only once nobody came back within the same turn (a re-render).
        setTimeout(() => {
          if (store.listeners.size === 0 && stores.get(workshop) === store) {
            store.detach();
            stores.delete(workshop);
          }
        }, 0);
      };
    },
    [workshop],
  );
  return useSyncExternalStore(subscribe, () => select(workshop ? storeFor(workshop).state : EMPTY));
}
