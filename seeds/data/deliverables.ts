/**
 * Commitments announced at cabinet-level meetings, in our own words.
 *
 * - 2022 meeting: every agency action in the White House fact sheet (seed 004), under the pillar
 *   of the fact-sheet section it appears in, plus the State Department's five commitments for
 *   2022 from Secretary Blinken's statement (seed 000). Two of State's five (the Trilateral
 *   Working Group and the public online training) are the same commitments as fact-sheet items,
 *   so each is one deliverable that cites both documents. Bullets that bundle clearly separate
 *   actions (State's two trainings, Treasury's engagement and FinCEN's priorities, DOT's three
 *   strands of work) are split.
 * - 2023 meeting: the State Department's five commitments for 2023 (seed 001).
 *
 * Status reflects what the document said at the time: an action reported as already done
 * (launched, announced, released, designated, detained) is completed; an action promised for
 * the future is not started.
 *
 * Objectives: the documents list actions by pillar, never by objective. Where the document's own
 * words name an objective's subject (a visa program, trauma-informed care, forced-labor imports,
 * a partner government) the deliverable is mapped to it; otherwise the objective is the
 * secretariat's judgement and carries `objectiveBySecretariat`. Commitments tied to "2022", "over the next year" or "the year
 * ahead" are due at the end of that year; the others carry no due date.
 */
import type { DeliverableSeed } from './types';

const M2022 = 'cabinet-2022-01-25';
const M2023 = 'cabinet-2023-02-13';
const FS = 'wh-factsheet-2022-01-25';
const DOS2022 = 'dos-statement-2022-01-25';
const DOS2023 = 'dos-statement-2023-02-13';

export const deliverables: DeliverableSeed[] = [
  // ══ 2022 meeting: fact sheet, Prevention ══════════════════════════════════════════════════
  {
    key: '2022-hhs-task-force',
    lead: 'hhs',
    pillar: 'prevention',
    objective: 'prevention-community',
    objectiveBySecretariat: true,
    title: 'Set up the HHS Task Force to Prevent Human Trafficking',
    description:
      'HHS created a department-wide task force. Its agenda includes widening survivors’ access to services, keeping forced labor out of health care supply chains and research on how public health and trafficking intersect.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dos-spog-temporary-workers',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-visa-programs',
    title: 'Review protections for temporary employment-based visa holders',
    description:
      'A SPOG working group formed in 2021 is to examine the rights and safeguards of workers on temporary employment-based visas and propose fixes for the gaps it identifies. State leads as chair of the SPOG.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-doc-seafood-forced-labor',
    lead: 'doc',
    supporters: ['dos', 'dol'],
    pillar: 'prevention',
    objective: 'prevention-supply-chains',
    objectiveBySecretariat: true,
    title: 'Launch a coordination group on forced labor in the seafood industry',
    description:
      'In 2021 Commerce, working with State and Labor, started an interagency group to find new ways of tackling forced labor in seafood.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-usaid-ctip-policy',
    lead: 'usaid',
    pillar: 'prevention',
    objective: 'prevention-awareness',
    objectiveBySecretariat: true,
    title: 'Release the revised USAID Counter-Trafficking in Persons (C-TIP) Policy',
    description:
      'USAID published its updated C-TIP policy in December 2021 and intends to use it to build trauma-informed, survivor-centered practice into its programs and to strengthen survivors’ voice in them.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dod-student-guide',
    lead: 'dod',
    pillar: 'prevention',
    objective: 'prevention-awareness',
    title: 'Publish a Student Guide to Preventing Human Trafficking',
    description:
      'DOD issued a guide for high school students from military families explaining human trafficking, with particular attention to how it happens in school settings.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dhs-senior-accountable-official',
    lead: 'dhs',
    pillar: 'prevention',
    objective: 'prevention-supply-chains',
    objectiveBySecretariat: true,
    title: 'Name a senior accountable official for trafficking risks in DHS contracts',
    description:
      'DHS assigned a senior official responsibility for preventing trafficking in the department’s contracting and acquisitions.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dol-investigator-training',
    lead: 'dol',
    pillar: 'prevention',
    objective: 'prevention-awareness',
    title: 'Train DOL investigators nationwide on trauma-informed awareness and referral',
    description:
      'Labor plans further training, shaped by trauma- and survivor-informed practice, so its investigators across the country can spot forced labor and abusive practices and refer cases.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-ed-webinar-series',
    lead: 'ed',
    pillar: 'prevention',
    objective: 'prevention-awareness',
    title: 'Run a webinar series on human trafficking for the education community',
    description:
      'Education plans a set of webinars to help schools and educators recognize, understand and prevent trafficking in and around school settings.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-dhs-fletf-uflpa-strategy',
    lead: 'dhs',
    pillar: 'prevention',
    objective: 'prevention-forced-labor-imports',
    title: 'Develop the FLETF strategy to implement the Uyghur Forced Labor Prevention Act',
    description:
      'The Forced Labor Enforcement Task Force, which DHS chairs, is to draw up a strategy supporting enforcement of Section 307 of the Tariff Act of 1930 against imports from the People’s Republic of China made with forced labor.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },

  // ══ 2022 meeting: fact sheet, Protection ══════════════════════════════════════════════════
  {
    key: '2022-doj-funding-87m',
    lead: 'doj',
    pillar: 'protection',
    objective: 'protection-social-services',
    objectiveBySecretariat: true,
    title: 'Award almost $87 million in anti-trafficking funding',
    description:
      'In December 2021 Justice announced almost $87 million for fighting trafficking, services for victims nationwide and research on why labor and sex trafficking happen. About $15 million of it pays for safe, stable housing and related services for victims.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    fundingUsd: 87000000,
    source: FS,
  },
  {
    key: '2022-dos-spog-screening',
    lead: 'dos',
    pillar: 'protection',
    objective: 'protection-victim-centered',
    objectiveBySecretariat: true,
    title: 'Develop best practices for victim screening forms and protocols',
    description:
      'A SPOG working group is to set out best practice for the screening tools used by federal officials who may come across a trafficking victim in their regular work. State leads as chair of the SPOG.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    // Same commitment as the third of State's five for 2022 (seed 000).
    key: '2022-dos-trauma-online-training',
    lead: 'dos',
    pillar: 'protection',
    objective: 'protection-victim-centered',
    title: 'Launch a public online training on trauma and trauma-informed approaches',
    description:
      'State plans a free online course, featuring a consultant with lived experience from its Human Trafficking Expert Consultant Network, to help practitioners engage survivors without re-traumatizing them. It is also one of the five commitments in Secretary Blinken’s statement of 25 January 2022, as part of building trauma-informed, survivor-centered approaches into State’s work.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-dos-trauma-interview-training',
    lead: 'dos',
    pillar: 'protection',
    objective: 'protection-victim-centered',
    title: 'Develop training for federal agencies on trauma-informed victim interviews',
    description:
      'State will work with a consultant from its Human Trafficking Expert Consultant Network to build a course for federal staff on holding trauma-informed conversations and interviews with possible victims.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-doj-hhs-standards-of-care',
    lead: 'doj',
    supporters: ['hhs'],
    pillar: 'protection',
    objective: 'protection-social-services',
    objectiveBySecretariat: true,
    title: 'Develop evidence-based standards of care for trafficking victims',
    description:
      'Justice and HHS plan a joint effort to set evidence-based care standards that guide how victim services are delivered nationwide.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-dhs-victim-centered-approach',
    lead: 'dhs',
    pillar: 'protection',
    objective: 'protection-victim-centered',
    title: 'Build a victim-centered approach into all DHS policies and programs on crime victims',
    description:
      'DHS intends to make a victim-centered approach part of every policy and program it runs that involves victims of crime.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },

  // ══ 2022 meeting: fact sheet, Prosecution ═════════════════════════════════════════════════
  {
    key: '2022-doj-joint-task-force-alpha',
    lead: 'doj',
    supporters: ['dhs'],
    pillar: 'prosecution',
    objective: 'prosecution-coordination',
    objectiveBySecretariat: true,
    title: 'Launch Joint Task Force Alpha against smuggling and trafficking networks',
    description:
      'In 2021 Justice set up Joint Task Force Alpha with DHS and other law enforcement partners to go after smuggling and trafficking networks operating from Guatemala, El Salvador, Honduras and Mexico, working both at home and with foreign counterparts.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dhs-forced-labor-enforcement',
    lead: 'dhs',
    pillar: 'prosecution',
    objective: 'prosecution-forced-labor',
    title: 'Record detentions of forced-labor goods and first criminal investigations',
    description:
      'In 2021 DHS held back more shipments of goods made with forced labor, by number and by value, than in any earlier year, which led four multinational companies to fix conditions in their supply chains. It also opened its first criminal investigations of companies and people using forced labor to make goods abroad.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-doi-missing-murdered-unit',
    lead: 'doi',
    pillar: 'prosecution',
    objective: 'prosecution-capacity',
    objectiveBySecretariat: true,
    title: 'Form the Missing & Murdered Unit in the Bureau of Indian Affairs',
    description:
      'In April 2021 Interior created a unit within the BIA Office of Justice Services to lead work across agencies on unsolved cases of missing and murdered American Indians and Alaska Natives and on root causes such as trafficking.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-doj-national-strategy',
    lead: 'doj',
    pillar: 'prosecution',
    objective: 'prosecution-coordination',
    objectiveBySecretariat: true,
    title: 'Release a DOJ National Strategy to Combat Human Trafficking',
    description:
      'Justice will publish a department-wide strategy in 2022 to strengthen its anti-trafficking work and its part in the National Action Plan, covering emerging labor trafficking threats, easier access to victim services, intelligence-led targeting and wider sharing of expertise.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-doj-ovw-consortium',
    lead: 'doj',
    pillar: 'prosecution',
    objective: 'prosecution-capacity',
    title: 'Launch the OVW National Law Enforcement Training and Technical Assistance Consortium',
    description:
      'In 2022 the Office on Violence Against Women will start a new consortium that covers how trafficking overlaps with domestic violence, dating violence, sexual assault and stalking, with attention to tribal grantees. OVW’s prosecution technical assistance project will add training on the same subject.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-odni-ic-information-sharing',
    lead: 'odni',
    pillar: 'prosecution',
    objective: 'prosecution-coordination',
    objectiveBySecretariat: true,
    title: 'Improve trafficking information sharing between the IC and law enforcement',
    description:
      'Over the coming year the Intelligence Community is to share trafficking information better with federal, state, local and tribal law enforcement.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },

  // ══ 2022 meeting: fact sheet, Partnerships ════════════════════════════════════════════════
  {
    key: '2022-treasury-industry-engagement',
    lead: 'treasury',
    supporters: ['doj', 'dhs'],
    pillar: 'partnership',
    objective: 'partnership-external',
    title: 'Engage the financial industry and civil society on trafficking risks',
    description:
      'Treasury stepped up outreach, co-hosting with Justice and DHS a training on spotting trafficking in the gaming industry and hosting a public-private partnership on forced labor and supply chain due diligence. It said it would keep using all its tools against trafficking.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-treasury-fincen-priorities',
    lead: 'treasury',
    pillar: 'partnership',
    objective: 'partnership-authorities',
    objectiveBySecretariat: true,
    title: 'Issue FinCEN’s first government-wide AML/CFT priorities, including trafficking',
    description:
      'The Financial Crimes Enforcement Network published the first government-wide anti-money laundering and countering the financing of terrorism priorities for financial institutions, among them disrupting the money flows behind trafficking.',
    announcedAt: M2022,
    status: 'completed',
    progress: 100,
    source: FS,
  },
  {
    key: '2022-dot-blue-lightning',
    lead: 'dot',
    supporters: ['dhs'],
    pillar: 'partnership',
    objective: 'partnership-external',
    objectiveBySecretariat: true,
    title: 'Expand Blue Lightning Initiative training for aviation personnel',
    description:
      'Transportation, working with DHS, plans to extend the Blue Lightning Initiative’s training to more aviation staff so they can recognize and report suspected trafficking.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-dot-tlaht-outreach',
    lead: 'dot',
    pillar: 'partnership',
    objective: 'partnership-external',
    objectiveBySecretariat: true,
    title: 'Grow Transportation Leaders Against Human Trafficking and awareness training',
    description:
      'Transportation will keep working with partners in every mode of transport, teach employees and travelers the warning signs and how to report them, and widen its Transportation Leaders Against Human Trafficking initiative.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-dot-advisory-committee',
    lead: 'dot',
    supporters: ['doj'],
    pillar: 'partnership',
    objective: 'partnership-external',
    objectiveBySecretariat: true,
    title: 'Re-establish the DOT Advisory Committee on Human Trafficking',
    description:
      'Transportation will bring the committee back to produce a report every three years with recommendations, best practices and data on trafficking offenses involving commercial motor vehicles, in coordination with the Attorney General.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-doc-supply-chain-guidance',
    lead: 'doc',
    pillar: 'partnership',
    objective: 'partnership-external',
    title: 'Develop training and guidance for companies on forced labor in supply chains',
    description:
      'Commerce will prepare training and guidance for U.S. businesses and other private-sector stakeholders on forced labor risks in their supply chains, including good practice for finding and dealing with possible violations.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    // No priority action number: the fact sheet names none, and the one on supply-chain
    // information (1.3.2) is recorded for HHS, not Commerce.
    source: FS,
  },
  {
    key: '2022-omb-procurement-dialogue',
    lead: 'omb',
    pillar: 'partnership',
    objective: 'partnership-authorities',
    objectiveBySecretariat: true,
    title: 'Convene dialogue on preventing trafficking in federal procurement',
    description:
      'OMB will bring together federal agencies, contractors and non-governmental organizations to line up their efforts against trafficking in government purchasing.',
    announcedAt: M2022,
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    // Same commitment as the first of State's five for 2022 (seed 000).
    key: '2022-dos-trilateral-working-group',
    lead: 'dos',
    pillar: 'partnership',
    objective: 'partnership-international',
    title: 'Restart the Trilateral Working Group on Trafficking in Persons with Canada and Mexico',
    description:
      'Following the North American Leaders’ Summit of November 2021, State will lead the U.S. side in reviving the group together with Canada and Mexico, and promote legal pathways for safe, orderly migration that do not leave migrants open to exploitation. Secretary Blinken’s statement of 25 January 2022 lists it among State’s commitments for the year.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },
  {
    key: '2022-ustr-forced-labor-trade-strategy',
    lead: 'ustr',
    pillar: 'partnership',
    objective: 'partnership-international',
    objectiveBySecretariat: true,
    title: 'Develop a trade strategy to combat forced labor',
    description:
      'In 2022 USTR will carry on building a trade strategy against forced labor, global supply chains among its targets, through an open process with labor unions, civil society, survivors and businesses.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: FS,
  },

  // ══ 2022 meeting: State's other commitments for the year (seed 000) ═══════════════════════
  {
    key: '2022-dos-covid-vulnerability-funding',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-community',
    objectiveBySecretariat: true,
    title: 'Fund projects for people made more vulnerable to trafficking by COVID-19',
    description:
      'State will finance projects around the world that support people whose risk of being trafficked rose because of the pandemic.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2022,
  },
  {
    key: '2022-dos-equity-approaches',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-awareness',
    objectiveBySecretariat: true,
    title: 'Integrate equity-based approaches into State’s anti-trafficking work',
    description:
      'State will make equity a stronger part of its work, drawing on the Human Trafficking Expert Consultant Network’s project on how institutional racism and trafficking intersect.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2022,
  },
  {
    // Filed under prosecution as a matter of accountability: the subjects are governments that
    // are themselves involved in trafficking.
    key: '2022-dos-state-sponsored-trafficking',
    lead: 'dos',
    pillar: 'prosecution',
    objective: 'prosecution-toolkit',
    objectiveBySecretariat: true,
    title: 'Keep calling out governments that engage in human trafficking',
    description:
      'State will continue to name publicly governments that take part in trafficking themselves, among them Cuba, North Korea, Russia and the People’s Republic of China.',
    announcedAt: M2022,
    dueOn: '2022-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2022,
  },

  // ══ 2023 meeting: State's five commitments for the year (seed 001) ════════════════════════
  {
    key: '2023-dos-survivor-engagement',
    lead: 'dos',
    pillar: 'partnership',
    objective: 'partnership-external',
    title: 'Promote survivor engagement and leadership in State’s anti-trafficking work',
    description:
      'State will back the U.S. Advisory Council on Human Trafficking and work with its Human Trafficking Expert Consultant Network. For the 2023 Trafficking in Persons Report, consultants are writing and reviewing the introduction and advising on trauma-informed photography and ethical storytelling.',
    announcedAt: M2023,
    dueOn: '2023-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2023,
  },
  {
    key: '2023-dos-procurement',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-supply-chains',
    objectiveBySecretariat: true,
    title: 'Address trafficking and forced labor risks in State’s own procurement',
    description:
      'State will better prepare its acquisitions staff to deal with trafficking and forced labor in what it buys worldwide, and develop a new process for screening State contracts for these risks.',
    announcedAt: M2023,
    dueOn: '2023-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2023,
  },
  {
    // Continues the 2022 commitment to restart the group (2022-dos-trilateral-working-group).
    key: '2023-dos-trilateral-working-group',
    lead: 'dos',
    pillar: 'partnership',
    objective: 'partnership-international',
    title: 'Resume the Trilateral Working Group on Trafficking in Persons',
    description:
      'State will work with Canada and Mexico in the Trilateral Working Group, which is due to meet again in 2023. This carries forward the commitment made at the 2022 meeting to restart the group.',
    announcedAt: M2023,
    dueOn: '2023-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2023,
  },
  {
    key: '2023-dos-domestic-worker-welfare',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-visa-programs',
    objectiveBySecretariat: true,
    title: 'Run welfare checks for domestic workers employed by diplomats and IO staff',
    description:
      'To prevent trafficking inside the diplomatic community, State will carry out welfare checks on domestic workers employed across the United States by staff of foreign missions and international organizations.',
    announcedAt: M2023,
    dueOn: '2023-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2023,
  },
  {
    key: '2023-dos-foreign-assistance',
    lead: 'dos',
    pillar: 'prevention',
    objective: 'prevention-community',
    objectiveBySecretariat: true,
    title: 'Make new foreign assistance investments, including against forced child labor',
    description:
      'State will invest further on the back of successful U.S. anti-trafficking assistance programs abroad, including work against forcing children into domestic work and begging.',
    announcedAt: M2023,
    dueOn: '2023-12-31',
    status: 'not_started',
    progress: 0,
    source: DOS2023,
  },
];
