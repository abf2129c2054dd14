import { parseJsonObject } from '../json-object';

/**
 * The four y-webrtc signaling messages (y-webrtc/bin/server.js speaks the same). Anything else —
 * bad JSON, wrong field types, unknown `type` — is null and closes that one connection.
 */
export type SignalMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  /** `raw` is the sender's text, relayed as is (see publish-text.ts), never re-serialised. */
  | { type: 'publish'; topic: string; raw: string }
  | { type: 'ping' };

/** y-webrtc sends every room of its realm in one subscribe; a few dozen is already absurd. */
const MAX_TOPICS_PER_MESSAGE = 64;
const MAX_TOPIC_LENGTH = 256;

export function parseSignalMessage(text: string): SignalMessage | null {
  const msg = parseJsonObject(text);
  if (!msg) return null;
  switch (msg['type']) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = msg['topics'];
      if (!Array.isArray(topics) || topics.length > MAX_TOPICS_PER_MESSAGE || !topics.every(isTopic)) return null;
      return { type: msg['type'], topics: topics as string[] };
    }
    case 'publish': {
      const topic = msg['topic'];
      if (!isTopic(topic)) return null;
      return { type: 'publish', topic, raw: text };
    }
    case 'ping':
      return { type: 'ping' };
    default:
      return null;
  }
}

function isTopic(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOPIC_LENGTH;
}
