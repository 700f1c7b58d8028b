/**
 * What a printed document carries on every page, written as CSS paged media so that the browser's
 * own print (and its "Save as PDF") shows it: `@page` margin boxes, which Chromium draws since
 * version 131 (Debian's is newer). A margin box takes no text from the document (Chromium has no
 * `string-set` nor `position: running()`), so the page writes its running header into a small
 * stylesheet of its own with this function.
 */

/**
 * Text as a CSS string literal: every character but letters, digits, spaces and a few harmless
 * marks is written as a hexadecimal escape, so neither a quote, a backslash, a line break nor
 * `</style>` in a meeting's title can end the string or the style element.
 */
export function cssString(text: string): string {
  let out = '';
  for (const char of text) {
    out += /^[\p{L}\p{N} .,:;()?!’–—·-]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `"${out}"`;
}

/**
 * The printed pages' furniture: `header` centred at the top of every page and "Page N of M" at the
 * bottom right. Page size and margins stay in app/globals.css; the margins leave room for these.
 */
export function runningHeaderCss(header: string): string {
  const box = 'font-family: "Source Sans Pro Web", "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 9pt; color: #000;';
  return [
    '@page {',
    `  @top-center { content: ${cssString(header)}; ${box} vertical-align: bottom; padding-bottom: 0.3cm; }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 0.3cm; }`,
    '}',
  ].join('\n');
}
