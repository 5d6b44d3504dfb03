import { describe, expect, it } from 'vitest';
import { formatLink, parseLink, type LinkState } from '../../../web/app/url.ts';

describe('shared links', () => {
  const full: LinkState = { scenario: 'chemical-leak', fromFile: false, seed: 7, reps: 3, t: 7200, lang: 'en', tab: 'chain', incident: 'inc-000042' };

  it('a link written from a state reads back as the same state', () => {
    expect(parseLink(formatLink(full))).toEqual(full);
    const file = { ...full, scenario: 'my-county', fromFile: true, reps: 1 };
    expect(formatLink(file)).toContain('file=my-county');
    expect(parseLink(formatLink(file))).toEqual({ ...file, reps: null });
  });

  it('malformed or hostile values are dropped, not used', () => {
    const s = parseLink('?scenario=<img>&seed=-1&reps=9999&t=abc&lang=fr&tab=a%20b&incident=x"y');
    expect(s).toEqual({ scenario: null, fromFile: false, seed: null, reps: null, t: 0, lang: null, tab: null, incident: null });
  });

  it('seed 0 is a valid seed', () => {
    expect(parseLink('?seed=0').seed).toBe(0);
  });
});
