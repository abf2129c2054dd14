import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/model';
import { revealNote } from '../board/reveal-note';
import type { ApartChange } from './use-apart-summary';
import './apart.css';

/** Per board, at most this many lines; the rest is counted. */
const PER_BOARD = 8;

/**
 * "While you were apart" (region): after a reconnection, what others added, edited, moved and
 * deleted meanwhile, by whom, grouped by board, each with a jump to the note (deleted ones stay in
 * the board's recently deleted tray). Stays until the person closes it.
 */
export function ApartSummary({ changes, boards, onDismiss }: { changes: ApartChange[]; boards: Board[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (changes.length === 0) return null;
  const groups = boards.map((b) => ({ board: b, items: changes.filter((c) => c.boardId === b.id) })).filter((g) => g.items.length > 0);
  return (
    <section className="apart-summary" role="region" aria-labelledby={headingId}>
      <div className="apart-head">
        <h2 id={headingId}>{t('apart.title')}</h2>
        <button type="button" className="button icon" aria-label={t('apart.dismiss')} title={t('apart.dismiss')} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="muted small">{t('apart.intro')}</p>
      {groups.map(({ board, items }) => (
        <section key={board.id} className="apart-board" aria-label={board.title}>
          <h3>{board.title}</h3>
          <ul>
            {items.slice(0, PER_BOARD).map((c) => {
              const line = t('apart.change', { who: c.who || t('apart.someone'), what: t(`apart.${c.kind}`), text: c.text.trim() || t('note.empty') });
              const lineId = `apart-${c.noteId}`;
              return (
                <li key={c.noteId} className={`apart-change ${c.kind}`}>
                  <span id={lineId}>{line}</span>
                  {c.kind !== 'deleted' && (
                    <button type="button" className="button small" aria-describedby={lineId} onClick={() => revealNote(c.boardId, c.noteId)}>
                      {t('apart.show')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {items.length > PER_BOARD && <p className="muted small">{t('apart.more', { count: items.length - PER_BOARD })}</p>}
        </section>
      ))}
    </section>
  );
}
