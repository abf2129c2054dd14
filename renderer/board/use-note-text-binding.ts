import { useLayoutEffect, type RefObject } from 'react';
import type * as Y from 'yjs';
import { anchorSelection, createTextUndo, encodeCaret, noteText, resolveSelection, spliceBetween, type TextAnchor } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { afterNextPaint } from '../ui/next-task';

/**
 * Binds a textarea to a note's Y.Text, as collaborative editors bind theirs: the field is
 * uncontrolled, each local input is sent as a splice at the place it happened, and a peer's change
 * is written into the field with this person's caret carried over by Yjs relative positions.
 * Until a remote change is shown the field and the Y.Text agree, so every diff is against the
 * truth — a whole-text "here is my version" (what garbled two people's typing) is never sent.
 */
export function useNoteTextBinding(noteId: string, ref: RefObject<HTMLTextAreaElement | null>): void {
  const { doc, actions } = useWorkshop();

  useLayoutEffect(() => {
    const el = ref.current;
    const text = noteText(doc, noteId);
    if (!el || !text) return;
    el.value = text.toString();
    /** What the field showed the last time it matched the Y.Text. */
    let synced = el.value;
    let anchor: TextAnchor | null = null;
    let composing = false;
    const textUndo = createTextUndo(text);

    const showDocText = (caret?: { start: number; end: number } | null) => {
      const next = text.toString();
      const scroll = el.scrollTop;
      el.value = next;
      synced = next;
      if (caret) el.setSelectionRange(caret.start, caret.end);
      el.scrollTop = scroll;
    };

    // Before any change reaches the doc (a peer's, an undo), anchor the caret to the characters around it.
    const beforeTransaction = () => {
      if (el.value === synced) anchor = anchorSelection(text, el.selectionStart, el.selectionEnd);
    };
    const observer = (_event: Y.YTextEvent) => {
      if (text.toString() === el.value) {
        synced = el.value;
        return;
      }
      // An IME composition must not be rewritten under the person's fingers; it is merged on its end.
      if (composing) return;
      showDocText(anchor ? resolveSelection(doc, anchor) : null);
    };

    const onInput = () => {
      const splice = spliceBetween(synced, el.value, el.selectionEnd);
      if (!splice) return;
      const caret = el.selectionEnd;
      const written = actions.spliceNoteText(noteId, splice);
      if (!written || text.toString() !== el.value) {
        // Refused (a lock just arrived) or cut to the note's maximum: show what the note holds.
        const at = Math.min(caret, text.length);
        showDocText({ start: at, end: at });
      } else synced = el.value;
    };
    // Ctrl/⌘+Z, Ctrl+Shift+Z and Ctrl+Y (and the context menu's Undo/Redo) go to this note's own
    // undo: the browser's would restore a whole old value of the field, peers' words included.
    const history = (redo: boolean) => {
      actions.endTyping();
      if (redo) textUndo.redo();
      else textUndo.undo();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      history(key === 'y' || event.shiftKey);
    };
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
      event.preventDefault();
      history(event.inputType === 'historyRedo');
    };
    const onCompositionStart = () => {
      composing = true;
    };
    const onCompositionEnd = () => {
      composing = false;
      onInput();
      if (text.toString() !== el.value) showDocText(anchor ? resolveSelection(doc, anchor) : null);
    };

    // Others see where this person types (presence/PeerCarets.tsx).
    const publishCaret = () => {
      if (document.activeElement !== el) return;
      useBoardUi.setState({ caret: { noteId, at: encodeCaret(text, el.selectionEnd) } });
    };
    // The caret goes out after the next frame, once per frame: while typing, the keystroke itself
    // leaves first and a burst of caret moves is one presence message.
    let caretQueued = false;
    const publishCaretSoon = () => {
      if (caretQueued) return;
      caretQueued = true;
      afterNextPaint(() => {
        caretQueued = false;
        publishCaret();
      });
    };
    const caretEvents = ['focus', 'select', 'keyup', 'input', 'pointerup'] as const;
    for (const name of caretEvents) el.addEventListener(name, publishCaretSoon);
    document.addEventListener('selectionchange', publishCaretSoon);
    publishCaret();

    doc.on('beforeTransaction', beforeTransaction);
    text.observe(observer);
    el.addEventListener('input', onInput);
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('beforeinput', onBeforeInput);
    el.addEventListener('compositionstart', onCompositionStart);
    el.addEventListener('compositionend', onCompositionEnd);
    return () => {
      for (const name of caretEvents) el.removeEventListener(name, publishCaretSoon);
      document.removeEventListener('selectionchange', publishCaretSoon);
      doc.off('beforeTransaction', beforeTransaction);
      text.unobserve(observer);
      el.removeEventListener('input', onInput);
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('beforeinput', onBeforeInput);
      textUndo.destroy();
      el.removeEventListener('compositionstart', onCompositionStart);
      el.removeEventListener('compositionend', onCompositionEnd);
    };
  }, [doc, noteId, actions, ref]);
}
