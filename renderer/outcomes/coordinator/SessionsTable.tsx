import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabSession } from '../../../shared/coordinator';
import { countryName } from '../../ui/country-name';

export interface SessionFilters {
  country: string;
  lab: string;
  city: string;
}

type SortKey = 'title' | 'lab' | 'country' | 'city' | 'date' | 'participants' | 'notes';

interface Props {
  sessions: readonly LabSession[];
  visible: readonly LabSession[];
  filters: SessionFilters;
  onFilters: (filters: SessionFilters) => void;
  isIncluded: (session: LabSession) => boolean;
  onInclude: (session: LabSession, include: boolean) => void;
  onRemove: (session: LabSession) => void;
}

const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The imported sessions: filter by country, lab and city; sort by any column; choose which count. */
export function SessionsTable({ sessions, visible, filters, onFilters, isIncluded, onInclude, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'date', descending: true });
  const captionId = useId();
  const country = (code: string) => (code ? countryName(code, i18n.language) : t('coordinator.notSet'));
  const rows = useMemo(() => {
    const name = (code: string) => countryName(code, i18n.language);
    const value = (s: LabSession): string | number => (sort.key === 'country' ? name(s.country) : s[sort.key]);
    const sorted = [...visible].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), i18n.language);
      return sort.descending ? -order : order;
    });
    return sorted;
  }, [visible, sort, i18n.language]);

  const columns: { key: SortKey; label: string; numeric?: boolean }[] = [
    { key: 'title', label: t('coordinator.columns.session') },
    { key: 'lab', label: t('coordinator.columns.lab') },
    { key: 'country', label: t('coordinator.columns.country') },
    { key: 'city', label: t('coordinator.columns.city') },
    { key: 'date', label: t('coordinator.columns.date') },
    { key: 'participants', label: t('coordinator.participants'), numeric: true },
    { key: 'notes', label: t('coordinator.notes'), numeric: true },
  ];
  const select = (name: keyof SessionFilters, label: string, all: string, values: string[], show: (v: string) => string = (v) => v || t('coordinator.notSet')) => (
    <label className="field compact">
      <span>{label}</span>
      <select value={filters[name]} onChange={(e) => onFilters({ ...filters, [name]: e.target.value })}>
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {show(v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="coordinator-sessions">
      <div className="coordinator-filters" role="group" aria-label={t('coordinator.filters')}>
        {select('country', t('coordinator.country'), t('coordinator.allCountries'), distinct(sessions.map((s) => s.country)), country)}
        {select('lab', t('coordinator.lab'), t('coordinator.allLabs'), distinct(sessions.map((s) => s.lab)))}
        {select('city', t('coordinator.city'), t('coordinator.allCities'), distinct(sessions.map((s) => s.city)))}
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('coordinator.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('coordinator.includeColumn')}</span>
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined} className={c.numeric ? 'numeric' : undefined}>
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : c.numeric === true }))}
                  >
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.key === c.key ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('coordinator.record')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('coordinator.removeColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <input type="checkbox" checked={isIncluded(s)} aria-label={t('coordinator.include', { title: s.title })} onChange={(e) => onInclude(s, e.target.checked)} />
                </td>
                <th scope="row">
                  {s.title}
                  {s.source === 'hub' && <span className="live-badge">{t('hub.live')}</span>}
                </th>
                <td>{s.lab || <span className="muted">{t('coordinator.notSet')}</span>}</td>
                <td>{country(s.country)}</td>
                <td>{s.city || <span className="muted">{t('coordinator.notSet')}</span>}</td>
                <td className="nowrap">{s.date}</td>
                <td className="numeric">{s.participants}</td>
                <td className="numeric">{s.notes}</td>
                <td>
                  <RecordState session={s} />
                </td>
                <td>
                  {s.source !== 'hub' && (
                    <button type="button" className="button small" aria-label={t('coordinator.remove', { title: s.title })} onClick={() => onRemove(s)}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RecordState({ session }: { session: LabSession }) {
  const { t } = useTranslation();
  const { problem, entries } = session.record;
  if (problem) return <span className="record-state bad">{t(problem === 'altered' ? 'coordinator.recordAltered' : 'coordinator.recordTruncated')}</span>;
  return <span className="record-state">{entries.length === 0 ? t('coordinator.recordEmpty') : t('coordinator.recordOk')}</span>;
}
