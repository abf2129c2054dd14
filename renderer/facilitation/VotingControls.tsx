import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VOTE_BUDGET, listZones, MAX_VOTE_BUDGET, type Zone } from '../../shared/model';
import { ModalDialog } from '../ui/ModalDialog';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { useVoting } from '../workshop/use-voting';

/**
 * The facilitator's `Start voting` (a dialog of settings, confirmed by `Start voting`) and, while
 * a round is open, `End voting`. Participants never see these.
 */
export function VotingControls({ boardId, boardTitle }: { boardId: string; boardTitle: string }) {
  const { t } = useTranslation();
  const { actions, doc } = useWorkshop();
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
      {asking && (
        <StartVotingDialog boardTitle={boardTitle} zones={listZones(doc, boardId)} onClose={() => setAsking(false)} onStart={(o) => actions.startVoting({ ...o, boardId })} />
      )}
    </>
  );
}

type Settings = { title: string; budget: number; anonymous: boolean; onePerNote: boolean; hideResults: boolean; zoneIds: string[] };

function StartVotingDialog({ boardTitle, zones, onStart, onClose }: { boardTitle: string; zones: Zone[]; onStart: (s: Settings) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const scopeErrorId = useId();
  const [s, set] = useState<Settings>({ title: boardTitle, budget: DEFAULT_VOTE_BUDGET, anonymous: true, onePerNote: false, hideResults: true, zoneIds: [] });
  const [someZones, setSomeZones] = useState(false);
  const [scopeError, setScopeError] = useState(false);
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
          if (someZones && s.zoneIds.length === 0) {
            setScopeError(true);
            return;
          }
          onStart({ ...s, zoneIds: someZones ? s.zoneIds : [] });
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
        {zones.length > 0 && (
          <fieldset className="vote-scope" aria-describedby={scopeError ? scopeErrorId : undefined}>
            <legend>{t('voting.scope')}</legend>
            <label className="check-field">
              <input type="radio" name="vote-scope" checked={!someZones} onChange={() => setSomeZones(false)} />
              <span>{t('voting.wholeBoard')}</span>
            </label>
            <label className="check-field">
              <input type="radio" name="vote-scope" checked={someZones} onChange={() => setSomeZones(true)} />
              <span>{t('voting.someZones')}</span>
            </label>
            {someZones && (
              <div className="vote-scope-zones">
                {zones.map((z) => (
                  <label key={z.id} className="check-field">
                    <input
                      type="checkbox"
                      checked={s.zoneIds.includes(z.id)}
                      onChange={(e) => {
                        setScopeError(false);
                        set({ ...s, zoneIds: e.target.checked ? [...s.zoneIds, z.id] : s.zoneIds.filter((id) => id !== z.id) });
                      }}
                    />
                    <span>{z.label}</span>
                  </label>
                ))}
              </div>
            )}
            {scopeError && (
              <p id={scopeErrorId} role="alert" className="field-error">
                {t('voting.pickZone')}
              </p>
            )}
          </fieldset>
        )}
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
