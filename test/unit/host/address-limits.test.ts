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
  it('when full, the address holding the most gives its oldest slot to a newcomer', () => {
    const slots = new HandshakeSlots(3, 4);
    const evicted: string[] = [];
    for (let i = 0; i < 3; i++) slots.acquire('attacker', () => evicted.push(`attacker-${i}`));
    slots.acquire('other');
    expect(typeof slots.acquire('participant')).toBe('function');
    expect(evicted).toEqual(['attacker-0']);
    expect(slots.inUse).toBe(4);
    // attacker 2, other 1, participant 1: the attacker still holds two more than a newcomer's 0.
    expect(typeof slots.acquire('newcomer')).toBe('function');
    expect(evicted).toEqual(['attacker-0', 'attacker-1']);
    // attacker 1, other 1, participant 1, newcomer 1: evicting would only move the unfairness.
    expect(slots.acquire('late')).toBe('total');
  });

  it('caps per address and in total, and release is idempotent', () => {
    const slots = new HandshakeSlots(2, 3);
    slots.acquire('a');
    slots.acquire('a');
    expect(slots.acquire('a')).toBe('address');
    const b = slots.acquire('b');
    expect(typeof slots.acquire('c')).toBe('function'); // takes a's oldest
    expect(slots.acquire('d')).toBe('total'); // a, b, c hold one each
    if (typeof b !== 'function') throw new Error('expected a slot');
    b();
    b();
    expect(slots.inUse).toBe(2);
    expect(typeof slots.acquire('d')).toBe('function');
  });
});
