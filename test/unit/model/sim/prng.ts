/**
 * sfc32: a small, fast, well-distributed PRNG. Every random choice of a fuzz run comes from one
 * seeded instance, so a seed reproduces the run exactly.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.next() * items.length)];
  }

  /** Lower-case id of the shape the model generates, from this stream. */
  id(): string {
    let out = '';
    for (let i = 0; i < 12; i++) out += '0123456789abcdefghijklmnopqrstuvwxyz'[this.int(0, 35)];
    return out;
  }

  /** Short text with occasional non-BMP characters, to exercise surrogate-pair handling. */
  text(maxLength = 12): string {
    const pieces = ['a', 'b', 'ę', 'ł', ' ', 'X', '🌍', '\n'];
    let out = '';
    const n = this.int(0, maxLength);
    for (let i = 0; i < n; i++) out += this.pick(pieces);
    return out;
  }
}
