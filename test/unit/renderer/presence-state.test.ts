import { describe, expect, it } from 'vitest';
import { cleanName, MAX_NAME_LENGTH } from '../../../renderer/identity/display-name';
import { colourForClient, PERSON_PALETTE } from '../../../renderer/identity/palette';
import { initialsOf, MAX_COORDINATE, readPresence, textColourOn } from '../../../renderer/presence/presence-state';

describe('reading a peer’s awareness state (untrusted input)', () => {
  it('keeps a well-formed state as it is', () => {
    const lead = { id: 'lead1', boardId: 'b1', x: -10, y: 20, w: 800, h: 600 };
    const state = { user: { name: 'Ana Nowak', colour: '#1565C0', device: 'dev1' }, cursor: { boardId: 'b1', x: 120.5, y: -40 }, editing: 'n1', selected: 'n2', caret: { noteId: 'n1', at: [1, 2] }, lead };
    expect(readPresence(7, state)).toEqual({
      clientId: 7,
      name: 'Ana Nowak',
      colour: '#1565c0',
      cursor: { boardId: 'b1', x: 120.5, y: -40 },
      editing: 'n1',
      selected: 'n2',
      caret: { noteId: 'n1', at: [1, 2] },
      device: 'dev1',
      lead,
    });
  });

  it('drops a lead that is not a board and a positive world rectangle', () => {
    const lead = (value: unknown) => readPresence(1, { lead: value })?.lead;
    expect(lead({ id: 'l', boardId: 'b', x: 0, y: 0, w: 0, h: 10 })).toBeNull();
    expect(lead({ id: 'l', boardId: 'b', x: Number.NaN, y: 0, w: 5, h: 10 })).toBeNull();
    expect(lead({ id: 'l b', boardId: 'b', x: 0, y: 0, w: 5, h: 10 })).toBeNull();
    expect(lead({ id: 'l', boardId: 'b', x: 9e9, y: 0, w: 9e9, h: 10 })).toEqual({ id: 'l', boardId: 'b', x: 1_000_000, y: 0, w: 1_000_000, h: 10 });
  });

  it('turns a state with no user into a guest with a colour of its own', () => {
    const p = readPresence(42, {});
    expect(p).toMatchObject({ name: '', colour: colourForClient(42), cursor: null, editing: null, selected: null });
  });

  it('refuses states that are not objects and client ids that are not ids', () => {
    for (const bad of [null, undefined, 'x', 3, [], true]) expect(readPresence(1, bad)).toBeNull();
    for (const id of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) expect(readPresence(id, {})).toBeNull();
  });

  it('caps names, strips control and invisible characters, and ignores names that are not text', () => {
    expect(cleanName('x'.repeat(500))).toHaveLength(MAX_NAME_LENGTH);
    expect(cleanName('  Ana\u0000\u202e Nowak\n\t ')).toBe('Ana Nowak');
    expect(cleanName('\u200b\u200b')).toBe('');
    expect(cleanName({ toString: () => 'evil' })).toBe('');
    expect(cleanName(12)).toBe('');
    // A cap never splits a character made of two UTF-16 units.
    const emoji = '😀'.repeat(MAX_NAME_LENGTH + 5);
    expect(Array.from(cleanName(emoji))).toHaveLength(MAX_NAME_LENGTH);
    expect(readPresence(1, { user: { name: '<img src=x onerror=alert(1)>' } })?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('accepts only #rrggbb colours; anything else gets the derived colour', () => {
    for (const colour of ['red', '#fff', '#12345g', 'url(javascript:1)', '#1234567', 'rgb(0,0,0)', 7, null]) {
      expect(readPresence(3, { user: { name: 'A', colour } })?.colour).toBe(colourForClient(3));
    }
  });

  it('drops cursors with non-finite or non-numeric coordinates or a bad board id, and clamps huge ones', () => {
    const cursor = (c: unknown) => readPresence(1, { cursor: c })?.cursor;
    expect(cursor({ boardId: 'b', x: Number.NaN, y: 0 })).toBeNull();
    expect(cursor({ boardId: 'b', x: Infinity, y: 0 })).toBeNull();
    expect(cursor({ boardId: 'b', x: '10', y: 0 })).toBeNull();
    expect(cursor({ boardId: '../../x', x: 1, y: 1 })).toBeNull();
    expect(cursor({ boardId: 'b'.repeat(65), x: 1, y: 1 })).toBeNull();
    expect(cursor({ x: 1, y: 1 })).toBeNull();
    expect(cursor([1, 2])).toBeNull();
    expect(cursor({ boardId: 'b', x: 1e300, y: -1e300 })).toEqual({ boardId: 'b', x: MAX_COORDINATE, y: -MAX_COORDINATE });
  });

  it('keeps editing/selected only when they look like ids', () => {
    const p = readPresence(1, { editing: { id: 'n1' }, selected: 'a b' });
    expect(p?.editing).toBeNull();
    expect(p?.selected).toBeNull();
    expect(readPresence(1, { editing: 'abc123', selected: '' })).toMatchObject({ editing: 'abc123', selected: null });
  });
});

describe('colours and initials', () => {
  it('derives the same palette colour for the same client id everywhere', () => {
    expect(colourForClient(123456)).toBe(colourForClient(123456));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourForClient(i * 7919 + 1)));
    expect(used.size).toBe(PERSON_PALETTE.length);
  });

  it('picks readable text on a colour', () => {
    expect(textColourOn('#ffff00')).toBe('#000000');
    expect(textColourOn('#0f4c4a')).toBe('#ffffff');
    // Every palette colour carries initials at WCAG AA (4.5:1) in the text colour picked for it.
    const luminance = (hex: string) => {
      const channel = (i: number) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    for (const colour of PERSON_PALETTE) {
      const [hi, lo] = [luminance(colour), luminance(textColourOn(colour))].sort((a, b) => b - a) as [number, number];
      expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('makes up to two initials', () => {
    expect(initialsOf('Ana Nowak')).toBe('AN');
    expect(initialsOf('jan maria rokita')).toBe('JR');
    expect(initialsOf('łucja')).toBe('Ł');
    expect(initialsOf('')).toBe('');
  });
});

describe('a peer’s caret', () => {
  it('keeps a well-formed caret and drops anything else', async () => {
    const { readCaret } = await import('../../../renderer/presence/presence-state');
    expect(readCaret({ noteId: 'n1', at: [1, 2, 3] })).toEqual({ noteId: 'n1', at: [1, 2, 3] });
    for (const bad of [null, 'x', { noteId: 'n1' }, { noteId: 'bad id!', at: [1] }, { noteId: 'n1', at: [] }, { noteId: 'n1', at: [256] }, { noteId: 'n1', at: [1.5] }, { noteId: 'n1', at: Array(49).fill(1) }]) {
      expect(readCaret(bad)).toBeNull();
    }
  });

  it('resolves to the same place between two characters after others typed before it, and to null for junk', async () => {
    const Y = await import('yjs');
    const M = await import('../../../shared/model');
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'L', firstBoardTitle: 'B', now: 1, facilitatorId: 'f' });
    const id = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 1, authorId: 'f', authorName: 'F', text: 'hello world' });
    const at = M.encodeCaret(M.noteText(doc, id)!, 5);
    M.noteText(doc, id)!.insert(0, '>> ');
    expect(M.resolveCaret(doc, id, at)).toBe(8);
    expect(M.resolveCaret(doc, id, [255, 255, 255])).toBeNull();
    expect(M.resolveCaret(doc, 'missing', at)).toBeNull();
  });
});
