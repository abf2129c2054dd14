/** Sticky-note colours. Stored by name so themes and exports can map them freely. */
export const NOTE_COLOURS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'green'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];
export const DEFAULT_NOTE_COLOUR: NoteColour = 'yellow';

export function isNoteColour(value: unknown): value is NoteColour {
  return typeof value === 'string' && (NOTE_COLOURS as readonly string[]).includes(value);
}
