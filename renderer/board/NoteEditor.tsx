import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTE_TEXT_LENGTH } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';

interface Props {
  noteId: string;
  text: string;
  onDone: () => void;
}

/**
 * Edits a note in place. Every keystroke goes to the doc at once (peers see typing live; storage
 * batches the writes); the textarea follows remote edits unless the local value already matches.
 */
export function NoteEditor({ noteId, text, onDone }: Props) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const stopEditing = useBoardUi((s) => s.stopEditing);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(text);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  // A peer's edit arrives as a new `text`; keep the caret where it was relative to the end.
  useEffect(() => {
    const el = ref.current;
    if (!el || el.value === text) return;
    const fromEnd = el.value.length - (el.selectionEnd ?? el.value.length);
    setValue(text);
    requestAnimationFrame(() => {
      const pos = Math.max(0, text.length - fromEnd);
      el.setSelectionRange(pos, pos);
    });
  }, [text]);

  const finish = () => {
    actions.endTyping();
    stopEditing();
    onDone();
  };

  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label={t('note.editor')}
      placeholder={t('note.editorPlaceholder')}
      value={value}
      maxLength={MAX_NOTE_TEXT_LENGTH}
      onChange={(e) => {
        setValue(e.target.value);
        actions.editNoteText(noteId, e.target.value);
      }}
      onBlur={() => {
        actions.endTyping();
        stopEditing();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          finish();
        }
      }}
      onPointerDown={(e) => e.stopPropagation()}
    />
  );
}
