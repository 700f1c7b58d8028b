/**
 * The National Action Plan to Combat Human Trafficking (December 2021) and its objectives.
 *
 * The objectives are the 21 the White House fact sheet of 3 December 2021 lists under the four
 * pillars (prevention 5, protection 7, prosecution 4, partnership 5), with titles in our own
 * words. The fact sheet gives them no numbers, and its order is known not to follow the Plan's
 * own numbering (at least for the fourth pillar), so they are stored unnumbered; `position` is
 * only the order the fact sheet lists them in. Numbers, and the Plan's page for each, await entry
 * by the secretariat from the Plan's text.
 */
import type { ObjectiveSeed, PlanSeed } from './types';

export const plan: PlanSeed = {
  key: 'nap-2021',
  title: 'National Action Plan to Combat Human Trafficking',
  adoptedOn: '2021-12-03',
  source: 'wh-nap-2021-pdf',
};

const FS = 'wh-nap-factsheet-2021-12-03';

export const objectives: ObjectiveSeed[] = [
  // ── Prevention ─────────────────────────────────────────────────────────────────────────────
  { key: 'prevention-awareness', pillar: 'prevention', title: 'Educate the public and reach groups at higher risk with trafficking awareness', source: FS },
  { key: 'prevention-community', pillar: 'prevention', title: 'Build responses coordinated across each community', source: FS },
  { key: 'prevention-supply-chains', pillar: 'prevention', title: 'Address trafficking in global supply chains', source: FS },
  { key: 'prevention-forced-labor-imports', pillar: 'prevention', title: 'Keep goods made with forced labor from entering the United States', source: FS },
  { key: 'prevention-visa-programs', pillar: 'prevention', title: 'Guard visa programs against abuse that exploits applicants and holders', source: FS },
  // ── Protection ─────────────────────────────────────────────────────────────────────────────
  { key: 'protection-victim-centered', pillar: 'protection', title: 'Engage victims in a victim-centered, trauma-informed and culturally competent way', source: FS },
  { key: 'protection-survivor-informed', pillar: 'protection', title: 'Shape services and policy with survivors’ input', source: FS },
  { key: 'protection-non-penalization', pillar: 'protection', title: 'Do not punish victims for acts traffickers forced them to commit', source: FS },
  { key: 'protection-immigration', pillar: 'protection', title: 'Widen victims’ access to immigration benefits and relief', source: FS },
  { key: 'protection-law-enforcement', pillar: 'protection', title: 'Assist victims whom law enforcement identifies', source: FS },
  { key: 'protection-restitution', pillar: 'protection', title: 'Secure financial remedies for victims', source: FS },
  { key: 'protection-social-services', pillar: 'protection', title: 'Give survivors access to social services for short- and long-term stability', source: FS },
  // ── Prosecution ────────────────────────────────────────────────────────────────────────────
  { key: 'prosecution-coordination', pillar: 'prosecution', title: 'Coordinate better among law enforcement agencies', source: FS },
  { key: 'prosecution-capacity', pillar: 'prosecution', title: 'Build the capacity of federal, state, local, tribal and territorial law enforcement, including against illicit proceeds', source: FS },
  { key: 'prosecution-toolkit', pillar: 'prosecution', title: 'Use the wider toolkit: financial sanctions, suspension and debarment from contracts, travel restrictions', source: FS },
  { key: 'prosecution-forced-labor', pillar: 'prosecution', title: 'Investigate and prosecute more forced labor cases', source: FS },
  // ── Partnership (the Plan: Crosscutting Approaches and Institutional Effectiveness) ─────────
  { key: 'partnership-networks', pillar: 'partnership', title: 'Understand the trafficking networks that reach the United States', source: FS },
  { key: 'partnership-information', pillar: 'partnership', title: 'Share information across government', source: FS },
  { key: 'partnership-external', pillar: 'partnership', title: 'Work with the private sector, civil society and survivors', source: FS },
  { key: 'partnership-international', pillar: 'partnership', title: 'Cooperate with allies and trading partners', source: FS },
  { key: 'partnership-authorities', pillar: 'partnership', title: 'Review the government’s authorities and resources against trafficking', source: FS },
];
