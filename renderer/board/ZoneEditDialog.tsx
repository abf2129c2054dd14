import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ZONE_LABEL_LENGTH, MAX_ZONE_PROMPT_LENGTH } from '../../shared/model';
import { ModalDialog } from '../ui/ModalDialog';

interface Props {
  label: string;
  prompt: string;
  onSave: (label: string, prompt: string) => void;
  onClose: () => void;
}

/** Name and prompt of a zone, in one small dialog (the facilitator's). */
export function ZoneEditDialog({ label, prompt, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [name, setName] = useState(label);
  const [question, setQuestion] = useState(prompt);
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          onSave(name, question);
          onClose();
        }}
      >
        <h2 id={titleId}>{t('zones.editTitle')}</h2>
        <label className="field">
          <span>{t('zones.name')}</span>
          <input value={name} maxLength={MAX_ZONE_LABEL_LENGTH} required autoFocus onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('zones.prompt')}</span>
          <textarea value={question} maxLength={MAX_ZONE_PROMPT_LENGTH} rows={3} onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('zones.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('zones.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
