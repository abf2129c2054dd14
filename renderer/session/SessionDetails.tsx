import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_META_FIELD_LENGTH, MISSION_COUNTRIES, readSessionMeta } from '../../shared/model';
import { DialogButton } from '../ui/DialogButton';
import { ModalDialog } from '../ui/ModalDialog';
import { countryName } from '../ui/country-name';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import './details.css';

/**
 * Session details (facilitators): lab, country, city and the workshop's date — what coordinators
 * sort and filter sessions by in the coordinator view. New sessions start with today and the
 * country of the device's language; the rest is empty until the facilitator says.
 */
export function SessionDetailsButton() {
  const { t } = useTranslation();
  const can = useCan('editSession');
  if (!can.allowed) return null;
  return <DialogButton className="button nav-tool" label={t('details.open')} dialog={(close) => <SessionDetailsDialog onClose={close} />} />;
}

function SessionDetailsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { doc, actions } = useWorkshop();
  const titleId = useId();
  const introId = useId();
  const [meta] = useState(() => readSessionMeta(doc));
  const [lab, setLab] = useState(meta.lab);
  const [country, setCountry] = useState(meta.country);
  const [city, setCity] = useState(meta.place);
  const [date, setDate] = useState(meta.date);
  const countries = useMemo(() => {
    const codes = new Set<string>([...MISSION_COUNTRIES, ...(meta.country ? [meta.country] : [])]);
    return [...codes].map((code) => ({ code, name: countryName(code, i18n.language) })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [i18n.language, meta.country]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    actions.updateDetails({ lab, country, place: city, date });
    onClose();
  };
  return (
    <ModalDialog titleId={titleId} describedBy={introId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('details.title')}</h2>
        <p id={introId} className="muted small details-intro">
          {t('details.intro')}
        </p>
        <label className="field">
          <span>{t('details.lab')}</span>
          <input type="text" autoFocus value={lab} maxLength={MAX_META_FIELD_LENGTH} placeholder={t('details.labHint')} onChange={(e) => setLab(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('details.country')}</span>
          <select value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('details.noCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('details.city')}</span>
          <input type="text" value={city} maxLength={MAX_META_FIELD_LENGTH} autoComplete="address-level2" onChange={(e) => setCity(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('details.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('details.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('details.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
