import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PopupMenu } from '../ui/PopupMenu';
import { useWorkshop } from '../workshop/workshop-context';
import { useBoardUi } from '../state/board-ui';
import { buildExport, EXPORT_FORMATS, type ExportFormat } from './build-export';
import { downloadFile } from './download';

const LABEL: Record<ExportFormat, string> = { pdf: 'outcomes.pdf', excel: 'outcomes.excel', csv: 'outcomes.csv', markdown: 'outcomes.markdown', archive: 'outcomes.archive', json: 'outcomes.json', png: 'outcomes.png' };

/**
 * `Export` in a session's header: a menu of formats; the chosen file is built from the session on
 * this device (shared/export) and saved. Finishing, or failing, is announced.
 */
export function ExportMenu({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { doc, clock } = useWorkshop();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const run = async (format: ExportFormat) => {
    setSaid({ text: t('outcomes.preparing'), problem: false });
    try {
      const file = await buildExport(format, { doc, sessionId, t, now: clock.now(), boardId: useBoardUi.getState().currentBoardId });
      downloadFile(file.name, file.data, file.type);
      setSaid({ text: t('outcomes.exported', { file: file.name }), problem: false });
    } catch (error) {
      setSaid({ text: t('outcomes.failed', { reason: error instanceof Error ? error.message : String(error) }), problem: true });
    }
  };
  return (
    <span className="menu-anchor">
      <button
        type="button"
        className="button export-button"
        title={t('outcomes.export')}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
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
          items={EXPORT_FORMATS.map((format) => ({ key: format, label: t(LABEL[format]), enabled: true, run: () => void run(format) }))}
        />
      )}
      <span className="visually-hidden" role={said?.problem ? 'alert' : 'status'}>
        {said?.text}
      </span>
    </span>
  );
}
