/**
 * Who may do what, in one place. Route handlers (apiRoute's `allow`), the data layer's writers in
 * db/queries/ and pages call these to enforce; pages call the same functions to decide which
 * controls to show. Hiding a control is never the check.
 */
import type { Role } from './domain';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  agencyId: number | null;
  agencySlug: string | null;
  agencyName: string | null;
  mustChangePassword: boolean;
  /**
   * Set when the sign-in policy requires a phishing-resistant method of this user and the session
   * has not proved one yet: the user may only complete that step (see lib/server/auth.ts).
   */
  signInStep?: SignInStep | null;
};

export type SignInStep = 'passkey' | 'enrol' | 'no_method';

type AgencyOwned = { leadAgencyId: number };

const isAdmin = (user: SessionUser) => user.role === 'admin';
const isChairOrAdmin = (user: SessionUser) => user.role === 'chair' || user.role === 'admin';
const isOfficialOf = (user: SessionUser, agencyId: number) =>
  user.role === 'official' && user.agencyId !== null && user.agencyId === agencyId;

/** Status, progress and details of a deliverable belong to its lead agency (and the secretariat). */
export function canEditDeliverable(user: SessionUser, deliverable: AgencyOwned): boolean {
  return isAdmin(user) || isOfficialOf(user, deliverable.leadAgencyId);
}

/**
 * Whether the user may edit a deliverable whatever agency leads it: the board of what an agency
 * supports shows other agencies' cards, which only the secretariat may move there.
 */
export function canEditEveryDeliverable(user: SessionUser): boolean {
  return isAdmin(user);
}

/** An official creates deliverables for their own agency only; an admin for any agency. */
export function canCreateDeliverable(user: SessionUser, leadAgencyId: number): boolean {
  return isAdmin(user) || isOfficialOf(user, leadAgencyId);
}

/** The lead agency of an existing deliverable is the secretariat's to change, not an official's. */
/** Deleting (rather than withdrawing) is for a record created by mistake: administrators only. */
export function canDeleteDeliverable(user: SessionUser): boolean {
  return isAdmin(user);
}

export function canChangeLeadAgency(user: SessionUser): boolean {
  return isAdmin(user);
}

export function canEditAgencyReport(user: SessionUser, agencyId: number): boolean {
  return isAdmin(user) || isOfficialOf(user, agencyId);
}

export function canManageMeetings(user: SessionUser): boolean {
  return isChairOrAdmin(user);
}

export function canReviewReports(user: SessionUser): boolean {
  return isChairOrAdmin(user);
}

export function canSendReminders(user: SessionUser): boolean {
  return isChairOrAdmin(user);
}

export function canEditStatistics(user: SessionUser): boolean {
  return isAdmin(user);
}

export function canManageUsers(user: SessionUser): boolean {
  return isAdmin(user);
}

export function canManageAgencies(user: SessionUser): boolean {
  return isAdmin(user);
}

/** The plan's objectives and priority actions are reference data: the secretariat keeps them. */
export function canManagePlan(user: SessionUser): boolean {
  return isAdmin(user);
}

export function canViewAuditLog(user: SessionUser): boolean {
  return isAdmin(user);
}

/** The outbox holds every e-mail to everyone: administrators only. */
export function canReadOutbox(user: SessionUser): boolean {
  return isAdmin(user);
}

/**
 * Whether a deliverable's public fields may go into the next release is its lead agency's call
 * (with the secretariat), as editing it is: the chair's staff publish releases, never choose what
 * an agency makes public.
 */
export function canMarkPublishable(user: SessionUser, deliverable: AgencyOwned): boolean {
  return canEditDeliverable(user, deliverable);
}

/** Publishing a release of the public record: the chair's staff and administrators. */
export function canPublishRelease(user: SessionUser): boolean {
  return isChairOrAdmin(user);
}
