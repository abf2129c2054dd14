import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, inNextTask } from '../../../renderer/ui/next-task';

const g = globalThis as { requestAnimationFrame?: (cb: () => void) => number };

describe('inNextTask', () => {
  it('runs after the current task, in order, and a throwing callback does not stop the rest', async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    inNextTask(() => seen.push('a'));
    inNextTask(() => {
      throw new Error('boom');
    });
    inNextTask(() => seen.push('b'));
    await Promise.resolve();
    seen.push('microtask');
    await new Promise((r) => setTimeout(r, 20));
    process.off('uncaughtException', onError);
    expect(seen).toEqual(['microtask', 'a', 'b']);
    expect(String(errors[0])).toContain('boom');
  });
});

describe('afterNextPaint', () => {
  afterEach(() => {
    delete g.requestAnimationFrame;
  });

  it('waits for the next frame, then runs everything asked for before it once', async () => {
    const frames: (() => void)[] = [];
    g.requestAnimationFrame = (cb) => frames.push(cb);
    const seen: string[] = [];
    afterNextPaint(() => seen.push('first'));
    afterNextPaint(() => seen.push('second'));
    expect(frames).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([]);
    frames[0]!();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['first', 'second']);
    // The fallback for hidden tabs does not run them a second time.
    await new Promise((r) => setTimeout(r, 120));
    expect(seen).toEqual(['first', 'second']);
  });

  it('still runs in a tab that gets no frames (hidden)', async () => {
    vi.useFakeTimers();
    try {
      g.requestAnimationFrame = () => 0;
      const seen: string[] = [];
      afterNextPaint(() => seen.push('late'));
      vi.advanceTimersByTime(99);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['late']);
    } finally {
      vi.useRealTimers();
    }
  });
});
