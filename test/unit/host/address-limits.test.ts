import { describe, expect, it } from 'vitest';
import { FailureWindow, HandshakeSlots } from '../../../main/host/address-limits';

describe('FailureWindow.begin', () => {
  it('counts attempts still in flight: of 30 started at once, only the limit may proceed', () => {
    const window = new FailureWindow(5);
    const started = Array.from({ length: 30 }, () => window.begin('10.0.0.9'));
    expect(started.filter(Boolean)).toHaveLength(5);
    // Another address is not affected.
    expect(window.begin('10.0.0.10')).not.toBeNull();
  });

  it('a successful attempt frees its slot; a failed one stays for the window', () => {
    let now = 0;
    const window = new FailureWindow(2, 60_000, () => now);
    const a = window.begin('x');
    const b = window.begin('x');
    expect(window.begin('x')).toBeNull();
    a?.(false);
    const c = window.begin('x');
    expect(c).not.toBeNull();
    b?.(true);
    c?.(true);
    c?.(true); // a second call changes nothing
    expect(window.count('x')).toBe(2);
    expect(window.begin('x')).toBeNull();
    now = 60_001;
    expect(window.begin('x')).not.toBeNull();
  });
});

describe('HandshakeSlots', () => {
  it('caps per address and in total, and release is idempotent', () => {
    const slots = new HandshakeSlots(2, 3);
    const a1 = slots.acquire('a');
    const a2 = slots.acquire('a');
    expect(slots.acquire('a')).toBe('address');
    const b1 = slots.acquire('b');
    expect(slots.acquire('c')).toBe('total');
    if (typeof a1 !== 'function' || typeof a2 !== 'function' || typeof b1 !== 'function') throw new Error('expected slots');
    a1();
    a1();
    expect(slots.inUse).toBe(2);
    expect(typeof slots.acquire('c')).toBe('function');
  });
});
