/**
 * A meeting's public documents (the fact sheet and the chair's statement): a small document model,
 * the drafts written from the record's public fields, and the text forms the chair edits and
 * downloads.
 *
 * The edited body is plain text, one block per paragraph separated by blank lines: a line starting
 * `# ` is the title, `## ` a heading, `- ` an item of a bulleted list; `[text](https://…)` inside a
 * line is a link. That text is also the Markdown download, so toMarkdown and parseDocument are each
 * other's inverse for any model whose strings are single lines.
 *
 * Only the fields in MeetingDocumentData reach a draft: what the data layer puts there is public.
 * Changing the wording: edit draftFactSheet / draftChairStatement; the tests check structure and
 * counts, not sentences.
 */
import type { MeetingDocumentKind } from './domain';
import { formatObservationValue } from './format';

export type DocumentBlock = { type: 'heading'; text: string } | { type: 'paragraph'; text: string } | { type: 'list'; items: string[] };

export type DocumentModel = { title: string; blocks: DocumentBlock[] };

export const MEETING_DOCUMENT_LABELS: Record<MeetingDocumentKind, string> = {
  fact_sheet: 'Fact sheet',
  chair_statement: 'Chair’s statement',
};

/** Download formats: the file name's extension and its content type. */
export const DOCUMENT_FORMATS = ['docx', 'md', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** A download's file name: `pitf-2022-01-25-fact-sheet.docx`. */
export function documentFileName(meetingDate: string, kind: MeetingDocumentKind, format: DocumentFormat): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(meetingDate) ? meetingDate : 'undated';
  return `pitf-${date}-${kind.replace('_', '-')}.${format}`;
}

// ─── The record's public fields a draft is written from ──────────────────────────────────────

type AgencyItem = { agencyName: string; agencyAbbreviation: string; title: string; description: string };

export type MeetingDocumentData = {
  meeting: { title: string; date: string; datePrecision: string; location: string | null; status: string };
  previousMeeting: { title: string; date: string; datePrecision: string } | null;
  /** The four pillars in the plan's order. */
  pillars: { slug: string; name: string; longName: string }[];
  /** Deliverables announced at the meeting (withdrawn ones left out), in pillar order. */
  announced: (AgencyItem & { pillar: string })[];
  /** Deliverables whose status became completed between the previous meeting of this kind and this one. */
  completed: (AgencyItem & { pillar: string })[];
  /** Headline figures with their sources. */
  figures: { indicator: string; value: number; unit: string; qualifier: string | null; period: string; sourceTitle: string; sourceUrl: string }[];
  /** The chair's agency (State) and its own commitments announced at the meeting. */
  chair: { agencyName: string; commitments: { title: string; description: string }[] } | null;
  awards: { awardYear: number; recipient: string; kind: string; reason: string | null }[];
};

const TASK_FORCE = 'President’s Interagency Task Force to Monitor and Combat Trafficking in Persons';

/** One line of text: whitespace (newlines included) collapsed, so a field cannot start a block. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Department of Labor (DOL)", and without the abbreviation when it says nothing more. */
const agencyLabel = (item: AgencyItem) =>
  item.agencyAbbreviation && item.agencyAbbreviation !== item.agencyName ? `${item.agencyName} (${item.agencyAbbreviation})` : item.agencyName;

const sentence = (text: string) => {
  const t = line(text);
  return t === '' || /[.!?:;…]$/.test(t) ? t : `${t}.`;
};

const longDay = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** "January 25, 2022" (or "October 2020" for a meeting known only to the month), as a published document writes it. */
function meetingDay(m: { date: string; datePrecision: string }): string {
  const at = Date.parse(`${m.date}T00:00:00Z`);
  if (Number.isNaN(at)) return m.date;
  return (m.datePrecision === 'month' ? longMonth : longDay).format(at);
}

function commitmentItem(item: AgencyItem): string {
  const description = line(item.description);
  return `${agencyLabel(item)}: ${sentence(item.title)}${description ? ` ${sentence(description)}` : ''}`;
}

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The fact sheet: the agencies' new commitments by pillar, the work completed since the last meeting, the figures and their sources. */
export function draftFactSheet(data: MeetingDocumentData): DocumentModel {
  const { meeting } = data;
  const held = meeting.status === 'held';
  const blocks: DocumentBlock[] = [];
  const where = meeting.location ? ` at ${line(meeting.location)}` : '';
  blocks.push({
    type: 'paragraph',
    text: `On ${meetingDay(meeting)}, the ${TASK_FORCE} (PITF) ${held ? 'met' : 'meets'}${where}. Member agencies ${held ? 'announced' : 'announce'} ${count(data.announced.length, 'new commitment', 'new commitments')} under the four pillars of the National Action Plan to Combat Human Trafficking: ${data.pillars.map((p) => p.name.toLowerCase()).join(', ')}.`,
  });
  for (const pillar of data.pillars) {
    blocks.push({ type: 'heading', text: line(pillar.name) });
    const items = data.announced.filter((d) => d.pillar === pillar.slug);
    if (items.length === 0) blocks.push({ type: 'paragraph', text: 'No new commitment was announced under this pillar.' });
    else blocks.push({ type: 'list', items: items.map(commitmentItem) });
  }
  if (data.previousMeeting) {
    blocks.push({ type: 'heading', text: 'Completed since the previous meeting' });
    if (data.completed.length === 0) {
      blocks.push({ type: 'paragraph', text: `No commitment was recorded as completed since the meeting of ${meetingDay(data.previousMeeting)}.` });
    } else {
      blocks.push({
        type: 'paragraph',
        text: `Since the meeting of ${meetingDay(data.previousMeeting)}, member agencies completed ${count(data.completed.length, 'commitment', 'commitments')}:`,
      });
      blocks.push({ type: 'list', items: data.completed.map((d) => `${agencyLabel(d)}: ${sentence(d.title)}`) });
    }
  }
  if (data.figures.length > 0) {
    blocks.push({ type: 'heading', text: 'Figures and sources' });
    blocks.push({
      type: 'list',
      items: data.figures.map(
        (f) => `${line(f.indicator)} (${line(f.period)}): ${formatObservationValue(f.value, f.unit, f.qualifier)}. Source: ${link(f.sourceTitle, f.sourceUrl)}.`,
      ),
    });
  }
  return { title: `Fact sheet: ${TASK_FORCE}, ${meetingDay(meeting)}`, blocks };
}

/** The chair's statement: the chair agency's own commitments for the year ahead and the awards presented. */
export function draftChairStatement(data: MeetingDocumentData): DocumentModel {
  const { meeting } = data;
  const held = meeting.status === 'held';
  const blocks: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `On ${meetingDay(meeting)}, I ${held ? 'convened' : 'convene'} the ${TASK_FORCE}. Member agencies ${held ? 'reported' : 'report'} on their work under the National Action Plan to Combat Human Trafficking and ${held ? 'announced' : 'announce'} ${count(data.announced.length, 'new commitment', 'new commitments')}.`,
    },
  ];
  const agency = data.chair?.agencyName ?? 'Department of State';
  blocks.push({ type: 'heading', text: `Commitments of the ${agency}` });
  const own = data.chair?.commitments ?? [];
  if (own.length === 0) {
    blocks.push({ type: 'paragraph', text: `The ${agency} announced no new commitment at this meeting.` });
  } else {
    blocks.push({ type: 'paragraph', text: `In the year ahead, the ${agency} commits to:` });
    blocks.push({
      type: 'list',
      items: own.map((c) => {
        const description = line(c.description);
        return `${sentence(c.title)}${description ? ` ${sentence(description)}` : ''}`;
      }),
    });
  }
  if (data.awards.length > 0) {
    blocks.push({ type: 'heading', text: 'Presidential Awards' });
    const years = [...new Set(data.awards.map((a) => a.awardYear))].sort().join(' and ');
    blocks.push({
      type: 'paragraph',
      text: `I ${held ? 'presented' : 'present'} the ${years} Presidential Award for Extraordinary Efforts to Combat Trafficking in Persons to:`,
    });
    blocks.push({ type: 'list', items: data.awards.map((a) => (a.reason ? `${line(a.recipient)}: ${sentence(a.reason)}` : sentence(a.recipient))) });
  }
  return { title: `Chair’s statement: ${meeting.title}`, blocks };
}

export function draftDocument(kind: MeetingDocumentKind, data: MeetingDocumentData): DocumentModel {
  return kind === 'fact_sheet' ? draftFactSheet(data) : draftChairStatement(data);
}

// ─── Text forms ──────────────────────────────────────────────────────────────────────────────

/** A link written inside a line; brackets in the text are dropped so that it stays one link. */
function link(text: string, url: string): string {
  const label = line(text).replace(/[[\]]/g, '');
  return isWebAddress(url) ? `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})` : label;
}

const isWebAddress = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** The body the chair edits, and the Markdown download. */
export function toMarkdown(model: DocumentModel): string {
  const parts: string[] = [];
  if (model.title) parts.push(`# ${line(model.title)}`);
  for (const block of model.blocks) {
    if (block.type === 'heading') parts.push(`## ${line(block.text)}`);
    else if (block.type === 'paragraph') parts.push(line(block.text));
    else parts.push(block.items.map((item) => `- ${line(item)}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The edited body back to the model. Lines of a paragraph are joined with a space; a line after a
 * bullet, without a blank line between, continues that bullet; `* ` is read as a bullet too.
 */
export function parseDocument(body: string): DocumentModel {
  let title = '';
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] | null = null;
  let list: string[] | null = null;
  const close = () => {
    if (paragraph) blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ type: 'list', items: list });
    paragraph = null;
    list = null;
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const text = raw.trim();
    if (text === '') {
      close();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      close();
      const words = line(heading[2]!);
      if (heading[1] === '#' && !title && blocks.length === 0) title = words;
      else blocks.push({ type: 'heading', text: words });
      continue;
    }
    const bullet = /^[-*]\s+(.*)$/.exec(text);
    if (bullet) {
      if (paragraph) close();
      list ??= [];
      list.push(line(bullet[1]!));
      continue;
    }
    if (list) {
      list[list.length - 1] = `${list[list.length - 1]} ${line(text)}`.trim();
      continue;
    }
    paragraph ??= [];
    paragraph.push(line(text));
  }
  close();
  return { title, blocks };
}

/** A line of text split into plain runs and links (`[text](https://…)`). */
export type Run = { text: string; href?: string };

export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/gi;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ text: m[1]!, href: m[2]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const inlineHtml = (text: string) =>
  runsOf(text)
    .map((r) => (r.href ? `<a href="${escapeHtml(r.href)}">${escapeHtml(r.text)}</a>` : escapeHtml(r.text)))
    .join('');

/** A whole HTML page (the HTML download): every field escaped, links only to http(s) addresses. */
export function toHtml(model: DocumentModel): string {
  const body: string[] = [];
  if (model.title) body.push(`<h1>${inlineHtml(model.title)}</h1>`);
  for (const block of model.blocks) {
    if (block.type === 'heading') body.push(`<h2>${inlineHtml(block.text)}</h2>`);
    else if (block.type === 'paragraph') body.push(`<p>${inlineHtml(block.text)}</p>`);
    else body.push(`<ul>\n${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`);
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(model.title || 'Document')}</title>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The text of a line without link markup (for headings in Word, titles). */
export const plainText = (text: string) =>
  runsOf(text)
    .map((r) => r.text)
    .join('');
