/**
 * Demonstration data, flagged `is_demo` wherever it is stored: the accounts listed in the README,
 * one planned meeting a few weeks ahead with its reporting cutoff, progress updates on some
 * deliverables and a few agency reports, so the overview, boards and readiness are not empty.
 * None of it is a fact from the documents.
 */
import { DEFAULT_CUTOFF_DAYS, type Role, type Status } from '@/lib/domain';

export const DEMO_PASSWORD = 'demo-pass-2026';

export type DemoUser = { email: string; name: string; role: Role; agency?: string };

export function demoUsers(agencySlugs: { slug: string; abbreviation: string }[]): DemoUser[] {
  return [
    { email: 'admin@pitf.demo', name: 'Avery Admin', role: 'admin' },
    { email: 'chair@pitf.demo', name: 'Casey Chair', role: 'chair' },
    { email: 'viewer@pitf.demo', name: 'Vic Viewer', role: 'viewer' },
    ...agencySlugs.map((a) => ({
      email: `official.${a.slug}@pitf.demo`,
      name: `${a.abbreviation} Official`,
      role: 'official' as const,
      agency: a.slug,
    })),
  ];
}

/** The planned meeting sits this many days after the day the demo is seeded, so it stays ahead. */
export const UPCOMING_MEETING_DAYS_AHEAD = 70;
export const UPCOMING_MEETING = {
  key: 'demo-upcoming-cabinet',
  kind: 'cabinet' as const,
  title: 'Annual cabinet-level PITF meeting (planned)',
  chair: 'Secretary of State',
  location: 'Department of State, Washington, D.C.',
  cutoffDaysBefore: DEFAULT_CUTOFF_DAYS,
  summary:
    'Planned annual meeting of the task force. Agencies report progress on their deliverables under the National Action Plan and announce commitments for the year ahead.',
  agenda: [
    { title: 'Opening remarks by the chair', presenter: 'Secretary of State' },
    { title: 'Progress on the National Action Plan: prevention and protection' },
    { title: 'Progress on the National Action Plan: prosecution and partnership' },
    { title: 'Remarks from the U.S. Advisory Council on Human Trafficking' },
    { title: 'Commitments for the year ahead' },
    { title: 'Presentation of the Presidential Award', presenter: 'Secretary of State' },
  ],
};

export type DemoUpdate = {
  daysAgo: number;
  status: Status;
  progress: number;
  note: string;
  reason?: string;
};

/**
 * Demo histories by deliverable key. Each list runs oldest to newest; the last entry sets the
 * deliverable's current status and progress. Deliverables not listed keep their seeded state.
 */
export const DEMO_UPDATES: Record<string, DemoUpdate[]> = {
  '2022-dhs-fletf-uflpa-strategy': [
    { daysAgo: 120, status: 'in_progress', progress: 30, note: 'Demo: drafting of the enforcement strategy has started with FLETF member agencies.' },
    { daysAgo: 12, status: 'in_progress', progress: 60, note: 'Demo: draft strategy circulated to member agencies for comment.' },
  ],
  '2022-dhs-victim-centered-approach': [
    { daysAgo: 45, status: 'in_progress', progress: 25, note: 'Demo: inventory of component policies on crime victims begun.' },
    {
      daysAgo: 5,
      status: 'at_risk',
      progress: 35,
      note: 'Demo: component reviews are behind schedule.',
      reason: 'Two components have not returned their policy reviews; completion may slip by a quarter.',
    },
  ],
  '2022-dol-investigator-training': [
    { daysAgo: 60, status: 'in_progress', progress: 40, note: 'Demo: first regional sessions delivered.' },
    { daysAgo: 8, status: 'in_progress', progress: 55, note: 'Demo: sessions held in four of six regions.' },
  ],
  '2022-doj-national-strategy': [
    { daysAgo: 40, status: 'in_progress', progress: 70, note: 'Demo: components have reviewed the draft strategy.' },
    { daysAgo: 4, status: 'in_progress', progress: 85, note: 'Demo: final departmental clearance under way.' },
  ],
  '2022-doj-hhs-standards-of-care': [
    {
      daysAgo: 20,
      status: 'blocked',
      progress: 20,
      note: 'Demo: evidence review paused.',
      reason: 'Waiting for DOJ and HHS to agree the scope of the evidence review.',
    },
  ],
  '2022-dos-spog-screening': [
    { daysAgo: 15, status: 'in_progress', progress: 50, note: 'Demo: the working group compared screening forms from six agencies.' },
  ],
  '2022-dos-trauma-online-training': [
    { daysAgo: 100, status: 'in_progress', progress: 80, note: 'Demo: course content reviewed by the Expert Consultant Network.' },
    { daysAgo: 10, status: 'completed', progress: 100, note: 'Demo: the online training is published.' },
  ],
  '2023-dos-procurement': [
    { daysAgo: 25, status: 'in_progress', progress: 45, note: 'Demo: new risk screening piloted on incoming contracts.' },
  ],
  '2023-dos-domestic-worker-welfare': [
    {
      daysAgo: 9,
      status: 'at_risk',
      progress: 30,
      note: 'Demo: fewer welfare checks completed than planned.',
      reason: 'Scheduling the checks depends on missions responding, and responses are slow.',
    },
  ],
  '2022-ed-webinar-series': [
    { daysAgo: 50, status: 'in_progress', progress: 50, note: 'Demo: three of six webinars held.' },
    { daysAgo: 6, status: 'in_progress', progress: 85, note: 'Demo: five of six webinars held; the last is scheduled.' },
  ],
  '2022-dot-blue-lightning': [
    { daysAgo: 6, status: 'in_progress', progress: 70, note: 'Demo: two more carriers joined the training programme.' },
  ],
  '2022-doc-supply-chain-guidance': [
    { daysAgo: 18, status: 'in_progress', progress: 40, note: 'Demo: outline of the guidance shared with industry groups.' },
  ],
  '2022-ustr-forced-labor-trade-strategy': [
    { daysAgo: 35, status: 'in_progress', progress: 30, note: 'Demo: public comments on the strategy are being analysed.' },
  ],
  '2022-omb-procurement-dialogue': [
    { daysAgo: 200, status: 'in_progress', progress: 20, note: 'Demo: first roundtable with contractor associations held.' },
  ],
};

/** Reports for the planned meeting: one approved, one awaiting review, one in draft. */
export const DEMO_REPORTS: { agency: string; state: 'draft' | 'submitted' | 'approved'; statement: string }[] = [
  {
    agency: 'ed',
    state: 'approved',
    statement: 'Demo: the webinar series for schools is nearly complete; the final session is scheduled.',
  },
  {
    agency: 'doc',
    state: 'submitted',
    statement: 'Demo: guidance for companies on forced labor in supply chains is in preparation with industry input.',
  },
  { agency: 'ustr', state: 'draft', statement: 'Demo: draft statement on the forced labor trade strategy.' },
];
