/**
 * The app's own copy of the last notes copied, for when the system clipboard loses our JSON
 * flavour (a browser that keeps only plain text, a page without clipboard access). It lives in
 * localStorage, so another tab or another session's board of this app can paste it too. It is
 * used only when the clipboard's plain text is still exactly what we copied, so text copied
 * later from another program always wins.
 */
const KEY = 'transition-lab.note-clipboard';

interface Stored {
  text: string;
  json: string;
}

export function rememberCopied(text: string, json: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ text, json } satisfies Stored));
  } catch {
    // Storage full or blocked: the system clipboard still has the copy.
  }
}

/** Our JSON for this plain text, when it is what we copied last (or no text could be read at all). */
export function recallCopied(plainText: string | null): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (!stored || typeof stored.json !== 'string') return null;
    return plainText === null || plainText === stored.text ? stored.json : null;
  } catch {
    return null;
  }
}
