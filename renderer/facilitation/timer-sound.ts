const MUTE_KEY = 'tl-timer-muted';

export function isTimerMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setTimerMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/**
 * Three short rising tones, made on the spot (no sound file to bundle or fetch). A browser that
 * has not been interacted with may refuse to play: then the visual cue alone tells the room.
 */
export function playTimeUp(): void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    [660, 880, 1100].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      osc.type = 'sine';
      const at = ctx.currentTime + i * 0.28;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.24);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.25);
    });
    setTimeout(() => void ctx.close(), 1_500);
  } catch {
    // No audio device: the visual cue is enough.
  }
}
