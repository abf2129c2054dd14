import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/model';

/** Below this width the open panel floats over the board instead of taking a column from it. */
export const NARROW_SESSION_QUERY = '(max-width: 800px)';

function startsCollapsed(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW_SESSION_QUERY).matches;
}

/**
 * The session's boards (navigation `Boards`). It folds to a thin rail with one button, as the
 * page panels of Miro and Figma do; on a phone it starts folded and folds again once a board is chosen.
 */
export function BoardsPanel({ boards, currentId, onChoose }: { boards: Board[]; currentId: string | undefined; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => !startsCollapsed());
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

  return (
    <nav
      className={open ? 'boards-nav open' : 'boards-nav collapsed'}
      aria-label={t('session.boards')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open && startsCollapsed()) {
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
        <ul>
          {boards.map((b) => (
            <li key={b.id}>
              <button
                ref={b.id === currentId ? currentRef : undefined}
                type="button"
                className={b.id === currentId ? 'board-tab current' : 'board-tab'}
                aria-current={b.id === currentId ? 'page' : undefined}
                onClick={() => {
                  onChoose(b.id);
                  if (startsCollapsed()) close();
                }}
              >
                {b.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
