import { describe, expect, it } from 'vitest';
import { externalLinkQuestion } from '../../../main/external-link';

describe('the question before a link opens in the browser', () => {
  it('shows the address, in the computer’s language', () => {
    const pl = externalLinkQuestion('https://netzerocities.eu/', 'pl-PL');
    expect(pl).toMatchObject({ message: 'Otworzyć ten link w przeglądarce?', open: 'Otwórz w przeglądarce', cancel: 'Anuluj' });
    expect(pl.detail.startsWith('https://netzerocities.eu/\n\n')).toBe(true);
    expect(externalLinkQuestion('https://x.example/', 'de-DE').message).toBe('Open this link in your web browser?');
  });
});
