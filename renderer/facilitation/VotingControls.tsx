import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VOTE_BUDGET, MAX_VOTE_BUDGET } from '../../shared/model';
import { ModalDialog } from '../ui/ModalDialog';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { useVoting } from '../workshop/use-voting';

/**
 * The facilitator's `Start voting` (a dialog of settings, confirmed by `Start voting`) and, while
 * a round is open, `End voting`. Participants never see these.
 */
export function VotingControls({ boardId, boardTitle }: { boardId: string; boardTitle: string }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const may = useCan('manageVoting').allowed;
  const round = useVoting((s) => s.round);
  const [asking, setAsking] = useState(false);
  if (!may) return null;
  if (round) {
    return (
      <button type="button" className="button primary" onClick={() => actions.endVoting(round.id)}>
        {t('voting.end')}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('voting.start')}
      </button>
      {asking && <StartVotingDialog boardTitle={boardTitle} onClose={() => setAsking(false)} onStart={(o) => actions.startVoting({ ...o, boardId })} />}
    </>
  );
}

type Settings = { title: string; budget: number; anonymous: boolean; onePerNote: boolean; hideResults: boolean };

function StartVotingDialog({ boardTitle, onStart, onClose }: { boardTitle: string; onStart: (s: Settings) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [s, set] = useState<Settings>({ title: boardTitle, budget: DEFAULT_VOTE_BUDGET, anonymous: true, onePerNote: false, hideResults: true });
  const check = (key: 'anonymous' | 'onePerNote' | 'hideResults', label: string) => (
    <label className="check-field">
      <input type="checkbox" checked={s[key]} onChange={(e) => set({ ...s, [key]: e.target.checked })} />
      <span>{label}</span>
    </label>
  );
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onStart(s);
          onClose();
        }}
      >
        <h2 id={titleId}>{t('voting.startTitle', { board: boardTitle })}</h2>
        <label className="field">
          <span>{t('voting.budget')}</span>
          <input type="number" min={1} max={MAX_VOTE_BUDGET} value={s.budget} onChange={(e) => set({ ...s, budget: Math.max(1, Math.min(MAX_VOTE_BUDGET, Math.round(Number(e.target.value)) || 1)) })} />
        </label>
        {check('anonymous', t('voting.anonymous'))}
        {check('onePerNote', t('voting.onePerNote'))}
        {check('hideResults', t('voting.hideResults'))}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('zones.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('voting.start')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
