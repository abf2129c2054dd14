import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

interface Field {
  label: string;
  value: string;
  maxLength: number;
  required?: boolean;
  /** A few lines (a zone's prompt) rather than one. */
  multiline?: boolean;
}

/** A small dialog asking for a line or two of text: rename a board or a cluster, name a template, word a zone. */
export function TextDialog(props: { title: string; fields: Field[]; confirm: string; onSave: (values: string[]) => void; onClose: () => void }) {
  const { title, fields, confirm, onSave, onClose } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState(fields.map((f) => f.value));
  const change = (index: number, value: string) => setValues((v) => v.map((old, j) => (j === index ? value : old)));
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
            {f.multiline ? (
              <textarea value={values[i]} maxLength={f.maxLength} rows={3} autoFocus={i === 0} onChange={(e) => change(i, e.target.value)} />
            ) : (
              <input value={values[i]} maxLength={f.maxLength} required={f.required} autoFocus={i === 0} onChange={(e) => change(i, e.target.value)} />
            )}
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
