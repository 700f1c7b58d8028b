/**
 * Free text as the app stores it. Every field a person types into goes through `text()`, so that
 * what one user types is what every other user sees: in the browser, in exports, in the audit log.
 *
 * At the boundary the text is normalised (line breaks to "\n", Unicode NFC, surrounding white space
 * trimmed) and then refused, with the position named, when it holds a character that is invisible
 * or changes how the text around it is shown:
 * - C0 and C1 control characters (NUL, ESC, U+0080–U+009F, …); tab and line break only in
 *   multi-line fields (descriptions, notes, reasons, statements, summaries, comments, messages);
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can show a name
 *   or a figure reversed;
 * - zero-width characters (U+200B, U+2060, U+FEFF; U+200C and U+200D outside the places they are
 *   needed, see `joinerIsNeeded`), which make two different texts look the same;
 * - lone surrogates (half of a character), which cannot be stored or shown as text.
 *
 * Limits (min, max, formats) are chained on the result, so they apply to the normalised text.
 * Passwords do not go through here: they are compared, never shown, and must stay as typed.
 */
import { z } from 'zod';

export type TextOptions = {
  /** Descriptions, notes and the like may hold tabs and line breaks; names and titles may not. */
  multiline?: boolean;
  /** The message when the value is not text at all (e.g. a number or null in a JSON body). */
  error?: string;
};

/** A string schema that normalises and checks free text; chain `.min()`, `.max()` etc. on it. */
export function text({ multiline = false, error }: TextOptions = {}) {
  return z
    .string(error === undefined ? undefined : { error })
    .overwrite(normaliseText)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, { multiline });
      // The other checks (length, format) would only add noise about a character the user cannot see.
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
    });
}

/**
 * CRLF, CR and the Unicode line and paragraph separators become "\n" (so a single-line field
 * refuses them all as a line break); then NFC, so the same words are stored the same way
 * whichever keyboard typed them; then trimmed.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC').trim();
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const ALWAYS_ZERO_WIDTH = /[\u200B\u2060\uFEFF]/;
const JOINER = /[\u200C\u200D]/;
/**
 * Characters that a zero-width (non-)joiner may stand between: combining marks and variation
 * selectors, emoji and their skin-tone modifiers, and letters of scripts that use joiners in
 * ordinary writing (Persian and Arabic, Devanagari and the other Indic scripts, …). Latin, Greek
 * and Cyrillic never need one, and there a joiner can only make "admin" and "ad‍min" look alike.
 */
const JOINABLE = /[\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]|[^\P{L}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * U+200C ZERO WIDTH NON-JOINER is part of correct Persian spelling, and U+200D ZERO WIDTH JOINER
 * builds emoji sequences (👩‍💻) and Indic conjuncts, so refusing them outright would refuse real
 * names and real text. They are kept where they join two such characters, refused elsewhere
 * (first or last, doubled, next to a space, a digit, punctuation or a Latin letter).
 */
function joinerIsNeeded(chars: readonly string[], index: number): boolean {
  const before = chars[index - 1];
  const after = chars[index + 1];
  return before !== undefined && after !== undefined && JOINABLE.test(before) && JOINABLE.test(after);
}

/** The first character the text may not hold, in words, or null when it is fine. */
export function textProblem(value: string, { multiline = false }: { multiline?: boolean } = {}): string | null {
  // By code point, so that the position counts characters as the user sees them, not UTF-16 units.
  const chars = Array.from(value);
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    const code = char.codePointAt(0)!;
    const at = `at position ${index + 1}`;
    if (char === '\n' || char === '\t') {
      if (multiline) continue;
      return char === '\n' ? `Keep this to one line: remove the line break ${at}.` : `Remove the tab ${at}.`;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `Remove the control character ${at}.`;
    if (code >= 0xd800 && code <= 0xdfff) return `Remove the broken character ${at} (half of a symbol or emoji).`;
    if (BIDI_CONTROL.test(char)) return `Remove the text-direction control character ${at}.`;
    if (ALWAYS_ZERO_WIDTH.test(char) || (JOINER.test(char) && !joinerIsNeeded(chars, index))) {
      return `Remove the invisible zero-width character ${at}.`;
    }
  }
  return null;
}
