import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMBINED_TABLES, combinedCsv, combinedTable, recurringThemes, type CombinedLabels, type CombinedNote, type CombinedTableId, type Theme } from '../../../shared/coordinator';
import { exportFileName } from '../../../shared/export/file-name';
import { countryName } from '../../ui/country-name';
import { localDay } from '../../ui/format';
import { downloadFile } from '../download';

const PAGE = 100;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The combined tables across the chosen sessions, one tab each (as in a spreadsheet): every note,
 * barriers and opportunities by sector and level, actions by votes, who must act, recurring themes.
 * The table on screen is exactly what Export CSV writes; Export Excel writes all five as sheets.
 */
export function CombinedTables({ notes, sessions }: { notes: readonly CombinedNote[]; sessions: number }) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<CombinedTableId>('notes');
  const [status, setStatus] = useState('');
  const headingId = useId();
  const labels = useMemo<CombinedLabels>(
    () => ({
      table: (id) => t(`coordinator.tables.${id}`),
      column: (c) => t(`coordinator.columns.${c}`),
      level: (l) => t(`tags.levels.${l}`),
      actor: (a) => t(`tags.actors.${a}`),
      kind: (k) => t(`coordinator.${k}`),
      untagged: t('coordinator.untagged'),
      country: (code) => countryName(code, i18n.language),
    }),
    [t, i18n.language],
  );
  // Grouping 30,000 notes into themes takes most of a second: once per selection, shared by the
  // themes list, the table and the workbook.
  const themes = useMemo(() => (tab === 'themes' ? recurringThemes(notes) : null), [tab, notes]);
  const table = useMemo(() => combinedTable(tab, notes, labels, themes ?? undefined), [tab, notes, labels, themes]);

  const exportCsv = () => {
    const name = exportFileName(table.title, localDay(Date.now()), 'csv');
    downloadFile(name, combinedCsv(table), 'text/csv;charset=utf-8');
    setStatus(t('coordinator.exported', { file: name }));
  };
  const exportExcel = async () => {
    // exceljs is large: loaded (from the app's own files) only when a workbook is made.
    const { combinedWorkbook } = await import('../../../shared/coordinator/combined-workbook');
    const all = themes ?? recurringThemes(notes);
    const bytes = await combinedWorkbook(COMBINED_TABLES.map((id) => combinedTable(id, notes, labels, all)));
    const name = exportFileName(t('coordinator.workbookName'), localDay(Date.now()), 'xlsx');
    downloadFile(name, bytes as Uint8Array<ArrayBuffer>, XLSX);
    setStatus(t('coordinator.exported', { file: name }));
  };
  const onTabKey = (event: KeyboardEvent) => {
    const i = COMBINED_TABLES.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = COMBINED_TABLES[(i + step + COMBINED_TABLES.length) % COMBINED_TABLES.length]!;
    setTab(next);
    document.getElementById(`${headingId}-tab-${next}`)?.focus();
  };

  return (
    <section className="coordinator-combined" aria-labelledby={headingId}>
      <div className="combined-head">
        <div>
          <h2 id={headingId}>{t('coordinator.combined')}</h2>
          <p className="muted small">{t('coordinator.selection', { count: sessions })}</p>
        </div>
        <div className="combined-actions">
          <button type="button" className="button" onClick={exportCsv}>
            {t('coordinator.exportCsv')}
          </button>
          <button type="button" className="button" onClick={() => void exportExcel()}>
            {t('coordinator.exportExcel')}
          </button>
        </div>
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <div role="tablist" aria-label={t('coordinator.combined')} className="combined-tabs" onKeyDown={onTabKey}>
        {COMBINED_TABLES.map((id) => (
          <button
            key={id}
            id={`${headingId}-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`${headingId}-panel`}
            tabIndex={tab === id ? 0 : -1}
            className="combined-tab"
            onClick={() => setTab(id)}
          >
            {labels.table(id)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${headingId}-panel`} aria-labelledby={`${headingId}-tab-${tab}`} className="combined-panel">
        {themes && <Themes themes={themes} />}
        <PagedTable key={tab} title={table.title} columns={table.columns} rows={table.rows} numeric={tab === 'whoMustAct'} wrap={table.columns.indexOf(labels.column('text'))} />
      </div>
    </section>
  );
}

/** `wrap`: the one column of running text (a note's words) that wraps; the short ones stay on one line. */
function PagedTable({ title, columns, rows, numeric, wrap }: { title: string; columns: string[]; rows: (string | number)[][]; numeric: boolean; wrap: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [rows]);
  if (rows.length === 0) return <p className="muted">{t('coordinator.noRows')}</p>;
  return (
    <>
      {/* Focusable, so keyboard users can scroll a long table too. */}
      <div className="table-scroll combined-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="data-table combined-table" aria-label={title}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={typeof cell === 'number' || (numeric && j > 0) ? 'numeric' : j === wrap ? 'wrap' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="combined-more">
        <span className="muted small">{t('coordinator.shown', { shown: Math.min(shown, rows.length), total: rows.length })}</span>
        {shown < rows.length && (
          <button type="button" className="button" onClick={() => setShown((s) => s + PAGE * 2)}>
            {t('coordinator.showMore')}
          </button>
        )}
      </div>
    </>
  );
}

/** Themes as a list: what each is about and how widespread; its notes one click away. */
function Themes({ themes }: { themes: readonly Theme[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="themes">
      <p className="muted small">{t('coordinator.themesHow')}</p>
      {themes.length === 0 ? null : (
        <ol className="theme-list">
          {themes.slice(0, 50).map((theme, i) => {
            const number = i + 1;
            const expanded = open.has(number);
            return (
              <li key={theme.notes[0]!.key} className="theme">
                <div className="theme-head">
                  <div>
                    <strong>{t('coordinator.theme', { number, label: theme.label })}</strong>
                    <div className="muted small">
                      {t('coordinator.themeFacts', { notes: theme.notes.length, sessions: t('coordinator.sessionsCount', { count: theme.sessions }), words: theme.words.join(', ') })}
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button small"
                    aria-expanded={expanded}
                    onClick={() =>
                      setOpen((current) => {
                        const next = new Set(current);
                        if (expanded) next.delete(number);
                        else next.add(number);
                        return next;
                      })
                    }
                  >
                    {t(expanded ? 'coordinator.hideNotes' : 'coordinator.showNotes', { number })}
                  </button>
                </div>
                {expanded && (
                  <ul className="theme-notes">
                    {theme.notes.map((n) => (
                      <li key={n.key}>
                        {n.text} <span className="muted small">— {[n.lab, n.city, n.session].filter(Boolean).join(' · ')}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
