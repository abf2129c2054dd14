import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionLabels } from '../../shared/export/decision-text';
import type { DecisionLogCheck } from '../../shared/model';
import { DialogButton } from '../ui/DialogButton';
import { ModalDialog } from '../ui/ModalDialog';
import './decisions.css';

/**
 * The session's decision record (shared/model/decision-log.ts): a side-panel button opening the
 * entries in order, the verdict and the head — the same hash the PDF report prints, so anyone can
 * compare a copy with the paper.
 */
export function DecisionRecordButton({ check }: { check: DecisionLogCheck }) {
  const { t } = useTranslation();
  return <DialogButton className="button nav-tool" label={t('decisions.show')} dialog={(close) => <DecisionRecordDialog check={check} onClose={close} />} />;
}

function DecisionRecordDialog({ check, onClose }: { check: DecisionLogCheck; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const introId = useId();
  // Rebuilt per language: the record stores facts, the words come from the reader's catalog.
  const labels = useMemo(() => decisionLabels((key, options) => i18n.t(key, options ?? {})), [i18n, i18n.language]);
  return (
    <ModalDialog titleId={titleId} describedBy={introId} onClose={onClose} className="decisions-dialog">
      <h2 id={titleId}>{labels.title}</h2>
      <p id={introId} className="muted">
        {t('decisions.intro')}
      </p>
      {check.entries.length === 0 ? (
        <p>{labels.empty}</p>
      ) : (
        <ol className="decision-list">
          {check.entries.map((entry) => {
            const results = labels.results(entry);
            return (
              <li key={entry.hash}>
                {labels.line(entry)}
                {results.length > 0 && (
                  <ul className="decision-results">
                    {results.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p className={check.problem ? 'decision-verdict warning' : 'decision-verdict'}>{labels.verdict(check)}</p>
      {check.head && <p className="decision-head">{labels.head(check.head)}</p>}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t('decisions.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
