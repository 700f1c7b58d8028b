import { describe, expect, it } from 'vitest';
import { landingPath } from './landing';

describe('where each role lands after signing in', () => {
  it('sends an official to their agency, the chair’s staff to what awaits them, everyone else to the overview', () => {
    expect(landingPath({ role: 'official', agencyId: 3 })).toBe('/my-agency');
    expect(landingPath({ role: 'chair', agencyId: null })).toBe('/awaiting-me');
    expect(landingPath({ role: 'admin', agencyId: null })).toBe('/');
    expect(landingPath({ role: 'viewer', agencyId: null })).toBe('/');
    // An official without an agency (the database refuses one) would have no agency page.
    expect(landingPath({ role: 'official', agencyId: null })).toBe('/');
  });
});
