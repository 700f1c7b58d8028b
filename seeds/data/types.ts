/**
 * Shapes of the seed data. Each fact is written in our own words and names the source it comes
 * from by the source's `key` (seeds/data/sources.ts). Keys are stable: the seed upserts by them,
 * so running it twice changes nothing.
 */
import type {
  IndicatorUnit,
  MeetingKind,
  MeetingStatus,
  PillarSlug,
  Status,
  ValueQualifier,
} from '@/lib/domain';

export type SourceSeed = {
  key: string;
  title: string;
  publisher: string;
  /** ISO date, or null when the document carries none. */
  publishedOn: string | null;
  url: string;
};

export type AgencySeed = {
  slug: string;
  name: string;
  abbreviation: string;
  memberSince?: number;
  membershipInferred?: boolean;
  source: string;
};

export type PillarSeed = {
  slug: PillarSlug;
  name: string;
  /** The plan's own title for the pillar. */
  longName: string;
  position: number;
  description: string;
};

export type PlanSeed = { key: string; title: string; adoptedOn: string; source: string };

/** An objective of the plan, unnumbered unless a source states its number. */
export type ObjectiveSeed = { key: string; pillar: PillarSlug; title: string; number?: number; source: string; sourcePage?: string };

export type WorkingGroupSeed = {
  key: string;
  name: string;
  kind: 'standing_committee' | 'ad_hoc';
  establishedYear: number | null;
  purpose: string;
  pillar?: PillarSlug;
  source: string;
};

export type AgendaItemSeed = { title: string; presenter?: string; agency?: string };

export type MeetingSeed = {
  key: string;
  kind: MeetingKind;
  title: string;
  /** ISO date; for a meeting known only to the month, the 1st with datePrecision 'month'. */
  date: string;
  datePrecision?: 'day' | 'month';
  chair: string | null;
  location: string | null;
  status: MeetingStatus;
  reportingCutoff?: string;
  summary: string;
  workingGroup?: string;
  agenda?: AgendaItemSeed[];
  source: string;
};

export type NapActionSeed = {
  code: string;
  pillar: PillarSlug;
  /** The objective it falls under (an ObjectiveSeed key). */
  objective: string;
  title: string;
  lead?: string;
  supporters?: string[];
  source: string;
};

export type DeliverableSeed = {
  key: string;
  lead: string;
  supporters?: string[];
  pillar: PillarSlug;
  title: string;
  description: string;
  announcedAt?: string;
  dueOn?: string;
  status: Status;
  progress: number;
  statusReason?: string;
  fundingUsd?: number;
  napAction?: string;
  /** The plan objective it serves (an ObjectiveSeed key). */
  objective: string;
  /** True when the objective is the secretariat's judgement rather than stated by the document. */
  objectiveBySecretariat?: boolean;
  /** Only where the source states both a count and its target (none of the seeded sources does yet). */
  measure?: { label: string; unit?: string; target: number; actual: number };
  source: string;
};

export type ObservationSeed = {
  key: string;
  period: string;
  value: number;
  ageGroup?: 'adult' | 'child';
  traffickingType?: 'labor' | 'sex' | 'both' | 'unknown';
  category?: string;
  /** The source's wording when the figure is not exact: over 60, nearly 27.6 million. */
  qualifier?: ValueQualifier;
  /** For an estimate published after the period it describes, the year of publication. */
  publishedYear?: number;
  note?: string;
  source: string;
};

export type IndicatorSeed = {
  key: string;
  name: string;
  description: string;
  unit: IndicatorUnit;
  scope: 'us' | 'global';
  position: number;
  observations: ObservationSeed[];
};

export type AwardSeed = {
  awardYear: number;
  recipient: string;
  kind: 'person' | 'organization';
  reason: string | null;
  presentedAt: string;
  source: string;
};
