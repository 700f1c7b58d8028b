/**
 * Priority actions of the National Action Plan to Combat Human Trafficking (December 2021) that
 * the seed data refers to. Codes are the Plan's pillar.objective.action numbers; titles are our
 * own short descriptions. Only the two actions named in the public sources are listed; the
 * Plan has over 60 in all; the rest, with their lead and supporting agencies, await entry by the
 * secretariat from the Plan's text (Administration → Plan).
 *
 * Each is placed under the objective its subject matches: the objectives are stored unnumbered, so
 * the code's middle number cannot be used to find it.
 */
import type { NapActionSeed } from './types';

export const napActions: NapActionSeed[] = [
  {
    code: '1.3.2',
    pillar: 'prevention',
    objective: 'prevention-supply-chains',
    title: 'Make information on forced labor in the supply chains of products available',
    source: 'hhs-otip-policy',
  },
  {
    code: '4.4.2',
    pillar: 'partnership',
    objective: 'partnership-external',
    title: 'Prepare briefs on the effects of trafficking on health and human service systems',
    source: 'hhs-otip-policy',
  },
];
