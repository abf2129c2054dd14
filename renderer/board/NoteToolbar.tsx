import { useTranslation } from 'react-i18next';
import { NOTE_COLOURS, type NoteColour } from '../../shared/model';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { TrashIcon } from './icons';

interface Props {
  noteId: string;
  colour: NoteColour;
  onDelete: () => void;
}

/** Floating actions of the selected note: colour swatches and delete. */
export function NoteToolbar({ noteId, colour, onDelete }: Props) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const canColour = useCan('colourNote', { noteId });
  const canDelete = useCan('deleteNote', { noteId });
  const why = (d: typeof canColour) => (d.allowed ? undefined : t(`policy.${d.reason}`));
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
            title={why(canColour) ?? t(`note.colours.${c}`)}
            disabled={!canColour.allowed}
            className={`swatch colour-${c}`}
            onClick={() => actions.colourNote(noteId, c)}
          />
        ))}
      </div>
      <button
        type="button"
        className="button icon danger"
        aria-label={t('note.delete')}
        title={why(canDelete) ?? t('note.delete')}
        disabled={!canDelete.allowed}
        onClick={onDelete}
      >
        <TrashIcon />
      </button>
    </div>
  );
}
