import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PopupMenu } from '../ui/PopupMenu';
import { useWorkshop } from '../workshop/workshop-context';
import { useBoardUi } from '../state/board-ui';
import { buildExport, EXPORT_FORMATS, type ExportFormat } from './build-export';
import { downloadFile } from './download';

const LABEL: Record<ExportFormat, string> = {
  pdf: 'outcomes.pdf',
  excel: 'outcomes.excel',
  csv: 'outcomes.csv',
  markdown: 'outcomes.markdown',
  archive: 'outcomes.archive',
  json: 'outcomes.json',
  png: 'outcomes.png',
};

/**
 * `Export` in a session's header: a menu of formats; the chosen file is built from the session on
 * this device (shared/export) and saved. While a file is being made (a report of hundreds of notes
 * takes a moment) a progress bar shows with `Cancel export`; finishing, or failing, is announced.
 */
export function ExportMenu({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { doc, clock } = useWorkshop();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const run = useRef(0);
  const start = async (format: ExportFormat) => {
    const ticket = ++run.current;
    setBusy(format);
    setSaid(null);
    try {
      const file = await buildExport(format, { doc, sessionId, t, now: clock.now(), boardId: useBoardUi.getState().currentBoardId });
      // Cancelled meanwhile: the file is dropped, nothing is saved.
      if (ticket !== run.current) return;
      downloadFile(file.name, file.data, file.type);
      setSaid({ text: t('outcomes.exported', { file: file.name }), problem: false });
    } catch (error) {
      if (ticket !== run.current) return;
      setSaid({ text: t('outcomes.failed', { reason: error instanceof Error ? error.message : String(error) }), problem: true });
    } finally {
      if (ticket === run.current) setBusy(null);
    }
  };
  const cancel = () => {
    run.current++;
    setBusy(null);
    setSaid({ text: t('outcomes.cancelled'), problem: false });
  };
  return (
    <span className="menu-anchor">
      <button
        type="button"
        className="button export-button"
        title={t('outcomes.export')}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        disabled={busy !== null}
        onClick={(e) => setAnchor(anchor ? null : e.currentTarget)}
      >
        <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M12 3v12M7 10l5 5 5-5M5 21h14" />
        </svg>
        <span className="export-label">{t('outcomes.export')}</span>
      </button>
      {anchor && (
        <PopupMenu
          label={t('outcomes.menu')}
          anchor={anchor}
          onClose={() => setAnchor(null)}
          items={EXPORT_FORMATS.map((format) => ({ key: format, label: t(LABEL[format]), enabled: true, run: () => void start(format) }))}
        />
      )}
      {busy && (
        <span className="export-progress">
          <progress aria-label={t('outcomes.making', { format: t(LABEL[busy]) })} />
          <button type="button" className="button small" onClick={cancel}>
            {t('outcomes.cancel')}
          </button>
        </span>
      )}
      <span className="visually-hidden" role={said?.problem ? 'alert' : 'status'}>
        {said?.text}
      </span>
    </span>
  );
}
