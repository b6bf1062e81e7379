import { describe, expect, it } from 'vitest';
import { fromSitePage } from './origin';

const granted = { 'access-control-allow-origin': 'https://c.example' };

describe('fromSitePage', () => {
  it('takes an allowed Origin, whatever else the request says', () => {
    expect(fromSitePage({ origin: 'https://c.example' }, granted)).toBe(true);
    expect(fromSitePage({ origin: 'https://c.example', 'sec-fetch-site': 'same-origin' }, granted)).toBe(true);
  });
  it('takes no Origin only on a request the browser marks same-origin (the agent at the site’s GAIOLA_AGENT_PATH)', () => {
    expect(fromSitePage({ 'sec-fetch-site': 'same-origin' }, {})).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none', undefined])
      expect(fromSitePage(site === undefined ? {} : { 'sec-fetch-site': site }, {}), String(site)).toBe(false);
  });
  it('refuses another Origin, even one that claims to be same-origin', () => {
    expect(fromSitePage({ origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' }, {})).toBe(false);
  });
});
