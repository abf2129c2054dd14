import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeNoteClipboard, encodeNoteClipboard, NOTE_CLIPBOARD_TYPE, noteCopiesAsText, noteCopiesFromText } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { recallCopied, rememberCopied } from './clipboard-fallback';
import { isTypingTarget } from './keyboard';
import type { Decision } from '../../shared/model/policy';
import type { ToastAction } from './use-board-toast';
import type { SelectionCommands } from './use-selection-commands';

const ARROW_STEP = 10;

function noteIdOf(target: EventTarget | null): string | null {
  return target instanceof HTMLElement && target.matches('[data-note-id]') ? (target.dataset.noteId ?? null) : null;
}

interface Options {
  surfaceRef: RefObject<HTMLElement | null>;
  commands: SelectionCommands;
  /** Whether this person may add notes here (paste and duplicate need it), and if not, why. */
  canAdd: Decision;
  show: (message: string, action?: ToastAction) => void;
  openMenu: (noteId: string) => void;
}

/**
 * The board's selection keys, as in Miro, Figma and Excalidraw: Ctrl/⌘+A, Delete, arrows,
 * Escape, Ctrl/⌘+C/X/V/D, Tab row by row, `?` for the shortcut sheet, Shift+F10 for the note's
 * menu. Copy and paste use the clipboard events, which work on the plain-http LAN pages where
 * `navigator.clipboard` does not exist: our JSON goes under its own type, the texts as plain
 * text, and a same-app copy in localStorage covers a clipboard that keeps plain text only.
 */
export function useSelectionKeys({ surfaceRef, commands, canAdd, show, openMenu }: Options): { sheetOpen: boolean; setSheetOpen: (open: boolean) => void } {
  const { t } = useTranslation();
  const [sheetOpen, setSheetOpen] = useState(false);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const latest = useRef({ commands, canAdd, show, openMenu, t });
  latest.current = { commands, canAdd, show, openMenu, t };

  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const board = surface.closest('.board') ?? surface;
    const onBoard = (target: EventTarget | null) => target === document.body || (target instanceof Node && board.contains(target));
    const blocked = (target: EventTarget | null) => isTypingTarget(target) || document.querySelector('dialog[open]') !== null;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || blocked(event.target) || !onBoard(event.target)) return;
      const { commands: c, canAdd: mayAdd, openMenu: menu } = latest.current;
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      const selection = useBoardUi.getState().selectedIds;
      const noteId = noteIdOf(event.target);
      if (mod && key === 'a') {
        event.preventDefault();
        c.selectAll();
      } else if (mod && key === 'd') {
        // Always ours: the browser's Ctrl+D would open its bookmark dialog over the board.
        event.preventDefault();
        if (mayAdd.allowed) c.duplicateSelection();
        else if (useBoardUi.getState().selectedIds.length > 0) latest.current.show(latest.current.t(`policy.${mayAdd.reason}`));
      } else if (mod) {
        return;
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selection.length > 0) {
        event.preventDefault();
        c.deleteSelection();
      } else if (event.key === 'Escape' && selection.length > 0) {
        useBoardUi.getState().select(null);
      } else if (event.key.startsWith('Arrow') && noteId) {
        event.preventDefault();
        const step = event.shiftKey ? ARROW_STEP * 5 : ARROW_STEP;
        c.moveSelection(event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0, event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0);
      } else if (event.key === 'Tab' && noteId) {
        // From the selected note Tab goes first into its bar, then on to the next note.
        const bar = !event.shiftKey && useBoardUi.getState().selectedNoteId === noteId ? surface.querySelector<HTMLElement>('.note-toolbar [tabindex="0"]:not(:disabled), .note-toolbar button:not(:disabled):not([tabindex="-1"])') : null;
        const next = bar ? null : c.neighbour(noteId, event.shiftKey ? -1 : 1);
        if (bar) {
          event.preventDefault();
          bar.focus();
        } else if (next) {
          event.preventDefault();
          c.focusNote(next);
        }
        // Past the last note (or before the first) the browser moves focus out of the board.
      } else if (event.key === '?') {
        event.preventDefault();
        setSheetOpen(true);
      } else if (((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') && noteId) {
        event.preventDefault();
        menu(noteId);
      }
    };

    const copy = (event: ClipboardEvent, cut: boolean) => {
      if (blocked(event.target) || !onBoard(document.activeElement) || !event.clipboardData) return;
      // Text the person highlighted on the page is what they mean to copy, not the notes.
      const highlighted = window.getSelection();
      if (highlighted && !highlighted.isCollapsed && highlighted.toString().trim()) return;
      const { commands: c, show, t: tr } = latest.current;
      const copies = c.copiesOfSelection();
      if (copies.length === 0) return;
      event.preventDefault();
      const json = encodeNoteClipboard(copies);
      const text = noteCopiesAsText(copies);
      event.clipboardData.setData(NOTE_CLIPBOARD_TYPE, json);
      event.clipboardData.setData('text/plain', text);
      rememberCopied(text, json);
      if (cut) c.deleteSelection();
      else show(tr('select.copied', { count: copies.length }));
    };
    const onCopy = (event: ClipboardEvent) => copy(event, false);
    const onCut = (event: ClipboardEvent) => copy(event, true);
    const onPaste = (event: ClipboardEvent) => {
      if (blocked(event.target) || !onBoard(document.activeElement)) return;
      const data = event.clipboardData;
      const text = data?.getData('text/plain') ?? null;
      const json = data?.getData(NOTE_CLIPBOARD_TYPE) || recallCopied(text);
      const copies = (json ? decodeNoteClipboard(json) : null) ?? noteCopiesFromText(text ?? '');
      if (copies.length === 0) return;
      event.preventDefault();
      const { canAdd: mayAdd, show, t: tr } = latest.current;
      if (!mayAdd.allowed) {
        show(tr(`policy.${mayAdd.reason}`));
        return;
      }
      latest.current.commands.paste(copies, pointer.current ?? undefined);
    };
    const onPointerMove = (event: PointerEvent) => {
      const rect = surface.getBoundingClientRect();
      pointer.current = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const onPointerLeave = () => {
      pointer.current = null;
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    surface.addEventListener('pointermove', onPointerMove);
    surface.addEventListener('pointerleave', onPointerLeave);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerleave', onPointerLeave);
    };
  }, [surfaceRef]);

  return { sheetOpen, setSheetOpen };
}
