import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './auth';

const ORIGIN = 'http://localhost:3000';

describe('where to go after signing in', () => {
  it('keeps a page of this app with its query and fragment', () => {
    expect(safeCallbackPath('/deliverables?agency=dos')).toBe('/deliverables?agency=dos');
    expect(safeCallbackPath('/meetings/3#report', ORIGIN)).toBe('/meetings/3#report');
  });

  it('keeps an absolute address on this app’s own origin, as a path', () => {
    expect(safeCallbackPath('http://localhost:3000/meetings', ORIGIN)).toBe('/meetings');
    expect(safeCallbackPath('http://localhost:3001/meetings', ORIGIN)).toBe('/');
    // Without the origin, no absolute address can be shown to be this app.
    expect(safeCallbackPath('http://localhost:3000/meetings')).toBe('/');
  });

  it('refuses a tab, line break, carriage return or space anywhere, which the browser would drop or bend', () => {
    for (const target of ['/\t/evil.example/x', '/\n/evil.example', '/\r/evil.example', '/ /evil.example', '/deliverables\t', ' /meetings', '/a\u00a0b']) {
      expect(safeCallbackPath(target, ORIGIN), JSON.stringify(target)).toBe('/');
      expect(safeCallbackPath(target), JSON.stringify(target)).toBe('/');
    }
  });

  it('refuses callbackUrl=/%09/evil.example/x once the query string is decoded', () => {
    const raw = new URLSearchParams('callbackUrl=/%09/evil.example/x').get('callbackUrl');
    expect(raw).toBe('/\t/evil.example/x');
    expect(safeCallbackPath(raw, ORIGIN)).toBe('/');
  });

  it('keeps a still-encoded %09 as part of a path on this app', () => {
    // The browser does not decode it into a tab, so it cannot leave the app.
    expect(safeCallbackPath('/%09/evil.example/x', ORIGIN)).toBe('/%09/evil.example/x');
  });

  it('refuses another site, protocol-relative and back-slashed addresses, and script URLs', () => {
    for (const target of ['//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example', 'https://evil.example/meetings', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', '/..//evil.example', '']) {
      expect(safeCallbackPath(target, ORIGIN), target).toBe('/');
    }
  });

  it('refuses control and invisible characters', () => {
    for (const target of ['/meetings\u0000', '/\u001b/evil', '/\u202e/meetings', '/\u200b/meetings']) {
      expect(safeCallbackPath(target, ORIGIN), JSON.stringify(target)).toBe('/');
    }
  });

  it('never sends the user back to the sign-in page or to the API', () => {
    for (const target of ['/login', '/login?callbackUrl=/x', '/api/deliverables', '/api', '/meetings/../login', 'http://localhost:3000/api/me']) {
      expect(safeCallbackPath(target, ORIGIN), target).toBe('/');
    }
  });
});
