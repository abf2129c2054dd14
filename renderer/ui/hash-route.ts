import { useSyncExternalStore } from 'react';

/** Routes live in the URL fragment: the host serves one file and never sees them (join codes!). */
export type Route =
  | { name: 'home' }
  /** Home → Coordinator view: archives from many labs compared. */
  | { name: 'coordinator' }
  /** The benchmark board (docs/ui-contract.md): N notes in a grid at zoom Z, in memory only. */
  | { name: 'bench'; n: number; zoom: number }
  | { name: 'session'; sessionId: string }
  /** A join link (docs/ui-contract.md): `#/join/SESSION_ID?code=JOIN_CODE`. */
  | { name: 'join'; sessionId: string; code: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 's' && parts[1]) return { name: 'session', sessionId: decode(parts[1]) };
  if (parts[0] === 'coordinator') return { name: 'coordinator' };
  if (parts[0] === 'bench') {
    const params = new URLSearchParams(query);
    const n = Math.min(50_000, Math.max(0, Math.floor(Number(params.get('n') ?? 1000)) || 0));
    const zoom = Math.min(4, Math.max(0.05, Number(params.get('zoom') ?? 1) || 1));
    return { name: 'bench', n, zoom };
  }
  if (parts[0] === 'join' && parts[1]) return { name: 'join', sessionId: decode(parts[1]), code: new URLSearchParams(query).get('code') ?? '' };
  return { name: 'home' };
}

export const COORDINATOR_HREF = '#/coordinator';

export function sessionHref(sessionId: string): string {
  return `#/s/${encodeURIComponent(sessionId)}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
