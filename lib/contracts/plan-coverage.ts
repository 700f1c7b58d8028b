/**
 * Coverage of the National Action Plan as the data layer returns it and `GET /api/plan/coverage`
 * answers: which objectives and priority actions have agencies working on them, and which have
 * none. Written out so that the browser's code depends on this file and never on db/.
 */
import type { PillarSlug, Status } from '@/lib/domain';

export type CoverageAgency = { slug: string; abbreviation: string; name: string };

/** An agency with how many of the counted deliverables in question it leads (or supports). */
export type ServingAgency = CoverageAgency & { deliverables: number };

/** Counted deliverables by status (withdrawn ones leave every count), and their total. */
export type StatusMix = Record<Status, number> & { total: number };

export type ObjectiveCoverage = {
  id: number;
  key: string | null;
  /** The plan's own number, only where a source states it; the public summaries give none. */
  number: number | null;
  title: string;
  pillar: PillarSlug;
  position: number;
  statuses: StatusMix;
  /** Open deliverables without an update for 90 days. */
  stale: number;
  /** The agencies leading its deliverables, most deliverables first. */
  leads: ServingAgency[];
  /** The agencies supporting its deliverables (another agency leads them), most first. */
  supporters: ServingAgency[];
  /** Active priority actions under it. */
  actions: number;
};

export type ActionCoverage = {
  id: number;
  code: string;
  title: string;
  pillar: PillarSlug;
  objectiveId: number | null;
  /** The lead agency the plan names for the action, and the agencies it names in support. */
  planLead: CoverageAgency | null;
  planSupporters: CoverageAgency[];
  statuses: StatusMix;
  /** The agencies leading the deliverables that serve it, most first. */
  leads: ServingAgency[];
};

export type PlanCoverage = {
  plan: { key: string; title: string; adoptedOn: string } | null;
  pillars: { slug: PillarSlug; name: string; longName: string }[];
  totals: {
    objectives: number;
    objectivesServed: number;
    objectivesUnserved: number;
    actions: number;
    actionsServed: number;
    actionsUnserved: number;
    /** Counted deliverables serving an active objective. */
    mapped: number;
    /** Counted deliverables serving no objective. */
    unmapped: number;
  };
  /** Every active objective, by pillar, in the order the plan's summary lists them. */
  objectives: ObjectiveCoverage[];
  actions: ActionCoverage[];
  gaps: {
    /** Ids of the objectives no counted deliverable serves. */
    objectives: number[];
    /** Ids of the priority actions no counted deliverable serves. */
    actions: number[];
    /** Deliverables announced without an objective, by lead agency. */
    unmapped: ServingAgency[];
  };
  /** Agency × objective: each active agency's deliverables led and supported, in `objectives`' order. */
  matrix: { agency: CoverageAgency; led: number[]; supported: number[]; total: number }[];
};
