import { useEffect, useState } from 'react';
import { decisionsMap, verifyDecisionLog, type DecisionLogCheck } from '../../shared/model';
import { readKnownHeads, saveKnownHeads } from '../storage/decision-heads';
import type { OpenSession } from './open-sessions';

/**
 * The session's decision record, checked when the session opens and again whenever an entry
 * arrives: against its own hashes and links, and against the head this device saw last time
 * (so entries removed from the end show too). A record that checks out becomes the new known head;
 * one that does not keeps the old one, so the warning stays until someone looks into it.
 */
export function useDecisionRecord(session: OpenSession): DecisionLogCheck {
  const [check, setCheck] = useState(() => verifyDecisionLog(session.doc, readKnownHeads(session.id)));
  useEffect(() => {
    const known = readKnownHeads(session.id);
    const verify = () => {
      const next = verifyDecisionLog(session.doc, known);
      if (!next.problem && next.heads.length > 0) {
        saveKnownHeads(session.id, next.heads);
        known.splice(0, known.length, ...next.heads);
      }
      setCheck(next);
    };
    verify();
    const map = decisionsMap(session.doc);
    map.observe(verify);
    return () => map.unobserve(verify);
  }, [session]);
  return check;
}
