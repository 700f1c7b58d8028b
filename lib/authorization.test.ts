import { describe, expect, it } from 'vitest';
import {
  canChangeLeadAgency,
  canCreateDeliverable,
  canEditAgencyReport,
  canEditDeliverable,
  canEditStatistics,
  canManageMeetings,
  canManageUsers,
  canReviewReports,
  type SessionUser,
} from './authorization';

const DHS = 7;
const DOS = 1;
const user = (role: SessionUser['role'], agencyId: number | null = null): SessionUser => ({
  id: 1,
  email: `${role}@pitf.demo`,
  name: role,
  role,
  agencyId,
  agencySlug: null,
  agencyName: null,
  mustChangePassword: false,
});

const officialDhs = user('official', DHS);
const chair = user('chair');
const viewer = user('viewer');
const admin = user('admin');

describe('authorization', () => {
  it('lets an official of DHS edit a DHS deliverable but not a State one', () => {
    expect(canEditDeliverable(officialDhs, { leadAgencyId: DHS })).toBe(true);
    expect(canEditDeliverable(officialDhs, { leadAgencyId: DOS })).toBe(false);
  });

  it('never lets the chair or a viewer change progress figures', () => {
    expect(canEditDeliverable(chair, { leadAgencyId: DOS })).toBe(false);
    expect(canEditDeliverable(viewer, { leadAgencyId: DOS })).toBe(false);
  });

  it('lets an admin edit any deliverable and change its lead agency', () => {
    expect(canEditDeliverable(admin, { leadAgencyId: DHS })).toBe(true);
    expect(canChangeLeadAgency(admin)).toBe(true);
    expect(canChangeLeadAgency(officialDhs)).toBe(false);
  });

  it('lets an official create deliverables only for their own agency', () => {
    expect(canCreateDeliverable(officialDhs, DHS)).toBe(true);
    expect(canCreateDeliverable(officialDhs, DOS)).toBe(false);
    expect(canCreateDeliverable(chair, DOS)).toBe(false);
  });

  it('does not treat an official without an agency as belonging to one', () => {
    const stray = user('official', null);
    expect(canEditDeliverable(stray, { leadAgencyId: DHS })).toBe(false);
  });

  it('gives meetings and report reviews to the chair and admin only', () => {
    expect(canManageMeetings(chair)).toBe(true);
    expect(canReviewReports(chair)).toBe(true);
    expect(canManageMeetings(officialDhs)).toBe(false);
    expect(canReviewReports(viewer)).toBe(false);
    expect(canEditAgencyReport(officialDhs, DHS)).toBe(true);
    expect(canEditAgencyReport(officialDhs, DOS)).toBe(false);
    expect(canEditAgencyReport(chair, DHS)).toBe(false);
  });

  it('keeps users and statistics to the admin', () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(chair)).toBe(false);
    expect(canEditStatistics(admin)).toBe(true);
    expect(canEditStatistics(viewer)).toBe(false);
  });
});
