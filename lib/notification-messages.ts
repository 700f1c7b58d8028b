/**
 * The words of each notification: a subject, a plain-text part and an HTML part that says the
 * same, for screen readers as for the eye (a language, a title, headings, links that say where they
 * go, no images, no layout tables). Every message names the meeting, its date and cutoff with the
 * days left when there is one, and links to the page where the person acts. Nothing here reads the
 * database: the caller passes only what the recipient may already see.
 */
import { READINESS_LABELS, type Readiness } from './domain';
import { daysBetween } from './dates';
import { formatCalendarDate } from './format';

export type MeetingFacts = { id: number; title: string; date: string; reportingCutoff: string | null };

export type MessageInput =
  | { kind: 'reminder'; meeting: MeetingFacts; agencyName: string; message: string; sentBy: string; sentByAdministrator: boolean }
  | { kind: 'report_returned'; meeting: MeetingFacts; agencyName: string; comment: string; reviewer: string }
  | { kind: 'report_approved'; meeting: MeetingFacts; agencyName: string; reviewer: string }
  | { kind: 'meeting_planned'; meeting: MeetingFacts }
  | { kind: 'cutoff_approaching'; meeting: MeetingFacts; agencyName: string; reportState: string | null }
  | {
      kind: 'report_submitted';
      meeting: MeetingFacts;
      agencyName: string;
      agencySlug: string;
      submittedBy: string;
      /** A submitted or approved report back in progress: the agency added a deliverable that has no update yet. */
      reopened?: { from: 'submitted' | 'approved'; deliverableTitle: string };
    }
  | {
      kind: 'readiness_digest';
      meeting: MeetingFacts;
      changes: { agencyName: string; from: Readiness | null; to: Readiness }[];
      counts: Record<Readiness, number>;
    }
  | {
      kind: 'meeting_changed';
      meeting: MeetingFacts;
      before: { date: string; reportingCutoff: string | null };
      /** Moved (a new date or cutoff), postponed to a later date, or cancelled with a reason. */
      change?: { kind: 'moved' } | { kind: 'postponed' } | { kind: 'reinstated' } | { kind: 'cancelled'; reason: string };
    }
  | { kind: 'digest'; items: { subject: string; link: string }[] };

export type Message = { subject: string; text: string; html: string; link: string };

export type MessageContext = {
  /** The app's origin, e.g. https://pitf.example.gov. */
  origin: string;
  /** Today in the task force's time zone (YYYY-MM-DD): days left are counted from it. */
  today: string;
  recipientName: string;
  /** The one-click unsubscribe address for this kind, when it has one. */
  unsubscribeUrl: string | null;
};

/** A paragraph, or a list when it has items; `strong` marks a line to stand out. */
type Block = { p: string } | { list: string[] } | { quote: string; by: string } | { links: { text: string; href: string }[] };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const date = (iso: string) => formatCalendarDate(iso);

function daysLeftPhrase(today: string, cutoff: string): string {
  const days = daysBetween(today, cutoff);
  if (days > 1) return `${days} days left`;
  if (days === 1) return '1 day left';
  if (days === 0) return 'due today';
  return `passed ${-days} ${days === -1 ? 'day' : 'days'} ago`;
}

function meetingLines(meeting: MeetingFacts, today: string): string[] {
  const lines = [`Meeting: ${meeting.title}, ${date(meeting.date)}`];
  lines.push(
    meeting.reportingCutoff
      ? `Reporting cutoff: ${date(meeting.reportingCutoff)} (${daysLeftPhrase(today, meeting.reportingCutoff)})`
      : 'Reporting cutoff: none set',
  );
  return lines;
}

const meetingPath = (m: MeetingFacts) => `/meetings/${m.id}`;

function content(input: MessageInput, today: string): { subject: string; heading: string; blocks: Block[]; link: string; action: string } {
  switch (input.kind) {
    case 'reminder':
      return {
        subject: `Reminder: ${input.agencyName}'s report for ${input.meeting.title}`,
        heading: `A reminder to report for ${input.meeting.title}`,
        blocks: [
          { p: `${input.sentBy} ${input.sentByAdministrator ? 'of the secretariat' : "of the chair's staff"} asks ${input.agencyName} to complete its report.` },
          { quote: input.message, by: input.sentBy },
          { list: meetingLines(input.meeting, today) },
        ],
        link: `${meetingPath(input.meeting)}#report`,
        action: "Open your agency's report",
      };
    case 'report_returned':
      return {
        subject: `Returned: ${input.agencyName}'s report for ${input.meeting.title}`,
        heading: 'Your agency’s report was returned',
        blocks: [
          { p: `${input.reviewer} returned ${input.agencyName}'s report with this comment:` },
          { quote: input.comment, by: input.reviewer },
          { p: 'Change what the comment asks for and submit the report again.' },
          { list: meetingLines(input.meeting, today) },
        ],
        link: `${meetingPath(input.meeting)}#report`,
        action: "Open your agency's report",
      };
    case 'report_approved':
      return {
        subject: `Approved: ${input.agencyName}'s report for ${input.meeting.title}`,
        heading: 'Your agency’s report was approved',
        blocks: [{ p: `${input.reviewer} approved ${input.agencyName}'s report. Nothing more is needed for this meeting.` }, { list: meetingLines(input.meeting, today) }],
        link: `${meetingPath(input.meeting)}#report`,
        action: "See your agency's report",
      };
    case 'meeting_planned':
      return {
        subject: `New meeting: ${input.meeting.title}, ${date(input.meeting.date)}`,
        heading: `${input.meeting.title} is planned`,
        blocks: [
          {
            p: input.meeting.reportingCutoff
              ? `Your agency's report for this meeting is due by the reporting cutoff. The calendar file attached adds the meeting and the cutoff to your calendar.`
              : 'The calendar file attached adds the meeting to your calendar.',
          },
          { list: meetingLines(input.meeting, today) },
        ],
        link: meetingPath(input.meeting),
        action: 'Open the meeting',
      };
    case 'cutoff_approaching': {
      const cutoff = input.meeting.reportingCutoff!;
      const left = daysLeftPhrase(today, cutoff);
      return {
        subject: `${left[0]!.toUpperCase()}${left.slice(1)}: ${input.agencyName}'s report for ${input.meeting.title}`,
        heading: `The reporting cutoff is ${date(cutoff)}`,
        blocks: [
          {
            p: `${input.agencyName}'s report for ${input.meeting.title} is ${input.reportState === 'returned' ? 'returned and not yet submitted again' : input.reportState === 'draft' ? 'a draft, not yet submitted' : 'not started'}. Submit it by ${date(cutoff)}.`,
          },
          { list: meetingLines(input.meeting, today) },
        ],
        link: `${meetingPath(input.meeting)}#report`,
        action: "Open your agency's report",
      };
    }
    case 'report_submitted':
      if (input.reopened) {
        return {
          subject: `Reopened: ${input.agencyName}'s report for ${input.meeting.title}`,
          heading: `${input.agencyName}'s report is back in progress`,
          blocks: [
            {
              p: `${input.submittedBy} added “${input.reopened.deliverableTitle}”, which has no update yet, so ${input.agencyName}'s ${input.reopened.from} report was reopened. It will come back to you when the agency submits it again.`,
            },
            { list: meetingLines(input.meeting, today) },
          ],
          link: `${meetingPath(input.meeting)}?agency=${encodeURIComponent(input.agencySlug)}#report`,
          action: 'Open the report',
        };
      }
      return {
        subject: `Submitted: ${input.agencyName}'s report for ${input.meeting.title}`,
        heading: `${input.agencyName} submitted its report`,
        blocks: [{ p: `${input.submittedBy} submitted ${input.agencyName}'s report. It awaits your review.` }, { list: meetingLines(input.meeting, today) }],
        link: `${meetingPath(input.meeting)}?agency=${encodeURIComponent(input.agencySlug)}#report`,
        action: 'Review the report',
      };
    case 'readiness_digest': {
      const c = input.counts;
      return {
        subject: `Readiness for ${input.meeting.title}: ${c.ready} ready, ${c.awaiting_review} awaiting review`,
        heading: `What changed in readiness for ${input.meeting.title}`,
        blocks: [
          { p: 'Since the last digest:' },
          {
            list: input.changes.map(
              (ch) => `${ch.agencyName}: ${ch.from ? `${READINESS_LABELS[ch.from]} → ` : ''}${READINESS_LABELS[ch.to]}`,
            ),
          },
          {
            p: `Now: ${c.ready} ready, ${c.awaiting_review} awaiting review, ${c.in_progress} in progress, ${c.not_started} not started.`,
          },
          { list: meetingLines(input.meeting, today) },
        ],
        link: `${meetingPath(input.meeting)}#readiness-heading`,
        action: 'Open the readiness of the meeting',
      };
    }
    case 'meeting_changed': {
      const lines: string[] = [];
      if (input.before.date !== input.meeting.date) lines.push(`Date: ${date(input.before.date)} → ${date(input.meeting.date)}`);
      if (input.before.reportingCutoff !== input.meeting.reportingCutoff) {
        lines.push(
          `Reporting cutoff: ${input.before.reportingCutoff ? date(input.before.reportingCutoff) : 'none'} → ${input.meeting.reportingCutoff ? date(input.meeting.reportingCutoff) : 'none'}`,
        );
      }
      if (input.change?.kind === 'cancelled') {
        return {
          subject: `Cancelled: ${input.meeting.title} (${date(input.meeting.date)})`,
          heading: `${input.meeting.title} is cancelled`,
          blocks: [
            { p: `The meeting planned for ${date(input.meeting.date)} will not take place, and no report is due for it.` },
            { quote: input.change.reason, by: 'The reason given' },
            { p: 'The calendar file attached removes the meeting and its cutoff from your calendar.' },
          ],
          link: meetingPath(input.meeting),
          action: 'Open the meeting',
        };
      }
      if (input.change?.kind === 'reinstated') {
        return {
          subject: `Back on: ${input.meeting.title}, ${date(input.meeting.date)}`,
          heading: `${input.meeting.title} will take place after all`,
          blocks: [
            { p: 'The cancelled meeting is planned again. The calendar file attached puts it back in your calendar.' },
            { list: meetingLines(input.meeting, today) },
          ],
          link: meetingPath(input.meeting),
          action: 'Open the meeting',
        };
      }
      const postponed = input.change?.kind === 'postponed';
      return {
        subject: `${postponed ? 'Postponed' : 'Moved'}: ${input.meeting.title}, now ${date(input.meeting.date)}`,
        heading: `${input.meeting.title} ${postponed ? 'is postponed' : 'has moved'}`,
        blocks: [{ list: lines }, { p: 'The calendar file attached updates the meeting in your calendar.' }, { list: meetingLines(input.meeting, today) }],
        link: meetingPath(input.meeting),
        action: 'Open the meeting',
      };
    }
    case 'digest':
      return {
        subject: `Your daily digest: ${input.items.length} ${input.items.length === 1 ? 'notification' : 'notifications'}`,
        heading: 'Your daily digest',
        blocks: [{ p: 'What happened since your last digest:' }, { links: input.items.map((i) => ({ text: i.subject, href: i.link })) }],
        link: '/notifications',
        action: 'Open your notifications',
      };
  }
}

/** The e-mail and in-app text of one notification for one person. */
export function composeMessage(input: MessageInput, context: MessageContext): Message {
  const c = content(input, context.today);
  const link = c.link;
  const absolute = (href: string) => new URL(href, context.origin).toString();
  const url = new URL(link, context.origin).toString();
  const footer = [
    'You receive this because of your role in the PITF Dashboard.',
    `Choose what is e-mailed to you: ${new URL('/account#notifications', context.origin).toString()}`,
    ...(context.unsubscribeUrl ? [`Stop these e-mails: ${context.unsubscribeUrl}`] : []),
  ];

  const textBlocks = c.blocks.map((b) =>
    'p' in b
      ? b.p
      : 'list' in b
        ? b.list.map((l) => `- ${l}`).join('\n')
        : 'links' in b
          ? b.links.map((l) => `- ${l.text}\n  ${absolute(l.href)}`).join('\n')
          : `"${b.quote}"\n  (${b.by})`,
  );
  const text = [`${c.heading}`, '', `Dear ${context.recipientName},`, '', ...textBlocks.flatMap((t) => [t, '']), `${c.action}: ${url}`, '', '-- ', ...footer, ''].join(
    '\n',
  );

  const htmlBlocks = c.blocks.map((b) =>
    'p' in b
      ? `<p>${escapeHtml(b.p)}</p>`
      : 'list' in b
        ? `<ul>${b.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
        : 'links' in b
          ? `<ul>${b.links.map((l) => `<li><a href="${escapeHtml(absolute(l.href))}" style="color:#005ea2">${escapeHtml(l.text)}</a></li>`).join('')}</ul>`
          : `<blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #1a4480;background:#f0f0f0"><p style="margin:0">${escapeHtml(b.quote)}</p><p style="margin:0.5em 0 0;color:#454545">${escapeHtml(b.by)}</p></blockquote>`,
  );
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:1em;font-family:'Source Sans Pro','Helvetica Neue',Arial,sans-serif;font-size:17px;line-height:1.5;color:#1b1b1b;background:#ffffff">
<main style="max-width:40em">
<p style="margin:0 0 1em;font-weight:bold;color:#1a4480">PITF Dashboard</p>
<h1 style="font-size:1.4em;line-height:1.2;margin:0 0 0.75em">${escapeHtml(c.heading)}</h1>
<p>Dear ${escapeHtml(context.recipientName)},</p>
${htmlBlocks.join('\n')}
<p><a href="${escapeHtml(url)}" style="color:#005ea2;font-weight:bold">${escapeHtml(c.action)}</a></p>
</main>
<footer style="max-width:40em;margin-top:2em;border-top:1px solid #dfe1e2;padding-top:0.5em;font-size:0.9em;color:#454545">
<p>You receive this because of your role in the PITF Dashboard. <a href="${escapeHtml(new URL('/account#notifications', context.origin).toString())}" style="color:#005ea2">Choose what is e-mailed to you</a>.</p>
${context.unsubscribeUrl ? `<p><a href="${escapeHtml(context.unsubscribeUrl)}" style="color:#005ea2">Stop e-mails of this kind</a></p>` : ''}
</footer>
</body>
</html>
`;
  return { subject: c.subject, text, html, link };
}

