import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from '../../../shared/model';

function edit(before: string, after: string) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, before);
  const ops: string[] = [];
  text.observe((e) => ops.push(JSON.stringify(e.delta)));
  applyTextChange(text, after);
  return { result: text.toString(), ops };
}

describe('applyTextChange', () => {
  it.each([
    ['', 'hello'],
    ['hello', ''],
    ['hello world', 'hello brave world'],
    ['abcdef', 'abXYef'],
    ['aaa', 'aaaa'],
    ['emoji 😀 here', 'emoji 😃 here'],
    ['😀😀', '😀'],
  ])('turns %j into %j', (before, after) => {
    expect(edit(before, after).result).toBe(after);
  });

  it('changes only the edited span', () => {
    expect(edit('hello world', 'hello brave world').ops).toEqual([JSON.stringify([{ retain: 6 }, { insert: 'brave ' }])]);
  });

  it('does nothing when the text is unchanged', () => {
    expect(edit('same', 'same').ops).toEqual([]);
  });
});
