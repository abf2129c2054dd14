import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { facilitatorsMap, lockedBoardsMap, metaMap, settingsMap } from '../../shared/model';
import { isBoardLocked } from '../../shared/model/policy';
import type { Action, Decision, Target } from '../../shared/model/policy';
import type { Workshop } from './workshop';

/**
 * The open session's Workshop, for every screen inside it. It lives in its own folder so that
 * session/ (which creates it) and board/, facilitation/, presence/ (which use it) all depend on
 * workshop/ and never on each other: board/ must not import session/.
 */
export const WorkshopContext = createContext<Workshop | null>(null);

export function useWorkshop(): Workshop {
  const workshop = useContext(WorkshopContext);
  if (!workshop) throw new Error('useWorkshop outside an open session');
  return workshop;
}

/**
 * The parts of the doc the policy reads beyond the target itself: locks, facilitators, private
 * mode, the schema version. One observer per root for the whole session, fanned out to a Set of
 * listeners: a board of a thousand notes asks `useCan` thousands of times, and Yjs removes an
 * observer by scanning its list, which would make leaving such a board quadratic.
 */
interface PolicyFanOut {
  listeners: Set<() => void>;
  detach: () => void;
}

const fanOuts = new WeakMap<Workshop, PolicyFanOut>();

function subscribePolicy(workshop: Workshop, changed: () => void): () => void {
  let fanOut = fanOuts.get(workshop);
  if (!fanOut) {
    const listeners = new Set<() => void>();
    const notify = () => {
      for (const listener of [...listeners]) listener();
    };
    const roots = [lockedBoardsMap(workshop.doc), facilitatorsMap(workshop.doc), settingsMap(workshop.doc), metaMap(workshop.doc)];
    for (const root of roots) root.observe(notify);
    const detach = () => {
      for (const root of roots) root.unobserve(notify);
      fanOuts.delete(workshop);
    };
    fanOut = { listeners, detach };
    fanOuts.set(workshop, fanOut);
  }
  const { listeners, detach } = fanOut;
  listeners.add(changed);
  return () => {
    listeners.delete(changed);
    // The last listener gone (the session view closed): let go of the doc too.
    if (listeners.size === 0) detach();
  };
}

type DecisionKey = 'allowed' | Extract<Decision, { allowed: false }>['reason'];

function keyOf(decision: Decision): DecisionKey {
  return decision.allowed ? 'allowed' : decision.reason;
}

/**
 * `workshop.can(action, target)`, kept current: re-evaluated when a lock, a facilitator, private
 * mode or the schema version changes, and whenever the calling component renders for its own
 * reasons (its note changed). The same answer is the same object, so memoised children stay put.
 */
export function useCan(action: Action, target: Target = {}): Decision {
  const workshop = useWorkshop();
  const { boardId, noteId, roundId, zoneId } = target;
  const subscribe = useMemo(() => (changed: () => void) => subscribePolicy(workshop, changed), [workshop]);
  const key = useSyncExternalStore(subscribe, () => keyOf(workshop.can(action, { boardId, noteId, roundId, zoneId })));
  return useMemo<Decision>(() => (key === 'allowed' ? { allowed: true } : { allowed: false, reason: key }), [key]);
}

/** Whether a board is locked right now (the facilitator's control shows Lock or Unlock from it). */
export function useBoardLocked(boardId: string): boolean {
  const workshop = useWorkshop();
  const subscribe = useMemo(() => (changed: () => void) => subscribePolicy(workshop, changed), [workshop]);
  return useSyncExternalStore(subscribe, () => isBoardLocked(workshop.doc, boardId));
}

/**
 * A value read from the doc's policy roots (settings, locks, facilitators), kept current: the
 * private brainstorm switch, hidden cursors, a zone's lock. `read` must return a primitive.
 */
export function usePolicyValue<T extends string | number | boolean | null>(read: (workshop: Workshop) => T): T {
  const workshop = useWorkshop();
  const subscribe = useMemo(() => (changed: () => void) => subscribePolicy(workshop, changed), [workshop]);
  return useSyncExternalStore(subscribe, () => read(workshop));
}
