import { describe, expect, it } from 'vitest';
import { documentFileName, parseDocument, toHtml, toMarkdown, type DocumentModel } from './meeting-documents';

const model: DocumentModel = {
  title: 'Fact sheet: a meeting',
  blocks: [
    { type: 'paragraph', text: 'On the day, the task force met.' },
    { type: 'heading', text: 'Prevention' },
    { type: 'list', items: ['Department of Labor (DOL): Train inspectors.', 'Department of State (State): Fund projects.'] },
    { type: 'heading', text: 'Figures and sources' },
    { type: 'list', items: ['Victims identified (2021): 1,200. Source: [A report](https://example.gov/report).'] },
    { type: 'paragraph', text: 'A closing paragraph.' },
  ],
};

describe('the text of a meeting document', () => {
  it('reads back from its Markdown as the same document', () => {
    const markdown = toMarkdown(model);
    expect(markdown).toContain('## Prevention\n\n- Department of Labor (DOL): Train inspectors.\n- Department of State (State): Fund projects.');
    expect(parseDocument(markdown)).toEqual(model);
    expect(toMarkdown(parseDocument(markdown))).toBe(markdown);
  });

  it('reads the chair’s edits: headings, bullets, joined lines and continued bullets', () => {
    const edited = parseDocument('# Title\r\n\r\nFirst line\nsecond line\n\n## Heading\n- one\n  more of one\n* two\n\nAfter');
    expect(edited).toEqual({
      title: 'Title',
      blocks: [
        { type: 'paragraph', text: 'First line second line' },
        { type: 'heading', text: 'Heading' },
        { type: 'list', items: ['one more of one', 'two'] },
        { type: 'paragraph', text: 'After' },
      ],
    });
  });

  it('writes HTML with every field escaped and links only to web addresses', () => {
    const html = toHtml({
      title: 'Commitment <script>alert(1)</script>',
      blocks: [
        { type: 'heading', text: 'A & B' },
        { type: 'list', items: ['<img src=x onerror=alert(1)>', 'See [the source](https://example.gov/a?b=1&c="2")', '[bad](javascript:alert(1))'] },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h1>Commitment &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>Commitment &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<h2>A &amp; B</h2>');
    expect(html).toContain('<li>See <a href="https://example.gov/a?b=1&amp;c=&quot;2&quot;">the source</a></li>');
    expect(html).not.toContain('href="javascript');
  });

  it('names a download by the meeting’s date and the document', () => {
    expect(documentFileName('2022-01-25', 'fact_sheet', 'docx')).toBe('pitf-2022-01-25-fact-sheet.docx');
    expect(documentFileName('2022-01-25', 'chair_statement', 'md')).toBe('pitf-2022-01-25-chair-statement.md');
  });
});
