import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { TrashIcon } from './icons';
import { NOTE_COLOURS, setNoteColour, type NoteColour } from '../../shared/model';

interface Props {
  doc: Y.Doc;
  undoManager: Y.UndoManager;
  noteId: string;
  colour: NoteColour;
  onDelete: () => void;
}

/** Floating actions of the selected note: colour swatches and delete. */
export function NoteToolbar({ doc, undoManager, noteId, colour, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note.options')} onPointerDown={(e) => e.stopPropagation()}>
      <div role="radiogroup" aria-label={t('note.colour')} className="swatches">
        {NOTE_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === colour}
            aria-label={t(`note.colours.${c}`)}
            title={t(`note.colours.${c}`)}
            className={`swatch colour-${c}`}
            onClick={() => {
              undoManager.stopCapturing();
              setNoteColour(doc, noteId, c, Date.now());
            }}
          />
        ))}
      </div>
      <button type="button" className="button icon danger" aria-label={t('note.delete')} title={t('note.delete')} onClick={onDelete}>
        <TrashIcon />
      </button>
    </div>
  );
}
