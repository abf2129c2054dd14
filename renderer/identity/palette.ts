/**
 * The one palette for people (avatars, cursors, who-is-editing outlines): Okabe & Ito's
 * colour-blind-safe set, which stays distinguishable with every common colour-vision deficiency.
 * Its yellow is left out: it disappears on the pale board and on yellow sticky notes. Text on these
 * colours is black or white, whichever contrasts more (presence-state.ts `textColourOn`).
 */
export const PERSON_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'] as const;

function pick(hash: number): string {
  return PERSON_PALETTE[(hash >>> 0) % PERSON_PALETTE.length] as string;
}

/** Our own colour, from the device id: the same in every session and after every reload. */
export function colourForDevice(deviceId: string): string {
  // FNV-1a: a few lines, and it spreads similar ids over the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) hash = Math.imul(hash ^ deviceId.charCodeAt(i), 0x01000193);
  return pick(hash);
}

/** A peer that sent no usable colour still gets a stable one, from its awareness client id. */
export function colourForClient(clientId: number): string {
  // Knuth's multiplicative hash spreads consecutive ids over the palette.
  return pick(Math.imul(clientId >>> 0, 2654435761));
}

/**
 * Our colour in a room: the device's own, unless someone here already shows it. Then the first
 * palette colour nobody here shows. Of two people with one colour, only the one with the higher
 * client id moves, so both screens agree without talking about it. Past seven people colours repeat.
 */
export function distinctColour(own: string, myClientId: number, others: ReadonlyArray<{ clientId: number; colour: string }>): string {
  const clash = others.some((o) => o.colour === own && o.clientId < myClientId);
  if (!clash) return own;
  const taken = new Set(others.map((o) => o.colour));
  return PERSON_PALETTE.find((c) => !taken.has(c)) ?? own;
}
