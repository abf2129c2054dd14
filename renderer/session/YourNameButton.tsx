import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanName, MAX_NAME_LENGTH } from '../identity/display-name';
import type { Me } from '../identity/person';
import type { GovernanceLevel } from '../../shared/model';
import { LevelField } from '../identity/LevelField';
import { textColourOn } from '../presence/presence-state';
import { ModalDialog } from '../ui/ModalDialog';

/**
 * Who I am to the others, in the header: the facilitator (who never passed a join page) and
 * participants alike can change the name everyone sees, at any time, as in Miro's profile menu.
 */
export function YourNameButton({ me, onRename }: { me: Me; onRename: (name: string, level: GovernanceLevel | null) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // After the modal dialog is gone (while it is open, everything else is inert and cannot take focus).
  useEffect(() => {
    if (!open && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button your-name"
        aria-label={t('room.yourNameButton', { name: me.name })}
        title={t('room.yourNameButton', { name: me.name })}
        onClick={() => setOpen(true)}
      >
        {/* An avatar, as in Miro's and Figma's headers; the name is in the button's label and tooltip. */}
        <span className="your-name-avatar" style={{ background: me.colour, color: textColourOn(me.colour) }} aria-hidden="true">
          {Array.from(me.name)[0]?.toUpperCase() ?? '?'}
        </span>
      </button>
      {open && (
        <YourNameDialog
          name={me.name}
          level={me.level ?? null}
          onClose={close}
          onSave={(name, level) => {
            onRename(name, level);
            close();
          }}
        />
      )}
    </>
  );
}

function YourNameDialog(props: { name: string; level: GovernanceLevel | null; onSave: (name: string, level: GovernanceLevel | null) => void; onClose: () => void }) {
  const { name, onSave, onClose } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [value, setValue] = useState(name);
  const [level, setLevel] = useState(props.level);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanName(value);
    if (!clean) {
      setInvalid(true);
      return;
    }
    onSave(clean, level);
  };
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('room.yourNameTitle')}</h2>
        <label className="field">
          <span>{t('join.name')}</span>
          <input
            type="text"
            autoFocus
            autoComplete="nickname"
            value={value}
            maxLength={MAX_NAME_LENGTH}
            aria-invalid={invalid ? true : undefined}
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => {
              setValue(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
        {invalid && (
          <p role="alert" className="field-error">
            {t('join.nameRequired')}
          </p>
        )}
        <p className="muted small dialog-extra">{t('room.yourNameHint')}</p>
        <LevelField value={level} onChange={setLevel} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('join.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('room.saveName')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
