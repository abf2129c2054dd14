import { describe, expect, it } from 'vitest';
import { RateLimitedLog } from '../../../main/host/rate-limited-log';

describe('RateLimitedLog', () => {
  it('writes perWindow lines per window, then says how many it left out', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new RateLimitedLog((line) => lines.push(line), 2, 1000, () => now);
    for (let i = 0; i < 10; i++) log.write(`line ${i}`);
    expect(lines).toEqual(['line 0', 'line 1']);
    now = 1000;
    log.write('later');
    expect(lines).toEqual(['line 0', 'line 1', '(8 similar lines left out in the last 1 s)', 'later']);
  });
});
