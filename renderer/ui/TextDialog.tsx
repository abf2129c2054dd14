import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';

interface Field {
  label: string;
  value: string;
  maxLength: number;
  required?: boolean;
}

/** A small dialog asking for one or two lines of text (rename a board, name a template). */
export function TextDialog(props: { title: string; fields: Field[]; confirm: string; onSave: (values: string[]) => void; onClose: () => void }) {
  const { title, fields, confirm, onSave, onClose } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState(fields.map((f) => f.value));
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (fields.some((f, i) => f.required && !values[i]!.trim())) return;
          onSave(values);
          onClose();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {fields.map((f, i) => (
          <label key={f.label} className="field">
            <span>{f.label}</span>
            <input
              value={values[i]}
              maxLength={f.maxLength}
              required={f.required}
              autoFocus={i === 0}
              onChange={(e) => setValues((v) => v.map((old, j) => (j === i ? e.target.value : old)))}
            />
          </label>
        ))}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('zones.cancel')}
          </button>
          <button type="submit" className="button primary">
            {confirm}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
