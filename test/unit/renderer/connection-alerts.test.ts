// What the header's connection status shows as an alert (role=alert) for the host's conditions:
// rendered to markup with the real component and catalogs, in English and Polish.
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { ConnectionStatus } from '../../../renderer/sync/ConnectionStatus';
import type { SessionSync, SyncSnapshot } from '../../../renderer/sync/session-sync';
import { OFFLINE_SNAPSHOT } from '../../../renderer/sync/use-session-sync';

const base: SyncSnapshot = { ...OFFLINE_SNAPSHOT, hosting: true, hasHost: true, relay: { kind: 'connected', connections: 3, admin: true }, joinCode: 'ABCDE-FGHJK' };

function render(snapshot: Partial<SyncSnapshot>, canAdminister = true): string {
  const full = { ...base, ...snapshot };
  const sync = { getSnapshot: () => full, subscribe: () => () => undefined, canAdminister, reclaim: () => undefined } as unknown as SessionSync;
  return renderToStaticMarkup(createElement(ConnectionStatus, { sync }));
}

/** The text of the role=alert paragraph, or null. */
function alertText(markup: string): string | null {
  const match = /<p role="alert"[^>]*>(.*?)<\/p>/s.exec(markup);
  return match ? match[1]!.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('connection alerts', () => {
  it('says nothing while the host saves', () => {
    expect(alertText(render({}))).toBeNull();
  });

  it('the host cannot save: an alert in English and Polish, and syncing still shown as on', async () => {
    await i18next.changeLanguage('en');
    const markup = render({ hostCannotSave: true });
    expect(alertText(markup)).toBe(en.connection.hostCannotSave);
    expect(alertText(markup)).toMatch(/^The host cannot save: its disk is full or read-only\. Keep this window open;/);
    expect(markup).toMatch(/data-state="online"/);
    await i18next.changeLanguage('pl');
    expect(alertText(render({ hostCannotSave: true }))).toBe(pl.connection.hostCannotSave);
    await i18next.changeLanguage('en');
  });

  it('a host that forgot the session: the facilitator gets the alert and the button to give it back; others only the alert', () => {
    const facilitator = render({ fatal: 'hostForgot', relay: { kind: 'stopped', reason: 'hostForgot' } });
    expect(alertText(facilitator)).toBe(`${en.connection.hostForgot} ${en.connection.reclaim}`);
    expect(facilitator).toMatch(/<button type="button">Give the session to this host<\/button>/);
    const other = render({ fatal: 'hostForgot', relay: { kind: 'stopped', reason: 'hostForgot' } }, false);
    expect(alertText(other)).toBe(en.connection.hostForgot);
  });
});
