/**
 * The National Action Plan's objectives and priority actions as the data layer returns them and
 * the pages and endpoints hand on; instants are epoch milliseconds. lib/openapi/responses.ts
 * describes the same JSON (lib/openapi/contracts.test.ts compares them).
 */
import type { PillarSlug } from '@/lib/domain';

export type PlanSourceRef = { id: number; title: string; url: string; publishedOn: string | null };

type AgencyName = { slug: string; name: string; abbreviation: string };

/** An objective of the plan under one pillar; `number` is null where no source states it. */
export type PlanObjective = {
  id: number;
  pillar: PillarSlug;
  pillarName: string;
  number: number | null;
  title: string;
  position: number;
  source: PlanSourceRef | null;
  sourcePage: string | null;
  retiredAt: number | null;
  version: number;
};

/** A priority action, coded pillar.objective.action, under one objective. */
export type PriorityAction = {
  id: number;
  code: string;
  title: string;
  pillar: PillarSlug;
  pillarName: string;
  objective: { id: number; number: number | null; title: string } | null;
  leadAgency: AgencyName | null;
  supportingAgencies: AgencyName[];
  source: PlanSourceRef | null;
  sourcePage: string | null;
  retiredAt: number | null;
  version: number;
};

/** A priority action as a deliverable's form offers it. */
export type ActionChoice = { code: string; title: string };

/** An active objective as a deliverable's form offers it, with its active priority actions. */
export type ObjectiveChoice = { id: number; number: number | null; title: string; actions: ActionChoice[] };

/** What a deliverable's form offers under one pillar: its active objectives, and all its active actions. */
export type PillarChoices = { pillar: PillarSlug; objectives: ObjectiveChoice[]; actions: ActionChoice[] };

/** The plan's objective a deliverable serves, as its page shows it. */
export type DeliverableObjective = { id: number; number: number | null; title: string; retired: boolean };

