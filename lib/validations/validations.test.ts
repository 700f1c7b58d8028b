import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { parseJsonBody } from '@/lib/server/body';
import { signInErrorMessage } from '@/lib/sign-in-messages';
import { safeCallbackPath } from './auth';
import { deliverableListQuery } from './deliverables';

describe('sign-in callback', () => {
  it('keeps a path inside the app', () => {
    expect(safeCallbackPath('/agencies/dhs?pillar=prevention')).toBe('/agencies/dhs?pillar=prevention');
  });

  it('ignores another site, protocol-relative and back-slashed addresses', () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '']) {
      expect(safeCallbackPath(target)).toBe('/');
    }
  });

  it('accepts an absolute address only when it is this app', () => {
    expect(safeCallbackPath('http://localhost:3000/meetings', 'http://localhost:3000')).toBe('/meetings');
    expect(safeCallbackPath('http://localhost:3001/meetings', 'http://localhost:3000')).toBe('/');
  });

  it('says one generic thing for any wrong e-mail or password, and something clear when locked', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('The e-mail address or password is incorrect.');
    expect(signInErrorMessage('anything else')).toBe('The e-mail address or password is incorrect.');
    expect(signInErrorMessage('AccountLocked')).toMatch(/Too many failed sign-in attempts/);
  });
});

describe('deliverable list query', () => {
  it('names every bad field, not only the first', () => {
    const result = deliverableListQuery.safeParse({ status: 'finished', pillar: 'prevent', page: '0', pageSize: '5000' });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(['status', 'pillar', 'page', 'pageSize']));
  });

  it('coerces numbers from the query string and applies paging defaults', () => {
    expect(deliverableListQuery.parse({ meeting: '3', agency: 'dhs' })).toEqual({ meeting: 3, agency: 'dhs', page: 1, pageSize: 50 });
  });

  it('reads one status or several separated by commas, and names status when one is unknown', () => {
    expect(deliverableListQuery.parse({ status: 'blocked' }).status).toBe('blocked');
    expect(deliverableListQuery.parse({ status: 'at_risk,blocked' }).status).toEqual(['at_risk', 'blocked']);
    expect(deliverableListQuery.parse({ status: 'blocked,blocked' }).status).toBe('blocked');
    for (const status of ['at_risk,finished', '', ',']) {
      const result = deliverableListQuery.safeParse({ status });
      expect(result.success, status).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.')), status).toEqual(['status']);
    }
  });

  it('takes a supporting agency by short name and the needs-attention flag', () => {
    expect(deliverableListQuery.parse({ supportedBy: 'dhs', attention: 'true' })).toMatchObject({ supportedBy: 'dhs', attention: true });
    const result = deliverableListQuery.safeParse({ supportedBy: 'DHS!', attention: 'maybe' });
    expect(new Set(result.error!.issues.map((i) => String(i.path[0])))).toEqual(new Set(['supportedBy', 'attention']));
  });
});

describe('JSON request bodies', () => {
  const schema = z.object({ title: z.string().min(1, 'Enter a title.'), progress: z.number().int().min(0).max(100) });

  function errorOf(fn: () => unknown): DomainError {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected an DomainError');
  }

  it('answers malformed JSON with 400 invalid_json', () => {
    const error = errorOf(() => parseJsonBody('{"title": ', schema));
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('invalid_json');
  });

  it('answers invalid fields with 400 naming each of them', () => {
    const error = errorOf(() => parseJsonBody(JSON.stringify({ title: '', progress: 150 }), schema));
    expect(error.kind).toBe('invalid');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['progress', 'title']);
    expect(error.message).toBe('Invalid input: title, progress.');
  });
});
