import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaProgress, nextInAgenda, MAX_AGENDA_MINUTES, MAX_AGENDA_TITLE_LENGTH, type AgendaItemView, type Board } from '../../shared/model';
import { PopupMenu, type MenuItem } from '../ui/PopupMenu';
import { useBoardUi } from '../state/board-ui';
import { ModalDialog } from '../ui/ModalDialog';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { useAgenda } from './use-agenda';

/** Actual time ticks on screen once a minute is enough; every 15 s keeps it within a quarter. */
function useNow(clockNow: () => number, everyMs = 15_000): number {
  const [now, setNow] = useState(clockNow);
  useEffect(() => {
    const id = setInterval(() => setNow(clockNow()), everyMs);
    return () => clearInterval(id);
  }, [clockNow, everyMs]);
  return now;
}

/**
 * The session's agenda (region `Agenda`): activities with planned minutes, each optionally tied to
 * a board. The facilitator adds, edits, reorders and starts them (`Start activity` opens the board
 * for everyone and starts the timer); everyone sees what runs now, actual against planned time,
 * and what is next.
 */
export function AgendaPanel({ boards }: { boards: Board[] }) {
  const { t } = useTranslation();
  const { actions, clock } = useWorkshop();
  const items = useAgenda();
  const may = useCan('editAgenda').allowed;
  const now = useNow(clock.now);
  const [editing, setEditing] = useState<AgendaItemView | 'new' | null>(null);
  const [menuFor, setMenuFor] = useState<{ id: string; anchor: HTMLElement } | null>(null);
  const [said, setSaid] = useState<{ text: string; undo?: () => void } | null>(null);
  const headingId = useId();
  const next = nextInAgenda(items);
  const total = items.reduce((sum, i) => sum + i.minutes, 0);
  const boardTitle = (id: string | null) => boards.find((b) => b.id === id)?.title;

  if (!may && items.length === 0) return null;

  const menuItems = (item: AgendaItemView, index: number): MenuItem[] => [
    { key: 'edit', label: t('agenda.edit', { title: item.title }), enabled: true, run: () => setEditing(item) },
    ...(item.status === 'active' ? [{ key: 'finish', label: t('agenda.finish'), enabled: true, run: () => actions.finishActivity(item.id) }] : []),
    { key: 'up', label: t('agenda.moveUp', { title: item.title }), enabled: index > 0, run: () => actions.moveActivity(item.id, index - 1) },
    { key: 'down', label: t('agenda.moveDown', { title: item.title }), enabled: index < items.length - 1, run: () => actions.moveActivity(item.id, index + 1) },
    {
      key: 'delete',
      label: t('agenda.delete', { title: item.title }),
      enabled: true,
      run: () => {
        if (actions.deleteActivity(item.id)) setSaid({ text: t('agenda.deleted', { title: item.title }), undo: () => actions.restoreActivity(item.id) });
      },
    },
  ];

  return (
    <section className="agenda" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className="side-heading">
        {t('agenda.name')}
      </h2>
      {items.length === 0 ? (
        <p className="muted agenda-empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, index) => {
            const progress = agendaProgress(item, now);
            const titleId = `agenda-title-${item.id}`;
            const board = boardTitle(item.boardId);
            return (
              <li key={item.id} className={`agenda-item ${item.status}`} aria-current={item.status === 'active' ? 'step' : undefined}>
                <div className="agenda-item-head">
                  <span id={titleId} className="agenda-title">
                    {item.title}
                  </span>
                  {may && (
                    <button
                      type="button"
                      className="button icon agenda-options"
                      aria-label={t('agenda.edit', { title: item.title })}
                      aria-haspopup="menu"
                      aria-expanded={menuFor?.id === item.id}
                      onClick={(e) => setMenuFor(menuFor?.id === item.id ? null : { id: item.id, anchor: e.currentTarget })}
                    >
                      <span aria-hidden="true">⋯</span>
                    </button>
                  )}
                </div>
                <p className="agenda-meta muted">
                  {item.status === 'active' && <span className="agenda-badge now">{t('agenda.now')}</span>}
                  {item.status === 'done' && <span className="agenda-badge done">{t('agenda.done')}</span>}
                  <span>
                    {progress.actualMinutes === null
                      ? t('agenda.planned', { minutes: item.minutes })
                      : t('agenda.actual', { actual: progress.actualMinutes, planned: item.minutes })}
                  </span>
                  {progress.overMinutes !== null && progress.overMinutes > 0 && <span className="agenda-over">{t('agenda.over', { minutes: progress.overMinutes })}</span>}
                  {board && <span>· {board}</span>}
                  {item.boardMissing && <span>· {t('agenda.boardMissing')}</span>}
                </p>
                {may && item.status !== 'active' && (
                  <button type="button" className="button agenda-start" aria-describedby={titleId} onClick={() => actions.startActivity(item.id)}>
                    {t('agenda.start')}
                  </button>
                )}
                {menuFor?.id === item.id && <PopupMenu label={item.title} items={menuItems(item, index)} anchor={menuFor.anchor} onClose={() => setMenuFor(null)} />}
              </li>
            );
          })}
        </ol>
      )}
      {items.length > 0 && (
        <p className="agenda-summary muted">
          {next ? `${t('agenda.next', { title: next.title })} · ` : ''}
          {t('agenda.total', { minutes: total })}
        </p>
      )}
      {may && (
        <button type="button" className="button nav-tool" onClick={() => setEditing('new')}>
          {t('agenda.add')}
        </button>
      )}
      <p role="status" className="agenda-said muted">
        {said?.text}
        {said?.undo && (
          <button
            type="button"
            className="button link-button"
            onClick={() => {
              said.undo?.();
              setSaid(null);
            }}
          >
            {t('agenda.undoDelete')}
          </button>
        )}
      </p>
      {editing && (
        <ActivityDialog
          item={editing === 'new' ? null : editing}
          boards={boards}
          onClose={() => setEditing(null)}
          onSave={(init) => (editing === 'new' ? actions.addActivity(init) !== null : actions.updateActivity(editing.id, init))}
        />
      )}
    </section>
  );
}

function ActivityDialog(props: {
  item: AgendaItemView | null;
  boards: Board[];
  onSave: (init: { title: string; minutes: number; boardId: string | null }) => boolean;
  onClose: () => void;
}) {
  const { item, boards, onSave, onClose } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState(String(item?.minutes ?? 15));
  const [boardId, setBoardId] = useState(item?.boardId ?? useBoardUi.getState().currentBoardId ?? '');
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) {
            setError(true);
            input.current?.focus();
            return;
          }
          const planned = Math.max(0, Math.min(MAX_AGENDA_MINUTES, Math.round(Number(minutes)) || 0));
          onSave({ title: title.trim(), minutes: planned, boardId: boardId || null });
          onClose();
        }}
      >
        <h2 id={titleId}>{item ? t('agenda.editTitle') : t('agenda.addTitle')}</h2>
        <label className="field">
          <span>{t('agenda.title')}</span>
          <input
            ref={input}
            value={title}
            maxLength={MAX_AGENDA_TITLE_LENGTH}
            aria-invalid={error || undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(false);
            }}
          />
        </label>
        {error && (
          <p id={errorId} role="alert" className="field-error">
            {t('agenda.titleRequired')}
          </p>
        )}
        <label className="field">
          <span>{t('agenda.minutes')}</span>
          <input type="number" min={0} max={MAX_AGENDA_MINUTES} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('agenda.board')}</span>
          <select value={boardId} onChange={(e) => setBoardId(e.target.value)}>
            <option value="">{t('agenda.noBoard')}</option>
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('agenda.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('agenda.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
