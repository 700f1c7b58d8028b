/**
 * The 20 member agencies of the task force.
 *
 * Nine are confirmed by State's current agencies page, ten by State's archived task force page
 * (c. 2015). No source at hand says the Department of Commerce is a member: it is included because
 * it reported actions at the January 2022 meeting (the White House fact sheet on that meeting lists
 * them), so its membership is marked as inferred for an administrator to confirm or correct, and
 * the app says so wherever it shows the agency.
 */
import type { AgencySeed } from './types';

export const agencies: AgencySeed[] = [
  // Confirmed on State's current agencies page.
  { slug: 'dos', name: 'Department of State', abbreviation: 'State', source: 'dos-pitf-agencies-page' },
  { slug: 'treasury', name: 'Department of the Treasury', abbreviation: 'Treasury', source: 'dos-pitf-agencies-page' },
  { slug: 'dod', name: 'Department of Defense', abbreviation: 'DOD', source: 'dos-pitf-agencies-page' },
  { slug: 'doj', name: 'Department of Justice', abbreviation: 'DOJ', source: 'dos-pitf-agencies-page' },
  { slug: 'doi', name: 'Department of the Interior', abbreviation: 'DOI', source: 'dos-pitf-agencies-page' },
  {
    slug: 'odni',
    name: 'Office of the Director of National Intelligence',
    abbreviation: 'ODNI',
    source: 'dos-pitf-agencies-page',
  },
  { slug: 'omb', name: 'Office of Management and Budget', abbreviation: 'OMB', source: 'dos-pitf-agencies-page' },
  { slug: 'nsc', name: 'National Security Council', abbreviation: 'NSC', source: 'dos-pitf-agencies-page' },
  { slug: 'dpc', name: 'Domestic Policy Council', abbreviation: 'DPC', source: 'dos-pitf-agencies-page' },

  // From State's archived member list.
  { slug: 'usda', name: 'Department of Agriculture', abbreviation: 'USDA', source: 'dos-archive-pitf-2009-2017' },
  { slug: 'dol', name: 'Department of Labor', abbreviation: 'DOL', source: 'dos-archive-pitf-2009-2017' },
  {
    slug: 'hhs',
    name: 'Department of Health and Human Services',
    abbreviation: 'HHS',
    source: 'dos-archive-pitf-2009-2017',
  },
  { slug: 'dot', name: 'Department of Transportation', abbreviation: 'DOT', source: 'dos-archive-pitf-2009-2017' },
  { slug: 'ed', name: 'Department of Education', abbreviation: 'ED', source: 'dos-archive-pitf-2009-2017' },
  { slug: 'dhs', name: 'Department of Homeland Security', abbreviation: 'DHS', source: 'dos-archive-pitf-2009-2017' },
  {
    slug: 'eeoc',
    name: 'Equal Employment Opportunity Commission',
    abbreviation: 'EEOC',
    source: 'dos-archive-pitf-2009-2017',
  },
  { slug: 'fbi', name: 'Federal Bureau of Investigation', abbreviation: 'FBI', source: 'dos-archive-pitf-2009-2017' },
  {
    slug: 'usaid',
    name: 'U.S. Agency for International Development',
    abbreviation: 'USAID',
    source: 'dos-archive-pitf-2009-2017',
  },
  {
    slug: 'ustr',
    name: 'Office of the U.S. Trade Representative',
    abbreviation: 'USTR',
    source: 'dos-archive-pitf-2009-2017',
  },

  // Inferred: Commerce reported actions at the 2022 meeting; no member list names it.
  {
    slug: 'doc',
    name: 'Department of Commerce',
    abbreviation: 'DOC',
    membershipInferred: true,
    source: 'wh-factsheet-2022-01-25',
  },
];
