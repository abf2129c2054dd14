import type * as Y from 'yjs';
import { addFacilitator, listFacilitators } from '../../shared/model';
import type { Me } from '../identity/person';
import type { SessionAccess, TransitionLabDb } from '../storage/database';

/**
 * Before device ids, sessions were created without a facilitator in the doc ("unmanaged": every
 * peer could facilitate) and the access row's `role` said who created them. The doc is now the one
 * place that says who facilitates, so on opening such a session on the device that created it:
 * write this device into the doc's facilitators, then drop `role` from the row.
 *
 * Only where the doc lists nobody: a doc that already names facilitators is never overruled by
 * local storage. Participants' rows just lose `role`; their unmanaged docs keep working (and turn
 * managed once the creator's app has written itself in and synced).
 *
 * Not an undoable edit (no LOCAL_ORIGIN at the outer level), like creation itself.
 */
export async function settleFacilitator(
  db: TransitionLabDb,
  session: { doc: Y.Doc; flush: () => Promise<void> },
  access: SessionAccess,
  me: Me,
  now: number,
): Promise<SessionAccess> {
  const { doc } = session;
  const createdHere = access.role === 'facilitator' || (access.role === undefined && access.adminSecret !== undefined);
  if (createdHere && listFacilitators(doc).length === 0) {
    doc.transact(() => addFacilitator(doc, me.deviceId, { clientId: me.deviceId, name: me.name, now }));
  }
  if (access.role === undefined) return access;
  // The doc must hold this device before the row stops saying so.
  await session.flush();
  const { role: _legacy, ...rest } = access;
  await db.access.put(rest);
  return rest;
}
