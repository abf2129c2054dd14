import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTE_TEXT_LENGTH } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { useFitText } from './use-fit-text';
import { useNoteTextBinding } from './use-note-text-binding';

interface Props {
  noteId: string;
  /** Changes whenever the text or the note's size does: the field re-fits its font. */
  fitKey: string;
  onDone: () => void;
  /** The field itself, for what lies over it (others' carets). */
  editorRef?: RefObject<HTMLTextAreaElement | null>;
}

/**
 * Edits a note in place, bound to the note's shared text (use-note-text-binding.ts): peers see the
 * typing live, and two people typing in the same note both keep their words.
 */
export function NoteEditor({ noteId, fitKey, onDone, editorRef }: Props) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const stopEditing = useBoardUi((s) => s.stopEditing);
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = editorRef ?? ownRef;
  useNoteTextBinding(noteId, ref);
  useFitText(ref, fitKey, 'scroll');

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

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
      maxLength={MAX_NOTE_TEXT_LENGTH}
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
