/**
 * Bodies of the Senior Policy Operating Group (SPOG), which State chairs: its ad hoc working
 * groups and its standing committees. Purposes are our own summaries.
 *
 * The two ad hoc groups formed in 2021 are described in the 2022 fact sheet and in State's
 * statement on the December 2021 National Action Plan. State's SPOG page lists a third ad hoc
 * group (Demand Reduction) among those active in 2022 without saying when it was formed, and
 * names five standing committees whose founding years are not given.
 */
import type { WorkingGroupSeed } from './types';

export const workingGroups: WorkingGroupSeed[] = [
  // ── Ad hoc working groups ─────────────────────────────────────────────────────────────────
  {
    key: 'spog-wg-screening',
    name: 'Screening Forms and Protocols',
    kind: 'ad_hoc',
    establishedYear: 2021,
    purpose:
      'Works out best practice for the screening forms and protocols used by federal officials who may meet a trafficking victim in their day-to-day work.',
    pillar: 'protection',
    source: 'wh-factsheet-2022-01-25',
  },
  {
    key: 'spog-wg-temporary-workers',
    name: 'Rights and Protections of Temporary Workers',
    kind: 'ad_hoc',
    establishedYear: 2021,
    purpose:
      'Reviews the rights and safeguards available to holders of temporary employment-based visas and proposes ways to close the gaps it finds.',
    pillar: 'prevention',
    source: 'wh-factsheet-2022-01-25',
  },
  {
    // Listed among the SPOG's 2022 ad hoc groups; the year it was formed is not stated.
    key: 'spog-wg-demand-reduction',
    name: 'Demand Reduction',
    kind: 'ad_hoc',
    establishedYear: null,
    purpose: 'Looks for ways to reduce the demand that makes trafficking profitable.',
    pillar: 'prevention',
    source: 'dos-spog-page',
  },

  // ── Standing committees ───────────────────────────────────────────────────────────────────
  {
    key: 'spog-sc-research-data',
    name: 'Research & Data',
    kind: 'standing_committee',
    establishedYear: null,
    purpose: 'Coordinates member agencies’ research on trafficking and the collection and sharing of data.',
    source: 'dos-spog-page',
  },
  {
    key: 'spog-sc-grantmaking',
    name: 'Grantmaking',
    kind: 'standing_committee',
    establishedYear: null,
    purpose: 'Aligns anti-trafficking grant programs across agencies so that funding is coordinated rather than duplicated.',
    source: 'dos-spog-page',
  },
  {
    key: 'spog-sc-public-awareness',
    name: 'Public Awareness & Outreach',
    kind: 'standing_committee',
    establishedYear: null,
    purpose: 'Coordinates federal campaigns and outreach that teach the public and professionals to recognize and report trafficking.',
    pillar: 'prevention',
    source: 'dos-spog-page',
  },
  {
    key: 'spog-sc-victim-services',
    name: 'Victim Services',
    kind: 'standing_committee',
    establishedYear: null,
    purpose: 'Coordinates the services federal agencies fund or provide for victims and survivors.',
    pillar: 'protection',
    source: 'dos-spog-page',
  },
  {
    key: 'spog-sc-procurement-supply-chains',
    name: 'Procurement & Supply Chains',
    kind: 'standing_committee',
    establishedYear: null,
    purpose: 'Coordinates work to keep trafficking and forced labor out of federal contracts and of supply chains.',
    pillar: 'prevention',
    source: 'dos-spog-page',
  },
];
