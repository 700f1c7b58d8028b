/**
 * Cabinet-level meetings of the task force that have taken place, each with its source.
 * Summaries and agenda items are our own wording.
 *
 * The 2022 and 2023 meetings are recorded in full from the seed documents. Their agendas are
 * reconstructed from what those documents report happened, not from a published running order,
 * so the order of items is indicative only.
 *
 * The 2020 meeting is known only to the month (it was held virtually), so its date is the 1st of
 * October with month precision: the app shows it as "October 2020" and never as a day.
 *
 * A location is filled only where the meeting's cited source states it; every other one is null,
 * for chair staff to fill in with a source.
 */
import type { MeetingSeed } from './types';

const BLINKEN = 'Secretary of State Antony J. Blinken';
const KERRY = 'Secretary of State John F. Kerry';
const POMPEO = 'Secretary of State Michael R. Pompeo';

export const meetings: MeetingSeed[] = [
  {
    // Source: State's media note of 15 May 2013 (republished by Scoop). It places the meeting at the
    // White House and names the two recipients of the first Presidential Awards (see awards.ts).
    key: 'cabinet-2013-05-17',
    kind: 'cabinet',
    title: '2013 meeting of the President’s Interagency Task Force',
    date: '2013-05-17',
    chair: KERRY,
    location: 'The White House',
    status: 'held',
    summary:
      'Secretary Kerry’s first meeting as chair, and the Obama Administration’s fourth. The agenda covered a year of joint agency work on victim services, law enforcement training, safeguards in government contracting and partnerships outside government, and the first Presidential Awards for Extraordinary Efforts to Combat Trafficking in Persons were presented, to Florrie Burke and Carlson.',
    source: 'scoop-2013-05-pitf-meeting',
  },
  {
    // Source: State's archived task force page (2009–2017), which is not among the documents at
    // hand to confirm a venue: no location.
    key: 'cabinet-2016-10-24',
    kind: 'cabinet',
    title: 'October 2016 meeting of the President’s Interagency Task Force',
    date: '2016-10-24',
    chair: KERRY,
    location: null,
    status: 'held',
    summary:
      'The seventh meeting under the Obama Administration and Secretary Kerry’s fourth as chair. Agencies reported progress on the four priority areas that had guided their joint work since the May 2013 meeting: victim services, rule of law, procurement and supply chains, and public awareness and outreach. The 2016 Presidential Awards went to Students Opposing Slavery and to Dr. Christopher White and DARPA.',
    source: 'dos-archive-pitf-2009-2017',
  },
  {
    // Source: Human Trafficking Institute article on the 2019 awards.
    key: 'cabinet-2019-10-29',
    kind: 'cabinet',
    title: '2019 meeting of the President’s Interagency Task Force',
    date: '2019-10-29',
    chair: POMPEO,
    location: null,
    status: 'held',
    summary:
      'Secretary Pompeo chaired the annual cabinet-level meeting, at which the 2019 Presidential Awards were presented to Truckers Against Trafficking and the Responsible Business Alliance.',
    source: 'hti-2019-awards',
  },
  {
    // Source: transcript of Secretary Pompeo's remarks, hosted from the State Department with the
    // award recipients not present in person. Known only to the month.
    key: 'cabinet-2020-10',
    kind: 'cabinet',
    title: '2020 meeting of the President’s Interagency Task Force',
    date: '2020-10-01',
    datePrecision: 'month',
    chair: POMPEO,
    location: 'Virtual',
    status: 'held',
    summary:
      'A virtual meeting hosted by Secretary Pompeo in the year of the 20th anniversary of the Trafficking Victims Protection Act. Officials of the member agencies took part, and the 2020 Presidential Awards were announced for A21 North Carolina and the Navajo Nation.',
    source: 'dos-remarks-2020-pitf',
  },
  {
    // Sources: the White House fact sheet (seed 004) and Secretary Blinken's statement (seed 000).
    key: 'cabinet-2022-01-25',
    kind: 'cabinet',
    title: '2022 meeting of the President’s Interagency Task Force',
    date: '2022-01-25',
    chair: BLINKEN,
    location: null,
    status: 'held',
    summary:
      'The Biden-Harris Administration’s first meeting of the task force, opened by Vice President Kamala Harris and chaired by Secretary Blinken, with the U.S. Advisory Council on Human Trafficking taking part. Agencies set out what they had achieved in 2021 and what they would do in 2022 to carry out the National Action Plan released in December 2021, pillar by pillar. State named five commitments for the year, and the 2021 Presidential Awards went to Tanya Gould and the Thai Community Development Center.',
    agenda: [
      { title: 'Welcome and opening by the chair', presenter: BLINKEN, agency: 'dos' },
      { title: 'Remarks by the Vice President', presenter: 'Vice President Kamala Harris' },
      { title: 'Agency reports on the National Action Plan: prevention' },
      { title: 'Agency reports on the National Action Plan: protection' },
      { title: 'Agency reports on the National Action Plan: prosecution' },
      { title: 'Agency reports on the National Action Plan: partnership' },
      { title: 'Participation of the U.S. Advisory Council on Human Trafficking' },
      { title: 'State Department commitments for 2022', presenter: BLINKEN, agency: 'dos' },
      {
        title: 'Presentation of the 2021 Presidential Award for Extraordinary Efforts to Combat Trafficking in Persons',
        presenter: BLINKEN,
        agency: 'dos',
      },
    ],
    source: 'wh-factsheet-2022-01-25',
  },
  {
    // Sources: Secretary Blinken's statement (seed 001) and the press article (seed 002); neither
    // says where the meeting took place.
    key: 'cabinet-2023-02-13',
    kind: 'cabinet',
    title: '2023 meeting of the President’s Interagency Task Force',
    date: '2023-02-13',
    chair: BLINKEN,
    location: null,
    status: 'held',
    summary:
      'Secretary Blinken chaired the second meeting of the Administration, where member agencies pledged concrete steps for 2023 to advance the National Action Plan. A member of the U.S. Advisory Council on Human Trafficking urged the task force to treat survivors as equal partners, State set out five commitments for the year, and the 2022 Presidential Awards went to Mercy Medical Center’s Blue Dot Human Trafficking Initiative and Centro de los Derechos del Migrante, Inc.',
    agenda: [
      { title: 'Welcome and opening by the chair', presenter: BLINKEN, agency: 'dos' },
      { title: 'Agency commitments for 2023 on the National Action Plan: prevention' },
      { title: 'Agency commitments for 2023 on the National Action Plan: protection' },
      { title: 'Agency commitments for 2023 on the National Action Plan: prosecution' },
      { title: 'Agency commitments for 2023 on the National Action Plan: partnership' },
      {
        title: 'Remarks by a member of the U.S. Advisory Council on Human Trafficking on survivor engagement',
        presenter: 'Member of the U.S. Advisory Council on Human Trafficking',
      },
      { title: 'State Department commitments for 2023', presenter: BLINKEN, agency: 'dos' },
      {
        title: 'Presentation of the 2022 Presidential Award for Extraordinary Efforts to Combat Trafficking in Persons',
        presenter: BLINKEN,
        agency: 'dos',
      },
    ],
    source: 'dos-statement-2023-02-13',
  },
  {
    // Source: republication of State's statement on the 2024 meeting.
    key: 'cabinet-2024-02-13',
    kind: 'cabinet',
    title: '2024 meeting of the President’s Interagency Task Force',
    date: '2024-02-13',
    chair: BLINKEN,
    location: null,
    status: 'held',
    summary:
      'Member agencies reported progress on their anti-trafficking work and renewed their commitments under the National Action Plan. Advisory Council member Sameer Jain presented the Council’s 2023 report, three new Council members were announced, and the 2023 Presidential Awards went to Dr. Minh Dang of Survivor Alliance and to Restore NYC.',
    source: 'wirenn-2024-pitf-meeting',
  },
];
