import { describe, expect, it } from 'vitest';
import { cssString, runningHeaderCss } from './print';

/** What a CSS parser reads back from a string literal (hexadecimal escapes, each with its one space). */
const unescape = (literal: string) =>
  literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

describe('the printed pages’ running header', () => {
  it('keeps a plain title as it is', () => {
    expect(cssString('2023 meeting of the President’s Interagency Task Force · Feb 13, 2023')).toBe(
      '"2023 meeting of the President’s Interagency Task Force · Feb 13, 2023"',
    );
  });

  it('cannot be ended early by a quote, a backslash, a line break or a closing style tag in the title', () => {
    const title = 'A "quoted" \\ title\nwith </style><script>alert(1)</script> in it';
    const literal = cssString(title);
    expect(literal.slice(1, -1)).not.toMatch(/["\n<>/]/);
    expect(literal.slice(1, -1).replace(/\\[0-9a-f]{1,6} ?/g, '')).not.toContain('\\');
    expect(unescape(literal)).toBe(title);
  });

  it('puts the header at the top of every page and the page number of the total at the bottom', () => {
    const css = runningHeaderCss('Meeting · Feb 11, 2027');
    expect(css).toContain('@top-center { content: "Meeting · Feb 11, 2027";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});
