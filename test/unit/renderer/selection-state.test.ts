import { beforeEach, describe, expect, it } from 'vitest';
import { useBoardUi } from '../../../renderer/state/board-ui';

const ui = () => useBoardUi.getState();

describe('selection state', () => {
  beforeEach(() => ui().setSelection([]));

  it('a click selects one note alone; shift-click adds and removes; the last added is the primary one', () => {
    ui().select('a');
    ui().toggleSelected('b');
    ui().toggleSelected('c');
    expect(ui().selectedIds).toEqual(['a', 'b', 'c']);
    expect(ui().selectedNoteId).toBe('c');
    ui().toggleSelected('c');
    expect(ui().selectedIds).toEqual(['a', 'b']);
    expect(ui().selectedNoteId).toBe('b');
    ui().select('c');
    expect(ui().selectedIds).toEqual(['c']);
    ui().select(null);
    expect(ui().selectedIds).toEqual([]);
    expect(ui().selectedNoteId).toBeNull();
  });

  it('editing stops when the selection moves to other notes, and editing selects its note alone', () => {
    ui().setSelection(['a', 'b']);
    ui().startEditing('a');
    expect(ui().selectedIds).toEqual(['a']);
    expect(ui().editingNoteId).toBe('a');
    ui().setSelection(['a', 'b']);
    expect(ui().editingNoteId).toBeNull();
  });

  it('a marquee’s selection has no duplicates', () => {
    ui().setSelection(['a', 'b', 'a']);
    expect(ui().selectedIds).toEqual(['a', 'b']);
  });
});
