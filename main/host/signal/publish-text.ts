/**
 * The text a publish is relayed as: the sender's own JSON object with `clients` appended, spliced
 * into the raw text. The parsed tree is never serialised again, so its shape (6,000 nested arrays,
 * say) cannot cost the host a stack overflow or a second copy of the structure. A `clients` the
 * sender put in itself is overridden: JSON.parse keeps the last duplicate key.
 *
 * `raw` must be text that JSON.parse accepted as an object (so, after trailing whitespace, it ends in `}`).
 */
export function publishTextWithClients(raw: string, clients: number): string {
  const body = raw.trimEnd();
  if (!body.endsWith('}')) throw new Error('publish text is not a JSON object');
  return `${body.slice(0, -1)},"clients":${clients}}`;
}
