import { describe, expect, it } from 'vitest';
import { text } from './text';

const singleLine = text({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(10, 'Use at most 10 characters.');
const multiLine = text({ multiline: true }).max(50);

const messagesOf = (schema: typeof singleLine, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('free text at the boundary', () => {
  it('trims, joins decomposed accents (NFC) and turns CRLF, CR and line separators into one line break', () => {
    expect(singleLine.parse('  Jose\u0301  ')).toBe('José');
    expect(multiLine.parse('one\r\ntwo\rthree\u2028four')).toBe('one\ntwo\nthree\nfour');
  });

  it('measures the length after normalising', () => {
    // Ten letters once the accent is joined to its letter, eleven UTF-16 units as typed.
    expect(singleLine.safeParse('Jose\u0301phine1').success).toBe(true);
    expect(messagesOf(singleLine, 'x'.repeat(11))).toEqual(['Use at most 10 characters.']);
    expect(messagesOf(singleLine, '   ')).toEqual(['Enter a name.']);
  });

  it('refuses NUL, ESC, DEL and C1 controls, naming the position', () => {
    expect(messagesOf(singleLine, 'ab\u0000c')).toEqual(['Remove the control character at position 3.']);
    expect(messagesOf(singleLine, '\u001b[31mred')).toEqual(['Remove the control character at position 1.']);
    expect(messagesOf(multiLine, 'a\u007f')).toEqual(['Remove the control character at position 2.']);
    expect(messagesOf(multiLine, 'a\u0085b')).toEqual(['Remove the control character at position 2.']);
  });

  it('allows tabs and line breaks only where several lines are expected', () => {
    expect(multiLine.parse('a\tb\nc')).toBe('a\tb\nc');
    expect(messagesOf(singleLine, 'a\nb')).toEqual(['Keep this to one line: remove the line break at position 2.']);
    expect(messagesOf(singleLine, 'a\r\nb')).toEqual(['Keep this to one line: remove the line break at position 2.']);
    expect(messagesOf(singleLine, 'a\tb')).toEqual(['Remove the tab at position 2.']);
  });

  it('refuses bidirectional overrides and isolates, which can show a name reversed', () => {
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(messagesOf(multiLine, `Ann${control}Lee`)).toEqual(['Remove the text-direction control character at position 4.']);
    }
  });

  it('refuses zero-width spaces, word joiners and a byte-order mark inside the text', () => {
    for (const invisible of ['\u200b', '\u2060', '\ufeff']) {
      expect(messagesOf(singleLine, `ad${invisible}min`)).toEqual(['Remove the invisible zero-width character at position 3.']);
    }
  });

  it('keeps joiners inside emoji and in scripts that need them, and refuses them where they only hide', () => {
    expect(multiLine.parse('Team 👩‍💻 and 🏳️‍🌈')).toBe('Team 👩‍💻 and 🏳️‍🌈');
    // Persian spelling needs the zero-width non-joiner ("I want").
    expect(multiLine.parse('می‌خواهم')).toBe('می‌خواهم');
    expect(messagesOf(singleLine, 'ad\u200dmin')).toEqual(['Remove the invisible zero-width character at position 3.']);
    expect(messagesOf(singleLine, 'ad\u200cmin')).toEqual(['Remove the invisible zero-width character at position 3.']);
    expect(messagesOf(singleLine, 'a \u200d😀')).toEqual(['Remove the invisible zero-width character at position 3.']);
  });

  it('refuses half of a character (a lone surrogate)', () => {
    expect(messagesOf(multiLine, 'ok \ud83d')).toEqual(['Remove the broken character at position 4 (half of a symbol or emoji).']);
    expect(messagesOf(multiLine, '\ude00 ok')).toEqual(['Remove the broken character at position 1 (half of a symbol or emoji).']);
    // A whole emoji is one character: the position after it counts it once.
    expect(messagesOf(multiLine, '😀\u0000')).toEqual(['Remove the control character at position 2.']);
  });

  it('names a value that is not text with the field’s own message', () => {
    expect(messagesOf(singleLine, 42)).toEqual(['Enter a name.']);
  });
});
