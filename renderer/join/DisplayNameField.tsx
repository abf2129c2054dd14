import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../identity/display-name';

/** The `Your name` textbox of both ways to join (join link page and Home's Join session dialog). */
export function DisplayNameField(props: { value: string; invalid: boolean; autoFocus?: boolean; onChange: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('join.name')}</span>
      <input
        type="text"
        autoFocus={props.autoFocus}
        autoComplete="nickname"
        value={props.value}
        maxLength={MAX_NAME_LENGTH}
        aria-invalid={props.invalid ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
