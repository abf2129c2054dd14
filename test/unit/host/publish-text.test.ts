import { describe, expect, it } from 'vitest';
import { publishTextWithClients } from '../../../main/host/signal/publish-text';

describe('publishTextWithClients', () => {
  it('appends clients to the sender text, overriding one the sender set', () => {
    const out = publishTextWithClients('{"type":"publish","topic":"r","clients":7,"data":"x"} \n', 3);
    expect(JSON.parse(out)).toEqual({ type: 'publish', topic: 'r', data: 'x', clients: 3 });
  });

  it('handles 100,000-deep payloads without recursion', () => {
    const depth = 100_000;
    const raw = `{"type":"publish","topic":"r","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const out = publishTextWithClients(raw, 1);
    expect(out.endsWith(',"clients":1}')).toBe(true);
    expect(out.length).toBe(raw.length + ',"clients":1'.length);
  });

  it('refuses text that is not an object', () => {
    expect(() => publishTextWithClients('[1]', 1)).toThrow();
  });
});
