import type { Note } from '../../shared/model';

/** Does a note carry the filter's tag (`level:…` or `actor:…`)? No filter matches everything. */
export function matchesTagFilter(note: Pick<Note, 'level' | 'actor'>, filter: string | null): boolean {
  if (!filter) return true;
  const [kind, value] = filter.split(':');
  return kind === 'level' ? note.level === value : kind === 'actor' ? note.actor === value : true;
}
