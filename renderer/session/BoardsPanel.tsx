import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BOARD_TITLE_LENGTH, readSessionMeta, type Board } from '../../shared/model';
import type { Template } from '../../shared/templates';
import { BoardToast } from '../board/BoardToast';
import { useBoardToast } from '../board/use-board-toast';
import { appDatabase } from '../storage/database';
import { saveDeviceTemplate } from '../storage/device-templates';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { PopupMenu, type MenuItem } from '../ui/PopupMenu';
import { TemplateDialog } from './TemplateDialog';
import { TextDialog } from '../ui/TextDialog';

/** Below this width the open panel floats over the board instead of taking a column from it. */
export const NARROW_SESSION_QUERY = '(max-width: 800px)';

function startsCollapsed(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW_SESSION_QUERY).matches;
}

type Asking = { kind: 'template' } | { kind: 'rename'; board: Board } | { kind: 'save'; board: Board } | null;

/**
 * The session's boards (navigation `Boards`): choose one, make one from a template (`New board`),
 * and from each board's menu rename, duplicate, move up or down, save as a template or delete it
 * (with Undo). Boards can also be dragged into a new order. It folds to a thin rail, as the page
 * panels of Miro and Figma do; on a phone it starts folded and folds again once a board is chosen.
 */
export function BoardsPanel(props: { boards: Board[]; currentId: string | undefined; onChoose: (id: string) => void; tools?: ReactNode }) {
  const { boards, currentId, onChoose, tools } = props;
  const { t, i18n } = useTranslation();
  const workshop = useWorkshop();
  const { actions, doc } = workshop;
  const canAdd = useCan('addBoard');
  const [open, setOpen] = useState(() => !startsCollapsed());
  const [menuFor, setMenuFor] = useState<{ board: Board; anchor: HTMLElement } | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const toast = useBoardToast();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const currentRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    // Opening moves focus into the list (to the current board); closing, back to the toggle.
    if (open && opened.current) currentRef.current?.focus();
    opened.current = true;
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const choose = (id: string) => {
    onChoose(id);
    if (startsCollapsed()) close();
  };
  const closeMenu = useCallback(() => setMenuFor(null), []);

  const fromTemplate = (template: Template) => {
    const language = readSessionMeta(doc).language || i18n.language;
    const id = actions.addBoardFromTemplate(template, language);
    setAsking(null);
    if (id) choose(id);
  };

  const remove = (board: Board) => {
    if (!actions.deleteBoard(board.id)) return;
    if (board.id === currentId) {
      const next = boards.find((b) => b.id !== board.id);
      if (next) onChoose(next.id);
    }
    toast.show(t('boards.deleted', { title: board.title }), { label: t('select.undo'), name: t('boards.undoDelete'), run: () => actions.restoreBoard(board.id) });
  };

  const itemsFor = (board: Board, index: number): MenuItem[] => {
    const mayEdit = workshop.can('editBoard', { boardId: board.id }).allowed;
    return [
      { key: 'rename', label: t('boards.rename'), enabled: mayEdit, run: () => setAsking({ kind: 'rename', board }) },
      { key: 'duplicate', label: t('boards.duplicate'), enabled: canAdd.allowed, run: () => {
        const id = actions.duplicateBoard(board.id, t('boards.copyOf', { title: board.title }));
        if (id) choose(id);
      } },
      { key: 'up', label: t('boards.moveUp'), enabled: mayEdit && index > 0, run: () => actions.moveBoard(board.id, index - 1) },
      { key: 'down', label: t('boards.moveDown'), enabled: mayEdit && index < boards.length - 1, run: () => actions.moveBoard(board.id, index + 1) },
      { key: 'save', label: t('boards.saveAsTemplate'), enabled: workshop.can('editZones', { boardId: board.id }).allowed, run: () => setAsking({ kind: 'save', board }) },
      { key: 'delete', label: t('boards.delete'), enabled: mayEdit && boards.length > 1, run: () => remove(board) },
    ];
  };

  return (
    <nav
      className={open ? 'boards-nav open' : 'boards-nav collapsed'}
      aria-label={t('session.boards')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open && startsCollapsed() && !menuFor) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="boards-nav-head">
        {open && <h2>{t('session.boards')}</h2>}
        <button
          ref={toggleRef}
          type="button"
          className="button icon boards-toggle"
          aria-expanded={open}
          aria-label={open ? t('room.hideBoards') : t('room.showBoards')}
          title={open ? t('room.hideBoards') : t('room.showBoards')}
          onClick={() => setOpen((o) => !o)}
        >
          <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
            <rect x="3" y="4" width="18" height="16" rx="2" />
            <path d="M9 4v16" />
          </svg>
        </button>
      </div>
      {open && (
        <>
          <ul>
            {boards.map((b, index) => (
              <li
                key={b.id}
                className={`board-row${dragging === b.id ? ' dragging' : ''}`}
                draggable={workshop.can('editBoard', { boardId: b.id }).allowed}
                onDragStart={(e) => {
                  setDragging(b.id);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/x-transition-lab-board', b.id);
                }}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => {
                  if (dragging && dragging !== b.id) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging) actions.moveBoard(dragging, index);
                  setDragging(null);
                }}
              >
                <button
                  ref={b.id === currentId ? currentRef : undefined}
                  type="button"
                  className={b.id === currentId ? 'board-tab current' : 'board-tab'}
                  aria-current={b.id === currentId ? 'page' : undefined}
                  onClick={() => choose(b.id)}
                >
                  {b.title}
                </button>
                <button
                  type="button"
                  className="button icon board-options"
                  aria-label={t('boards.options', { title: b.title })}
                  title={t('boards.optionsHint')}
                  aria-haspopup="menu"
                  aria-expanded={menuFor?.board.id === b.id}
                  onClick={(e) => setMenuFor(menuFor?.board.id === b.id ? null : { board: b, anchor: e.currentTarget })}
                >
                  <span aria-hidden="true">⋯</span>
                </button>
                {menuFor?.board.id === b.id && <PopupMenu label={t('boards.menu', { title: b.title })} items={itemsFor(b, index)} anchor={menuFor.anchor} onClose={closeMenu} />}
              </li>
            ))}
          </ul>
          <button type="button" className="button new-board" disabled={!canAdd.allowed} onClick={() => setAsking({ kind: 'template' })}>
            <span aria-hidden="true">+ </span>
            {t('boards.newBoard')}
          </button>
          {tools && <div className="nav-tools">{tools}</div>}
        </>
      )}
      {asking?.kind === 'template' && <TemplateDialog onChoose={fromTemplate} onClose={() => setAsking(null)} />}
      {asking?.kind === 'rename' && (
        <TextDialog
          title={t('boards.renameTitle')}
          fields={[{ label: t('boards.name'), value: asking.board.title, maxLength: MAX_BOARD_TITLE_LENGTH, required: true }]}
          confirm={t('zones.save')}
          onSave={([title]) => actions.renameBoard(asking.board.id, title!)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'save' && (
        <TextDialog
          title={t('boards.saveTitle')}
          fields={[
            { label: t('boards.templateName'), value: asking.board.title, maxLength: 120, required: true },
            { label: t('boards.templateDescription'), value: '', maxLength: 200 },
          ]}
          confirm={t('zones.save')}
          onSave={([title, description]) => {
            const template = actions.saveBoardAsTemplate(asking.board.id, title!, description!);
            if (!template) return;
            void saveDeviceTemplate(appDatabase(), template).catch(() => toast.show(t('boards.deviceSaveFailed')));
            toast.show(t('boards.templateSaved', { title: title!.trim() }));
          }}
          onClose={() => setAsking(null)}
        />
      )}
      <BoardToast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.setHeld} />
    </nav>
  );
}
