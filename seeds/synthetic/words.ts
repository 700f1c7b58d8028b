/**
 * Word lists the large synthetic data set composes its text from: titles, descriptions, notes,
 * reasons and statements. Written for this purpose, not taken from any document, and varied
 * enough that a full-text search finds some rows and not others.
 */
import type { Random } from './random';

const ACTIONS = [
  'Expand', 'Pilot', 'Publish', 'Evaluate', 'Coordinate', 'Fund', 'Train', 'Modernize', 'Standardize',
  'Strengthen', 'Launch', 'Review', 'Map', 'Update', 'Assess', 'Build',
];
const SUBJECTS = [
  'victim screening', 'investigator training', 'shelter capacity', 'hotline referrals', 'supply chain audits',
  'visa protections', 'case data sharing', 'labor inspections', 'grant oversight', 'prosecutor guidance',
  'survivor housing', 'procurement checks', 'outreach campaigns', 'interpreter services', 'financial intelligence',
  'maritime inspections', 'youth prevention curricula', 'tribal liaison programs', 'airline awareness', 'border screening',
];
const SETTINGS = [
  'in agricultural work', 'for domestic workers', 'in federal contracts', 'at ports of entry', 'for online exploitation',
  'with state partners', 'in the fishing fleet', 'for foreign national survivors', 'across field offices',
  'with survivor advisers', 'in seafood imports', 'for child welfare agencies', 'in construction', 'with tribal nations',
];
const OPENINGS = [
  'Regional teams', 'The program office', 'Field staff', 'The working group', 'Grant recipients', 'Contract officers',
  'The data team', 'Liaison officers', 'Partner organizations', 'Headquarters staff',
];
const ACTIVITIES = [
  'held sessions on', 'drafted guidance for', 'reviewed cases involving', 'collected feedback about',
  'completed a pilot of', 'shared a dashboard on', 'trained staff in', 'revised the checklist for',
  'met stakeholders about', 'tested a referral form for',
];
const OUTCOMES = [
  'attendance was above the plan', 'two offices asked for follow-up', 'the schedule holds', 'comments are being sorted',
  'the next round starts next quarter', 'a backlog remains in one region', 'early numbers look encouraging',
  'the budget request went forward', 'clearance is under way', 'partners signed the data agreement',
  'translation into Spanish is done', 'the evaluation plan was approved',
];
const REASONS = [
  'Hiring freeze delays the new analyst positions.', 'Contract award is held up in procurement review.',
  'A partner agency has not returned its comments.', 'Funding for the second phase is not yet apportioned.',
  'Data-sharing agreement awaits legal sign-off.', 'Field travel was cancelled for the quarter.',
  'Vendor missed two delivery milestones.', 'Scope change requested by leadership needs a new plan.',
];
const MEASURES = [
  { label: 'staff trained', unit: 'people', targets: [200, 500, 1200, 3000] },
  { label: 'inspections completed', unit: null, targets: [50, 150, 400] },
  { label: 'grants awarded', unit: null, targets: [10, 25, 60] },
  { label: 'partners reached', unit: 'organizations', targets: [20, 80, 150] },
];
const FIRST_NAMES = ['Alex', 'Blair', 'Cameron', 'Dana', 'Emery', 'Finley', 'Gray', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Noel', 'Parker', 'Quinn', 'Riley', 'Sage', 'Taylor'];
const LAST_NAMES = ['Abbott', 'Banks', 'Chen', 'Diaz', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Moreau', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Silva'];
const LOCATIONS = ['Department of State, Washington, D.C.', 'Department of Justice, Washington, D.C.', 'Virtual', 'Eisenhower Executive Office Building'];

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function deliverableTitle(r: Random): string {
  return `${r.pick(ACTIONS)} ${r.pick(SUBJECTS)} ${r.pick(SETTINGS)}`;
}

export function deliverableDescription(r: Random): string {
  return `Synthetic commitment. ${r.pick(OPENINGS)} will ${lower(r.pick(ACTIONS))} ${r.pick(SUBJECTS)} ${r.pick(SETTINGS)}; ${r.pick(OUTCOMES)} is the first milestone.`;
}

export function updateNote(r: Random): string {
  return `${r.pick(OPENINGS)} ${r.pick(ACTIVITIES)} ${r.pick(SUBJECTS)} ${r.pick(SETTINGS)}; ${r.pick(OUTCOMES)}.`;
}

export const reason = (r: Random) => r.pick(REASONS);

export function measure(r: Random) {
  const m = r.pick(MEASURES);
  return { label: m.label, unit: m.unit, target: r.pick(m.targets) };
}

export function reportStatement(r: Random): string {
  return `Synthetic report. ${updateNote(r)} ${updateNote(r)}`;
}

export function meetingSummary(r: Random): string {
  return `Synthetic meeting. Agencies reported on ${r.pick(SUBJECTS)} and ${r.pick(SUBJECTS)}; ${r.pick(OUTCOMES)}.`;
}

export const personName = (r: Random) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
export const location = (r: Random) => r.pick(LOCATIONS);
