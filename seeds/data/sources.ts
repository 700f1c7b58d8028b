/**
 * Public documents the seed data cites. Every other seed row names one of these by `key`.
 *
 * The first five are the documents kept in shared/seeds/ (000–004); the rest are the public pages
 * listed in shared/FACTS.md. Where a title, publisher, date or URL could not be confirmed, the
 * comment on that row says so.
 */
import type { SourceSeed } from './types';

export const sources: SourceSeed[] = [
  // ── The five seed documents ────────────────────────────────────────────────────────────────
  {
    // Seed 004. Title, date and permalink are taken from the document's own front matter.
    key: 'wh-factsheet-2022-01-25',
    title:
      'FACT SHEET: President’s Interagency Task Force to Monitor and Combat Trafficking in Persons',
    publisher: 'The White House',
    publishedOn: '2022-01-25',
    url: 'https://www.whitehouse.gov/briefing-room/statements-releases/2022/01/25/fact-sheet-presidents-interagency-task-force-to-monitor-and-combat-trafficking-in-persons/',
  },
  {
    // Seed 000: Secretary Blinken's press statement after the 2022 meeting. The URL follows State's
    // slug for this title; U.S. embassy sites republished the statement under the same slug.
    key: 'dos-statement-2022-01-25',
    title: 'Working Together to Address Human Trafficking',
    publisher: 'U.S. Department of State',
    publishedOn: '2022-01-25',
    url: 'https://www.state.gov/working-together-to-address-human-trafficking/',
  },
  {
    // Seed 001: Secretary Blinken's press statement after the 2023 meeting.
    // URL NOT CONFIRMED: State's un-suffixed slug for this title belongs to the transcript of the
    // 2018 meeting, so this statement sits under a suffixed slug; "-2" is the most likely one but
    // has not been checked against the live site. An admin should verify it.
    key: 'dos-statement-2023-02-13',
    title: 'Meeting of the President’s Interagency Task Force to Monitor and Combat Trafficking in Persons',
    publisher: 'U.S. Department of State',
    publishedOn: '2023-02-13',
    url: 'https://www.state.gov/meeting-of-the-presidents-interagency-task-force-to-monitor-and-combat-trafficking-in-persons-2/',
  },
  {
    // Seed 002: a news article on the 2023 meeting that cites the National Action Plan's figures.
    // The text carries no headline, byline or date. Its wording matches, sentence for sentence, an
    // article on The Federal Newswire; the title below is read from that article's URL slug.
    // The article says the meeting was "last week", so it appeared between 2023-02-19 and
    // 2023-02-25; the exact day is unknown, hence no date.
    key: 'press-2023-02-pitf-meeting',
    title: 'Blinken: Agencies must work together to confront and prevent human trafficking',
    publisher: 'The Federal Newswire',
    publishedOn: null,
    url: 'https://thefederalnewswire.com/stories/639658406-blinken-agencies-must-work-together-to-confront-and-prevent-human-trafficking',
  },
  {
    // Seed 003: State's statement on the release of the updated National Action Plan. This is also
    // the "National Action Plan release" page that FACTS.md cites.
    key: 'dos-nap-release-2021-12-03',
    title: 'Release of the National Action Plan to Combat Human Trafficking',
    publisher: 'U.S. Department of State',
    publishedOn: '2021-12-03',
    url: 'https://www.state.gov/release-of-the-national-action-plan-to-combat-human-trafficking/',
  },

  // ── Pages cited in FACTS.md ────────────────────────────────────────────────────────────────
  {
    // The task force's page: statutory basis, chair, 20 member agencies.
    key: 'dos-pitf-page',
    title: 'President’s Interagency Task Force to Monitor and Combat Trafficking in Persons',
    publisher: 'U.S. Department of State',
    publishedOn: null,
    url: 'https://www.state.gov/humantrafficking-interagency-task-force/',
  },
  {
    // The SPOG page: its origin, chair, standing committees and 2022 ad hoc working groups.
    key: 'dos-spog-page',
    title: 'Senior Policy Operating Group',
    publisher: 'U.S. Department of State',
    publishedOn: null,
    url: 'https://www.state.gov/senior-policy-operating-group/',
  },
  {
    // Current list of member agencies (confirms dos, treasury, dod, doj, doi, odni, omb, nsc, dpc).
    key: 'dos-pitf-agencies-page',
    title: 'Agencies of the President’s Interagency Task Force to Monitor and Combat Trafficking in Persons',
    publisher: 'U.S. Department of State',
    publishedOn: null,
    url: 'https://www.state.gov/humantrafficking-agencies-of-the-presidents-interagency-task-force-to-monitor-and-combat-trafficking-in-persons/',
  },
  {
    // State's archived (2009–2017) task force page. FACTS.md uses it for the October 2016 meeting
    // and its awards; it is also taken here as the "archived member list (c. 2015)", for which
    // FACTS.md gives no separate URL.
    key: 'dos-archive-pitf-2009-2017',
    title: 'President’s Interagency Task Force to Monitor and Combat Trafficking in Persons (archived page)',
    publisher: 'U.S. Department of State (2009–2017 archive)',
    publishedOn: null,
    url: 'https://2009-2017.state.gov/j/tip/response/usg/index.htm',
  },
  {
    // HHS Office on Trafficking in Persons policy page: the Plan's numbered priority actions that
    // involve HHS.
    key: 'hhs-otip-policy',
    title: 'Policy – Office on Trafficking in Persons',
    publisher:
      'U.S. Department of Health and Human Services, Administration for Children and Families, Office on Trafficking in Persons',
    publishedOn: null,
    url: 'https://www.acf.hhs.gov/otip/research-policy/policy',
  },
  {
    // The Plan itself, as linked from the 2022 fact sheet (seed 004). The PDF is dated
    // December 2021; the Plan was released on 3 December 2021.
    key: 'wh-nap-2021-pdf',
    title: 'The National Action Plan to Combat Human Trafficking (December 2021)',
    publisher: 'The White House',
    publishedOn: '2021-12-03',
    url: 'https://www.whitehouse.gov/wp-content/uploads/2021/12/National-Action-Plan-to-Combat-Human-Trafficking.pdf',
  },

  {
    // The White House's summary of the Plan on the day it was released: its objectives in short
    // form under each pillar, without numbers.
    key: 'wh-nap-factsheet-2021-12-03',
    title: 'Fact Sheet: The National Action Plan to Combat Human Trafficking (NAP)',
    publisher: 'The White House',
    publishedOn: '2021-12-03',
    url: 'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/12/03/fact-sheet-the-national-action-plan-to-combat-human-trafficking-nap/',
  },

  // ── One source per earlier cabinet-level meeting (FACTS.md table) ─────────────────────────
  {
    // Scoop's copy of State's media note announcing the 17 May 2013 meeting; the note itself is
    // dated 15 May 2013.
    key: 'scoop-2013-05-pitf-meeting',
    title: 'Secretary Kerry Chairs Human Trafficking Task Force Meeting',
    publisher: 'Scoop (republishing a U.S. Department of State media note)',
    publishedOn: '2013-05-15',
    url: 'https://scoop.co.nz/stories/WO1305/S00384/secretary-kerry-chairs-human-trafficking-task-force-meeting.htm',
  },
  {
    // Human Trafficking Institute article on the 2019 awards; its publication date is not known.
    key: 'hti-2019-awards',
    title:
      'Truckers Against Trafficking and the Responsible Business Alliance Honored with Award for Extraordinary Efforts to Combat TIP',
    publisher: 'Human Trafficking Institute',
    publishedOn: null,
    url: 'https://traffickinginstitute.org/truckers-against-trafficking-and-the-responsible-business-alliance-honored-with-award-for-extraordinary-efforts-to-combat-tip/',
  },
  {
    // Transcript of Secretary Pompeo's remarks at the 2020 (virtual) meeting, on State's
    // 2017–2021 archive. The day of the meeting is not given on the page as stored.
    key: 'dos-remarks-2020-pitf',
    title:
      'Remarks at the Meeting of the President’s Interagency Task Force to Monitor and Combat Trafficking in Persons',
    publisher: 'U.S. Department of State (2017–2021 archive)',
    publishedOn: null,
    url: 'https://2017-2021.state.gov/remarks-at-the-meeting-of-the-presidents-interagency-task-force-to-monitor-and-combat-trafficking-in-person/index.html',
  },
  {
    // Republication of State's statement on the February 2024 meeting; the site's publication
    // date is not known.
    key: 'wirenn-2024-pitf-meeting',
    title: 'Secretary Blinken Chairs Interagency Task Force Meeting',
    publisher: 'wirenn.com',
    publishedOn: null,
    url: 'https://www.wirenn.com/post/secretary-blinken-chairs-interagency-task-force-meeting',
  },
];
