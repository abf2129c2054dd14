import type * as Y from 'yjs';
import { ROOT } from './doc-roots';

export type RootName = keyof typeof ROOT;

/**
 * Calls `changed` after every transaction that touches any of the named roots (deeply: a note's
 * text counts as a change of `notes`). Returns the function that stops observing, for a React
 * effect's cleanup. Screens subscribe through this instead of naming Y types themselves.
 */
export function observeRoots(doc: Y.Doc, roots: readonly RootName[], changed: () => void): () => void {
  const types = [...new Set(roots)].map((name) => doc.getMap(ROOT[name]));
  const handler = () => changed();
  for (const type of types) type.observeDeep(handler);
  return () => {
    for (const type of types) type.unobserveDeep(handler);
  };
}
