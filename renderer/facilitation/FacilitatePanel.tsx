import { useState } from 'react';
import './facilitation.css';
import { useTranslation } from 'react-i18next';
import { areCursorsHidden, isBoardPrivate, isFacilitator } from '../../shared/model';
import { usePresence } from '../presence/presence-context';
import { useBoardUi } from '../state/board-ui';
import { useCan, usePolicyValue, useWorkshop } from '../workshop/workshop-context';
import { Switch } from './Switch';
import { PurgeNamesButton } from './PurgeNames';

/**
 * The facilitator's room controls for the board on screen (UI-CONTRACT: switch `Private
 * brainstorm`, button `Reveal notes`, button `Bring everyone here`), and everyone's cursors.
 * Participants never see it; their apps honour what it sets.
 */
export function FacilitatePanel({ boardId }: { boardId: string | undefined }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const may = useCan('editSettings', { boardId }).allowed;
  const mayReveal = useCan('reveal', { boardId }).allowed;
  const isPrivate = usePolicyValue((w) => (boardId ? isBoardPrivate(w.doc, boardId) : false));
  const cursorsHidden = usePolicyValue((w) => areCursorsHidden(w.doc));
  const leading = useBoardUi((s) => s.leading);
  const [said, setSaid] = useState('');
  if (!may || !boardId) return null;
  return (
    <section className="facilitate" aria-labelledby="facilitate-heading">
      <h2 id="facilitate-heading" className="side-heading">
        {t('facilitation.heading')}
      </h2>
      <Switch label={t('facilitation.privateBrainstorm')} hint={t('facilitation.privateHint')} checked={isPrivate} onChange={(on) => actions.setPrivateBrainstorm(boardId, on)} />
      <button
        type="button"
        className="button nav-tool"
        disabled={!mayReveal}
        onClick={() => {
          const count = actions.revealNotes(boardId);
          setSaid(count > 0 ? t('facilitation.revealed', { count }) : t('facilitation.nothingToReveal'));
        }}
      >
        {t('facilitation.revealNotes')}
      </button>
      <Switch label={t('facilitation.cursors')} checked={!cursorsHidden} onChange={(on) => actions.hideCursors(!on)} />
      <button type="button" className="button nav-tool" aria-pressed={leading} onClick={() => useBoardUi.setState({ leading: !leading, following: null })}>
        {t('facilitation.bringHere')}
      </button>
      <PurgeNamesButton onDone={setSaid} />
      <p role="status" className="facilitate-said muted">
        {leading ? t('facilitation.brought') : said}
      </p>
      <CoFacilitators />
    </section>
  );
}

/**
 * Who else runs the room: everyone here (by the device id their app shares in presence) with a
 * button to make them a co-facilitator or take it back. The last facilitator cannot be removed.
 */
function CoFacilitators() {
  const { t } = useTranslation();
  const { actions, me } = useWorkshop();
  const may = useCan('manageFacilitators').allowed;
  const people = usePresence((s) => s.people);
  const seen = new Set<string>();
  const others = people.filter((p) => !p.self && p.device && p.device !== me.deviceId && !seen.has(p.device) && seen.add(p.device));
  // Who of them facilitates, as the doc says now (re-read when the facilitator list changes).
  const roles = usePolicyValue((w) => others.map((p) => (isFacilitator(w.doc, p.device!) ? '1' : '0')).join(''));
  if (!may || others.length === 0) return null;
  return (
    <ul className="co-facilitators">
      {others.map((p, i) => {
        const name = p.name || t('presence.guest');
        const facilitates = roles[i] === '1';
        return (
          <li key={p.device}>
            <span className="co-name">
              {name}
              {facilitates && <span className="co-badge">{t('facilitation.facilitatorBadge')}</span>}
            </span>
            <button
              type="button"
              className="button small"
              onClick={() => (facilitates ? actions.removeFacilitator(p.device!) : actions.makeFacilitator(p.device!, name))}
            >
              {facilitates ? t('facilitation.removeFacilitator', { name }) : t('facilitation.makeFacilitator', { name })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
