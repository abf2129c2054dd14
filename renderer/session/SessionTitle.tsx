import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, normaliseTitle } from '../../shared/model';
import { useCan, useWorkshop } from '../workshop/workshop-context';

/**
 * The session's title in its header, renamed in place as in Miro and Figma: `Rename session`
 * turns it into the `Session title` field; Enter or leaving the field keeps the new title,
 * Escape keeps the old one, and focus goes back to the button either way.
 */
export function SessionTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const canRename = useCan('editSession');
  const [draft, setDraft] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (draft === null && wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = draft !== null;
  }, [draft]);

  const finish = (save: boolean) => {
    if (draft === null) return;
    if (save && normaliseTitle(draft) && normaliseTitle(draft) !== title) actions.renameSession(draft);
    setDraft(null);
  };

  if (draft !== null) {
    return (
      <input
        className="session-title-input"
        type="text"
        aria-label={t('newSession.titleLabel')}
        autoFocus
        value={draft}
        maxLength={MAX_TITLE_LENGTH}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Focus returns to Rename before this key's keypress: without this, it would press it.
            e.preventDefault();
            finish(true);
          }
          else if (e.key === 'Escape') {
            // Only the field closes, not a dialog or the board's selection behind it.
            e.preventDefault();
            e.stopPropagation();
            finish(false);
          }
        }}
      />
    );
  }
  return (
    <span className="session-title">
      <h1 className="session-heading" title={title}>
        {title}
      </h1>
      {canRename.allowed && (
        <button
          ref={buttonRef}
          type="button"
          className="button icon session-rename"
          aria-label={t('sessions.rename')}
          title={t('sessions.rename')}
          onClick={() => setDraft(title)}
        >
          <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M4 20h4L19 9l-4-4L4 16v4z" />
            <path d="m13.5 6.5 4 4" />
          </svg>
        </button>
      )}
    </span>
  );
}
