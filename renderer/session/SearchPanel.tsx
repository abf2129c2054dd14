import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { observeRoots, searchNotes } from '../../shared/model';
import { noteVisibleTo } from '../../shared/model/policy';
import { revealNote } from '../board/reveal-note';
import { useWorkshop } from '../workshop/workshop-context';

/**
 * Search across every board (Ctrl+F): a search box and the matching notes as links; choosing one
 * opens its board with the note in view and focused. Escape closes and returns focus.
 */
export function SearchPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { doc } = workshop;
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();
  useEffect(() => observeRoots(doc, ['notes', 'boards', 'settings'], () => setVersion((v) => v + 1)), [doc]);
  useEffect(() => inputRef.current?.focus(), []);
  const hits = useMemo(
    () => searchNotes(doc, query, { canSee: (n) => noteVisibleTo(doc, workshop.person(), n) }),
    [doc, query, version, workshop],
  );
  const searching = query.trim() !== '';

  return (
    <section
      className="search-panel"
      role="search"
      aria-label={t('find.search')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="search-row">
        <input
          ref={inputRef}
          type="search"
          aria-label={t('find.search')}
          aria-describedby={statusId}
          placeholder={t('find.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="button icon" aria-label={t('find.closeSearch')} title={t('find.closeSearch')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p id={statusId} role="status" className="search-status">
        {searching ? (hits.length === 0 ? t('find.noResults') : t('find.results', { count: hits.length })) : ''}
      </p>
      {hits.length > 0 && (
        <ul className="search-results">
          {hits.map((h) => (
            <li key={h.noteId}>
              <a
                href={`#note-${h.noteId}`}
                onClick={(e) => {
                  e.preventDefault();
                  onClose();
                  revealNote(h.boardId, h.noteId);
                }}
              >
                <span className="who-note">{h.text.trim() || t('note.empty')}</span>
                <span className="who-board">{h.boardTitle}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
