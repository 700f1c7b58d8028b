/**
 * The four pillars of the National Action Plan to Combat Human Trafficking, in the Plan's order.
 * Descriptions are our own summaries.
 */
import type { PillarSeed } from './types';

export const pillars: PillarSeed[] = [
  {
    slug: 'prevention',
    name: 'Prevention',
    longName: 'Prevention',
    position: 1,
    description:
      'Stopping trafficking before it starts by reducing people’s vulnerability, raising awareness and keeping forced labor out of supply chains and government purchasing.',
  },
  {
    slug: 'protection',
    name: 'Protection',
    longName: 'Protection',
    position: 2,
    description:
      'Finding victims and giving survivors trauma-informed care, services and legal relief so they can rebuild their lives.',
  },
  {
    slug: 'prosecution',
    name: 'Prosecution',
    longName: 'Prosecution',
    position: 3,
    description:
      'Investigating traffickers and holding them and those who profit from forced labor accountable through law enforcement and the courts.',
  },
  {
    slug: 'partnership',
    name: 'Partnership',
    longName: 'Crosscutting Approaches and Institutional Effectiveness',
    position: 4,
    description:
      'Working across federal agencies and with other governments, businesses, civil society and survivors so that the other three pillars reinforce each other.',
  },
];
