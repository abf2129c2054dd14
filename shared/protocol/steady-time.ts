/**
 * Wall-clock time that never runs backwards. A laptop's clock can be set back mid-workshop (an
 * NTP correction, a person fixing the time zone by hand); every stamp in the session (timer
 * start, note stacking, decision times) would then land in the past, and a running timer would
 * freeze for as long as the jump. So the time follows a monotonic counter from the last anchor:
 * a backward jump of the wall clock is ignored (until the app restarts), and a forward one
 * re-anchors — time really passed while the laptop slept, and monotonic counters stop in sleep on
 * some systems. Used by the host (/healthz, which peers set their clocks by) and by the app.
 */
export function steadyTime(wallNow: () => number, monotonicNow: () => number, toleranceMs = 1_000): () => number {
  let anchorWall = wallNow();
  let anchorMono = monotonicNow();
  return () => {
    const wall = wallNow();
    const steady = anchorWall + (monotonicNow() - anchorMono);
    if (wall - steady > toleranceMs) {
      anchorWall = wall;
      anchorMono = monotonicNow();
      return wall;
    }
    return steady;
  };
}
