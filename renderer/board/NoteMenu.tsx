import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeNoteClipboard } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { useNote } from './use-note';
import { recallCopied } from './clipboard-fallback';
import type { SelectionCommands } from './use-selection-commands';

interface Props {
  boardId: string;
  commands: SelectionCommands;
}

/**
 * The note's menu: right-click, a long press on touch, or Shift+F10. It offers what a touch
 * screen has no keys for — edit, copy, cut, paste, duplicate, delete — and follows the WAI-ARIA
 * menu pattern: arrows move, Escape closes and gives focus back to the note.
 */
export const NoteMenu = memo(function NoteMenu({ boardId, commands }: Props) {
  const { t } = useTranslation();
  const menu = useBoardUi((s) => s.noteMenu);
  const ref = useRef<HTMLDivElement>(null);
  const noteId = menu?.noteId;
  const canEdit = useCan('editNote', { noteId });
  const canDelete = useCan('deleteNote', { noteId });
  const canAdd = useCan('addNote', { boardId });
  const canReveal = useCan('reveal', { noteId });
  const workshop = useWorkshop();
  const note = useNote(workshop.doc, noteId ?? '');

  const close = (refocus: boolean) => {
    useBoardUi.setState({ noteMenu: null });
    if (refocus && noteId) commands.focusNote(noteId);
  };

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus({ preventScroll: true });
    const onOutside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) useBoardUi.setState({ noteMenu: null });
    };
    document.addEventListener('pointerdown', onOutside, { capture: true });
    return () => document.removeEventListener('pointerdown', onOutside, { capture: true });
  }, [menu]);

  if (!menu || !noteId) return null;

  const pasteJson = recallCopied(null);
  const items: { key: string; label: string; enabled: boolean; run: () => void }[] = [
    { key: 'edit', label: t('select.edit'), enabled: canEdit.allowed, run: () => useBoardUi.getState().startEditing(noteId) },
    { key: 'copy', label: t('select.copy'), enabled: true, run: () => document.execCommand('copy') },
    { key: 'cut', label: t('select.cut'), enabled: canDelete.allowed, run: () => document.execCommand('cut') },
    {
      key: 'paste',
      label: t('select.paste'),
      enabled: canAdd.allowed && pasteJson !== null,
      run: () => commands.paste(decodeNoteClipboard(pasteJson ?? '') ?? []),
    },
    { key: 'duplicate', label: t('select.duplicate'), enabled: canAdd.allowed, run: () => commands.duplicateSelection() },
    { key: 'delete', label: t('note.delete'), enabled: canDelete.allowed, run: () => commands.deleteSelection() },
    // A private brainstorm's note, to the facilitator: show this one to everyone now.
    ...(note?.private && canReveal.allowed ? [{ key: 'reveal', label: t('facilitation.revealNote'), enabled: true, run: () => workshop.actions.revealNote(noteId) }] : []),
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    event.stopPropagation();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else return;
    event.preventDefault();
  };

  // Keep the menu inside the window (a long press near the edge of a phone).
  const view = window.visualViewport;
  const right = view ? view.offsetLeft + view.width : window.innerWidth;
  const bottom = view ? view.offsetTop + view.height : window.innerHeight;
  const x = Math.min(menu.x, right - 200);
  const y = Math.min(menu.y, bottom - items.length * 44 - 16);
  return (
    <div ref={ref} className="note-menu" role="menu" aria-label={t('select.menu')} style={{ left: Math.max(8, x), top: Math.max(8, y) }} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={!item.enabled}
          className={item.key === 'delete' ? 'danger' : undefined}
          onClick={() => {
            if (!item.enabled) return;
            // Copy and cut need the focus on the board when the clipboard event fires: run first.
            item.run();
            close(item.key !== 'delete' && item.key !== 'cut' && item.key !== 'edit' && item.key !== 'paste' && item.key !== 'duplicate');
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
});
