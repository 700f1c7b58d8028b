import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/errors';
import { auditListQuery } from './audit';
import { boardFilters } from './board';
import { deliverableIdParams, parseRouteId } from './common';
import { userIdParams } from './admin';
import { createDeliverableSchema, deliverableListQuery, updateDeliverableSchema } from './deliverables';
import { meetingIdParams, reportParams, updateMeetingSchema } from './meetings';
import { pillarsPageParams, pillarSummaryQuery } from './pillars';
import { createObservationSchema, updateObservationSchema } from './statistics';

const newDeliverable = { leadAgency: 'dhs', title: 'Train screeners', pillar: 'prevention' };
const observation = { indicator: 'victims', unit: 'people', period: '2024', value: 3, sourceId: 1 };
const NOT_AN_ID = ['9', true, '1e1', 1.5, 0, -2, ''] as const;

describe('ids in JSON bodies', () => {
  it('a meeting id sent as text, a boolean or a fraction is refused, not read as a meeting', () => {
    for (const value of NOT_AN_ID) {
      for (const [schema, base] of [
        [createDeliverableSchema, newDeliverable],
        [updateDeliverableSchema, { version: 1 }],
      ] as const) {
        const parsed = schema.safeParse({ ...base, announcedAtMeetingId: value });
        expect(parsed.success, `announcedAtMeetingId: ${JSON.stringify(value)}`).toBe(false);
        expect(Object.keys(fieldErrors(parsed.error!))).toEqual(['announcedAtMeetingId']);
      }
    }
    expect(fieldErrors(createDeliverableSchema.safeParse({ ...newDeliverable, announcedAtMeetingId: '9' }).error!)).toEqual({
      announcedAtMeetingId: ['Must be a whole number (not text).'],
    });
  });

  it('a meeting id sent as a number, or null for none, is kept', () => {
    expect(createDeliverableSchema.parse({ ...newDeliverable, announcedAtMeetingId: 9 }).announcedAtMeetingId).toBe(9);
    expect(updateDeliverableSchema.parse({ version: 1, announcedAtMeetingId: null }).announcedAtMeetingId).toBeNull();
  });

  it('commitments listed as text or booleans are refused, each on its own position', () => {
    const parsed = updateMeetingSchema.safeParse({ version: 1, commitments: ['9', true, '1e1', 4] });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)).toEqual({
      'commitments.0': ['Must be a whole number (not text).'],
      'commitments.1': ['Must be a whole number (not text).'],
      'commitments.2': ['Must be a whole number (not text).'],
    });
    expect(updateMeetingSchema.parse({ version: 1, commitments: [9, 1, 10] }).commitments).toEqual([9, 1, 10]);
  });

  it('an observation’s id and source sent as text are refused', () => {
    expect(Object.keys(fieldErrors(createObservationSchema.safeParse({ ...observation, sourceId: '1' }).error!))).toEqual(['sourceId']);
    expect(Object.keys(fieldErrors(updateObservationSchema.safeParse({ id: '3', unit: 'people', sourceId: true }).error!)).sort()).toEqual([
      'id',
      'sourceId',
    ]);
  });
});

describe('ids in query strings and paths', () => {
  it('are read from text, as every value there is', () => {
    expect(deliverableListQuery.parse({ meeting: '3', holdingUp: '4' })).toMatchObject({ meeting: 3, holdingUp: 4 });
    expect(deliverableIdParams.parse({ id: '12' })).toEqual({ id: 12 });
    expect(meetingIdParams.parse({ id: '7' })).toEqual({ id: 7 });
    expect(reportParams.parse({ id: '7', agency: 'dhs' })).toEqual({ id: 7, agency: 'dhs' });
    expect(userIdParams.parse({ id: '5' })).toEqual({ id: 5 });
    expect(auditListQuery.parse({ actor: '4' })).toMatchObject({ actor: 4 });
    expect(pillarSummaryQuery.parse({ meeting: '2', asOf: '3' })).toEqual({ meeting: 2, asOf: 3 });
    expect(pillarsPageParams.parse({ from: '1', to: '2', meeting: 'x' })).toEqual({ from: 1, to: 2, meeting: undefined });
    expect(pillarsPageParams.parse({ from: '1', to: 'now' })).toMatchObject({ from: 1, to: 'now' });
    expect(pillarsPageParams.parse({ to: 'later' })).toMatchObject({ to: undefined });
    expect(boardFilters({ meeting: '8' })).toEqual({ pillar: undefined, meeting: 8 });
  });

  it('still refuse text that is not a positive whole number', () => {
    for (const value of ['abc', '1.5', '0', '-1']) {
      expect(deliverableIdParams.safeParse({ id: value }).success, value).toBe(false);
      expect(userIdParams.safeParse({ id: value }).success, value).toBe(false);
    }
  });

  it('in a path are digits only, read the same by pages and route handlers', () => {
    expect(parseRouteId('7')).toBe(7);
    for (const value of ['1e1', ' 7', '0x7', '7.0', '+7', '', '0', 'abc', '9'.repeat(20)]) {
      expect(parseRouteId(value), value).toBeNull();
      expect(meetingIdParams.safeParse({ id: value }).success, value).toBe(false);
    }
  });
});

