/**
 * Figures quoted in the seed documents, as indicators with dated observations. Aggregates only.
 *
 * Each observation's `period` is the time the figure describes, not the date of the document that
 * quotes it. Where the source words a figure loosely ("over 60", "nearly 27.6 million") the
 * observation keeps that wording in `qualifier` instead of passing the round number off as exact.
 *
 * Global victim estimates: the 2023 State statement gives "nearly 27.6 million"; the December
 * 2021 National Action Plan, as quoted in press coverage of the 2023 meeting, gives 24.9 million.
 * They are the forced-labour figures of two editions of the Global Estimates of Modern Slavery by
 * the International Labour Organization, Walk Free and the International Organization for
 * Migration: the edition published in 2017 describes 2016, the one published in 2022 describes
 * 2021. They are separate estimates, not a measured change between two years. The observations
 * cite the documents that quote them (the statements the task force made), which name no edition;
 * the edition is recorded in `publishedYear` and the note.
 *
 * The 2020 U.S. figures (hotline cases, HHS certifications and their breakdown by type of
 * trafficking) are the National Action Plan's, as quoted in the same press article.
 *
 * Keys stay as first published, even where a period has since been corrected: the seed inserts by
 * key, so a new key would add a second row to a database seeded before.
 */
import type { IndicatorSeed } from './types';

const PRESS_2023 = 'press-2023-02-pitf-meeting';

export const indicators: IndicatorSeed[] = [
  {
    key: 'global-victims',
    name: 'People estimated to be victims of human trafficking worldwide',
    description:
      'Estimated number of people in forced labour around the world on a given day, which the task force’s statements cite as victims of human trafficking.',
    unit: 'people',
    scope: 'global',
    position: 1,
    observations: [
      {
        key: 'global-victims-nap-2021',
        period: '2016',
        publishedYear: 2017,
        value: 24900000,
        note: 'Forced-labour estimate for 2016 from the Global Estimates of Modern Slavery (ILO, Walk Free and IOM, 2017 edition). Cited by the National Action Plan of December 2021, as quoted in press coverage of the 2023 meeting.',
        source: PRESS_2023,
      },
      {
        key: 'global-victims-2023',
        period: '2021',
        publishedYear: 2022,
        value: 27600000,
        qualifier: 'nearly',
        note: 'Forced-labour estimate for 2021 from the Global Estimates of Modern Slavery (ILO, Walk Free and IOM, 2022 edition). The Secretary of State’s statement of 13 February 2023 gives it as nearly 27.6 million.',
        source: 'dos-statement-2023-02-13',
      },
    ],
  },
  {
    key: 'global-illicit-profits',
    name: 'Illicit profits from human trafficking worldwide per year',
    description: 'Estimated yearly profits that traffickers make worldwide, in U.S. dollars.',
    unit: 'usd',
    scope: 'global',
    position: 2,
    observations: [
      {
        key: 'global-illicit-profits-nap-2021',
        period: '2021',
        value: 150000000000,
        note: '$150 billion a year, the figure the National Action Plan (December 2021) gives, as quoted in press coverage of the 2023 meeting.',
        source: PRESS_2023,
      },
    ],
  },
  {
    key: 'us-hotline-cases',
    name: 'Human trafficking cases identified by the National Human Trafficking Hotline',
    description: 'Cases of human trafficking identified through the U.S. National Human Trafficking Hotline in a year.',
    unit: 'cases',
    scope: 'us',
    position: 3,
    observations: [
      {
        key: 'us-hotline-cases-2020',
        period: '2020',
        value: 11193,
        note: 'As reported in the National Action Plan.',
        source: PRESS_2023,
      },
    ],
  },
  {
    key: 'us-hhs-certified-foreign-victims',
    name: 'Foreign national victims certified by HHS',
    description:
      'Foreign nationals certified by HHS as victims of human trafficking in a year, by age group.',
    unit: 'people',
    scope: 'us',
    position: 4,
    observations: [
      {
        key: 'us-hhs-certified-2020-adult',
        period: '2020',
        value: 508,
        ageGroup: 'adult',
        source: PRESS_2023,
      },
      {
        key: 'us-hhs-certified-2020-child',
        period: '2020',
        value: 673,
        ageGroup: 'child',
        source: PRESS_2023,
      },
    ],
  },
  {
    key: 'us-hhs-certified-by-type',
    name: 'HHS-certified foreign national victims by type of trafficking',
    description:
      'Share of the foreign national victims certified by HHS in a year, by type of trafficking, within each age group.',
    unit: 'percent',
    scope: 'us',
    position: 5,
    observations: [
      { key: 'us-hhs-type-2020-adult-labor', period: '2020', value: 70, ageGroup: 'adult', traffickingType: 'labor', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-adult-sex', period: '2020', value: 15, ageGroup: 'adult', traffickingType: 'sex', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-adult-both', period: '2020', value: 11, ageGroup: 'adult', traffickingType: 'both', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-adult-unknown', period: '2020', value: 4, ageGroup: 'adult', traffickingType: 'unknown', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-child-labor', period: '2020', value: 69, ageGroup: 'child', traffickingType: 'labor', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-child-sex', period: '2020', value: 25, ageGroup: 'child', traffickingType: 'sex', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-child-both', period: '2020', value: 5, ageGroup: 'child', traffickingType: 'both', source: PRESS_2023 },
      { key: 'us-hhs-type-2020-child-unknown', period: '2020', value: 1, ageGroup: 'child', traffickingType: 'unknown', source: PRESS_2023 },
    ],
  },
  {
    key: 'us-doj-funding-dec-2021',
    name: 'DOJ anti-trafficking funding announced in December 2021',
    description: 'Funding the Department of Justice announced in December 2021 for anti-trafficking work, victim services and research.',
    unit: 'usd',
    scope: 'us',
    position: 6,
    observations: [
      {
        key: 'us-doj-funding-2021-12-total',
        period: '2021-12',
        value: 87000000,
        qualifier: 'nearly',
        category: 'total',
        source: 'wh-factsheet-2022-01-25',
      },
      {
        key: 'us-doj-funding-2021-12-housing',
        period: '2021-12',
        value: 15000000,
        qualifier: 'about',
        category: 'housing',
        note: 'Part of the total, for safe, stable housing and services for victims.',
        source: 'wh-factsheet-2022-01-25',
      },
    ],
  },
  {
    key: 'pitf-member-agencies',
    name: 'Member agencies of the President’s Interagency Task Force',
    description: 'Number of federal agencies that make up the task force.',
    unit: 'agencies',
    scope: 'us',
    position: 7,
    observations: [
      {
        key: 'pitf-member-agencies-2022',
        period: '2022',
        value: 20,
        note: 'State’s statement on the National Action Plan (December 2021) gives the same number.',
        source: 'wh-factsheet-2022-01-25',
      },
    ],
  },
  {
    key: 'nap-priority-actions',
    name: 'Priority actions in the National Action Plan',
    description: 'Number of priority actions in the National Action Plan to Combat Human Trafficking released in December 2021.',
    unit: 'actions',
    scope: 'us',
    position: 8,
    observations: [
      {
        key: 'nap-priority-actions-2021',
        period: '2021',
        value: 60,
        qualifier: 'over',
        note: 'The fact sheet gives no exact number: the Plan has more than 60 priority actions.',
        source: 'wh-factsheet-2022-01-25',
      },
    ],
  },
];
