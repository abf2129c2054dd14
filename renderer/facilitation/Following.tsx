import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { boardsMap, isBoardLive, isFacilitator } from '../../shared/model';
import { usePresence } from '../presence/presence-context';
import { useBoardUi } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import type { Awareness } from 'y-protocols/awareness';
import { startLeading, viewportShowing } from './leading';

/**
 * The follower's side of "Bring everyone here": a facilitator's new lead takes this person's view
 * to the same board and the same part of it, and keeps it there as the facilitator moves, until
 * this person pans, zooms or changes board (board-ui.ts `setViewport`) or presses Stop following.
 */
export function useFollowLead(): void {
  const people = usePresence((s) => s.people);
  const { doc } = useWorkshop();
  useEffect(() => {
    const ui = useBoardUi.getState();
    if (ui.leading) return;
    const leaders = people.filter((p) => !p.self && p.lead && p.device && isFacilitator(doc, p.device) && boardsMap(doc).has(p.lead.boardId) && isBoardLive(doc, p.lead.boardId));
    const current = ui.following;
    let leader = current ? leaders.find((p) => p.clientId === current.clientId && p.lead!.id === current.leadId) : undefined;
    if (!leader) {
      // The lead ended (or its facilitator left): the view stays where it is.
      if (current) ui.stopFollowing();
      const left = useBoardUi.getState().leftLeads;
      leader = leaders.find((p) => !left.includes(p.lead!.id));
      if (!leader) return;
      useBoardUi.setState({ following: { clientId: leader.clientId, leadId: leader.lead!.id } });
    }
    const lead = leader.lead!;
    const area = useBoardUi.getState().shownArea;
    const view = area && area.width > 0 ? viewportShowing(lead, area) : { x: -lead.x, y: -lead.y, zoom: 1 };
    if (useBoardUi.getState().currentBoardId !== lead.boardId) useBoardUi.setState({ selectedIds: [], selectedNoteId: null, editingNoteId: null });
    useBoardUi.getState().followView(lead.boardId, view);
  }, [people, doc]);
}

/** Tells a follower whose view they follow, with the way out. */
export function FollowingBanner() {
  const { t } = useTranslation();
  const following = useBoardUi((s) => s.following);
  const name = usePresence((s) => s.people.find((p) => p.clientId === following?.clientId)?.name);
  if (!following) return null;
  return (
    <div className="following-banner" role="status">
      <span>{t('facilitation.following', { name: name || t('presence.guest') })}</span>
      <button type="button" className="button" onClick={() => useBoardUi.getState().stopFollowing()}>
        {t('facilitation.stopFollowing')}
      </button>
    </div>
  );
}

/** While this person leads, their view goes out in presence (leading.ts); it stops when they stop. */
export function useLeading(awareness: Awareness): void {
  const leading = useBoardUi((s) => s.leading);
  useEffect(() => (leading ? startLeading(awareness) : undefined), [leading, awareness]);
  // Leaving the session ends leading and following: they belong to this room, not the next one.
  useEffect(() => () => useBoardUi.setState({ leading: false, following: null }), [awareness]);
}
