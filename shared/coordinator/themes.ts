import type { CombinedNote } from './combined';

/**
 * Recurring themes: notes grouped by similar text, by a method a coordinator can check by hand.
 *
 * 1. Key words of a note: lower case, accents removed (ł → l too), split on anything that is not a
 *    letter or digit, common words of English and Polish dropped, words under 3 letters dropped,
 *    each word cut to its first 5 letters (so "renovation"/"renovations", "budynki"/"budynków"
 *    meet).
 * 2. Notes are taken in order (oldest session first, then board order); a note joins the first
 *    theme whose first note shares at least half of their key words (Jaccard similarity ≥ 0.5),
 *    otherwise it starts a theme of its own.
 * 3. A theme is shown when it has at least two notes; the most widespread first (labs, sessions,
 *    then notes).
 * No translation: an English and a Polish note about the same thing stay apart.
 */
export interface Theme {
  /** The key words the theme's notes share most, most shared first. */
  words: string[];
  /** The first note's text: what the theme is about, in someone's own words. */
  label: string;
  notes: CombinedNote[];
  sessions: number;
  labs: number;
}

export const THEME_SIMILARITY = 0.5;
const STEM = 5;

const STOP = new Set(
  (
    'the and for with from that this are was were will not but all any can has have had our their there they them its into onto than then also more most such very ' +
    'about over under between within without through each other which what when where who whom how why been being would could should must may might ' +
    'oraz dla nie jest się sie być byc przez przy jako jak ale lub czy już juz tak też tez tylko bardzo może moze które ktore który ktory która ktora ' +
    'tego tej ten ta to te tym tych nad pod bez przed między miedzy oraz aby żeby zeby gdy kiedy gdzie jego jej ich nas was wam nam'
  ).split(/\s+/),
);

export function keyWords(text: string): string[] {
  const plain = text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const words = new Set<string>();
  for (const word of plain.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOP.has(word)) continue;
    words.add(word.slice(0, STEM));
  }
  return [...words];
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export function recurringThemes(notes: readonly CombinedNote[], threshold = THEME_SIMILARITY): Theme[] {
  const groups: { leader: Set<string>; notes: CombinedNote[] }[] = [];
  // Which themes' first notes hold a word: a note is compared only with themes it shares a word with.
  const byWord = new Map<string, number[]>();
  for (const note of notes) {
    const words = new Set(keyWords(note.text));
    if (words.size === 0) continue;
    const seen = new Set<number>();
    let home = -1;
    for (const w of words) {
      for (const g of byWord.get(w) ?? []) {
        if (seen.has(g)) continue;
        seen.add(g);
        if (jaccard(words, groups[g]!.leader) >= threshold && (home === -1 || g < home)) home = g;
      }
    }
    if (home >= 0) {
      groups[home]!.notes.push(note);
      continue;
    }
    groups.push({ leader: words, notes: [note] });
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), groups.length - 1]);
  }
  return groups
    .filter((g) => g.notes.length >= 2)
    .map((g) => {
      const counts = new Map<string, number>();
      for (const n of g.notes) for (const w of keyWords(n.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const words = [...counts]
        .filter(([, c]) => c >= 2)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([w]) => w);
      return {
        words,
        label: g.notes[0]!.text,
        notes: g.notes,
        sessions: new Set(g.notes.map((n) => n.sessionId)).size,
        labs: new Set(g.notes.map((n) => n.lab || n.sessionId)).size,
      };
    })
    .sort((a, b) => b.labs - a.labs || b.sessions - a.sessions || b.notes.length - a.notes.length || a.label.localeCompare(b.label));
}
