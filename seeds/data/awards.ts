/**
 * Recipients of the Presidential Award for Extraordinary Efforts to Combat Trafficking in Persons,
 * with the meeting at which the Secretary of State presented each award. Reasons are our own
 * wording and are given only where a cited document states one.
 *
 * Award years 2013, 2016, 2019 and 2020 were presented at that year's meeting; award years 2021,
 * 2022 and 2023 at the meeting early in the following year.
 */
import type { AwardSeed } from './types';

export const awards: AwardSeed[] = [
  // ── 2013 (presented 17 May 2013, the first awards) ───────────────────────────────────────
  {
    // State's media note describes her as a lifelong advocate for victims; it states no reason.
    awardYear: 2013,
    recipient: 'Florrie Burke',
    kind: 'person',
    reason: null,
    presentedAt: 'cabinet-2013-05-17',
    source: 'scoop-2013-05-pitf-meeting',
  },
  {
    // The global hospitality and travel company.
    awardYear: 2013,
    recipient: 'Carlson',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2013-05-17',
    source: 'scoop-2013-05-pitf-meeting',
  },

  // ── 2016 (presented 24 October 2016) ──────────────────────────────────────────────────────
  {
    awardYear: 2016,
    recipient: 'Students Opposing Slavery',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2016-10-24',
    source: 'dos-archive-pitf-2009-2017',
  },
  {
    // One row, not two: State's page names "Dr. Christopher White and the Defense Advanced
    // Research Projects Agency" as a single joint honoree alongside Students Opposing Slavery, i.e.
    // an award for Dr. White's work done with DARPA. Splitting it would count three recipients
    // where the source counts two. Recorded as a person because the honoree named is Dr. White.
    awardYear: 2016,
    recipient: 'Dr. Christopher White and the Defense Advanced Research Projects Agency (DARPA)',
    kind: 'person',
    reason: null,
    presentedAt: 'cabinet-2016-10-24',
    source: 'dos-archive-pitf-2009-2017',
  },

  // ── 2019 (presented 29 October 2019) ──────────────────────────────────────────────────────
  {
    awardYear: 2019,
    recipient: 'Truckers Against Trafficking',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2019-10-29',
    source: 'hti-2019-awards',
  },
  {
    awardYear: 2019,
    recipient: 'Responsible Business Alliance',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2019-10-29',
    source: 'hti-2019-awards',
  },

  // ── 2020 (virtual meeting, October 2020) ──────────────────────────────────────────────────
  {
    awardYear: 2020,
    recipient: 'A21 North Carolina',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2020-10',
    source: 'dos-remarks-2020-pitf',
  },
  {
    awardYear: 2020,
    recipient: 'Navajo Nation',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2020-10',
    source: 'dos-remarks-2020-pitf',
  },

  // ── 2021 (presented 25 January 2022) ──────────────────────────────────────────────────────
  {
    awardYear: 2021,
    recipient: 'Tanya Gould',
    kind: 'person',
    reason:
      'A survivor leader and expert honored for her dedication to ending human trafficking and for bringing the issue to national attention.',
    presentedAt: 'cabinet-2022-01-25',
    source: 'dos-statement-2022-01-25',
  },
  {
    awardYear: 2021,
    recipient: 'Thai Community Development Center',
    kind: 'organization',
    reason:
      'A Los Angeles nonprofit honored for more than 25 years of direct services to survivors of human trafficking.',
    presentedAt: 'cabinet-2022-01-25',
    source: 'dos-statement-2022-01-25',
  },

  // ── 2022 (presented 13 February 2023) ─────────────────────────────────────────────────────
  {
    awardYear: 2022,
    recipient: 'Mercy Medical Center’s Blue Dot Human Trafficking Initiative',
    kind: 'organization',
    reason: 'Honored for a new, whole-person model of care for the health and wellbeing of trafficking victims.',
    presentedAt: 'cabinet-2023-02-13',
    source: 'dos-statement-2023-02-13',
  },
  {
    awardYear: 2022,
    recipient: 'Centro de los Derechos del Migrante, Inc.',
    kind: 'organization',
    reason:
      'Honored for sustained advocacy led by workers themselves for a fairer, more humane migration system without forced labor or other exploitation.',
    presentedAt: 'cabinet-2023-02-13',
    source: 'dos-statement-2023-02-13',
  },

  // ── 2023 (presented 13 February 2024) ─────────────────────────────────────────────────────
  {
    // Co-founder and Executive Director of Survivor Alliance.
    awardYear: 2023,
    recipient: 'Dr. Minh Dang (Survivor Alliance)',
    kind: 'person',
    reason: null,
    presentedAt: 'cabinet-2024-02-13',
    source: 'wirenn-2024-pitf-meeting',
  },
  {
    awardYear: 2023,
    recipient: 'Restore NYC',
    kind: 'organization',
    reason: null,
    presentedAt: 'cabinet-2024-02-13',
    source: 'wirenn-2024-pitf-meeting',
  },
];
