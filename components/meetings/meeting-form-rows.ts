/**
 * The repeated rows of the meeting form (agenda items, awards) and what their editors share. Each
 * row has a key unique within the form, so that its inputs keep their ids (and focus) as rows move.
 */
export type AwardKind = 'person' | 'organization';
export type AgendaRow = { key: number; title: string; presenter: string };
export type AwardRow = { key: number; awardYear: string; recipient: string; kind: AwardKind; reason: string };

/** What the form hands each row editor: its rows, the server's errors for them, and where focus and announcements go. */
export type RowEditorProps<Row> = {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** The errors the server gave for the whole list. */
  listErrors?: string[];
  /** The errors the server gave for one field of the row with this key, as it was sent. */
  rowError: (key: number, field: string) => string[] | undefined;
  newKey: () => number;
  /** Said to screen readers (a polite live region of the form's). */
  announce: (text: string) => void;
  /** The id of the element that takes focus once the rows have re-rendered. */
  focusNext: (id: string) => void;
};

export const inputClass = (invalid: boolean, extra = '') => `usa-input${extra}${invalid ? ' usa-input--error' : ''}`;
