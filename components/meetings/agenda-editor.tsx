'use client';

import { Field } from '@/components/ui/field';
import { inputClass, type AgendaRow, type RowEditorProps } from './meeting-form-rows';

/** The meeting's agenda: items with a title and presenter, added, moved up or down and removed by keyboard or pointer. */
export function AgendaEditor({ rows, onChange, listErrors, rowError, newKey, announce, focusNext }: RowEditorProps<AgendaRow>) {
  function addAgendaItem() {
    const key = newKey();
    onChange([...rows, { key, title: '', presenter: '' }]);
    announce(`Agenda item ${rows.length + 1} added.`);
    focusNext(`agenda-${key}-title`);
  }
  function moveAgendaItem(index: number, by: -1 | 1) {
    const moved = [...rows];
    const [row] = moved.splice(index, 1);
    if (!row) return;
    const to = index + by;
    moved.splice(to, 0, row);
    onChange(moved);
    announce(`Agenda item moved to position ${to + 1} of ${moved.length}.`);
    // Keep focus on the same button while it can still move that way, else on the other one.
    const canMoveUp = to > 0;
    const canMoveDown = to < moved.length - 1;
    const button = by === -1 ? (canMoveUp ? 'up' : 'down') : canMoveDown ? 'down' : 'up';
    focusNext(`agenda-${row.key}-${button}`);
  }
  function removeAgendaItem(index: number) {
    const left = rows.filter((_, i) => i !== index);
    onChange(left);
    announce(`Agenda item ${index + 1} removed.`);
    const next = left[index] ?? left[index - 1];
    focusNext(next ? `agenda-${next.key}-title` : 'agenda-add');
  }
  const setAgendaRow = (key: number, change: Partial<AgendaRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <>
      <h2 className="margin-top-5">Agenda</h2>
      <span className="usa-error-message" aria-live="polite" data-testid="agenda-error">
        {listErrors?.join(' ')}
      </span>
      {rows.length === 0 ? <p className="margin-top-1">No agenda items yet.</p> : null}
      <ol className="pitf-repeat-list" data-testid="agenda-items">
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className="usa-fieldset pitf-repeat" data-testid="agenda-item">
              <legend className="usa-legend pitf-repeat__legend">Agenda item {index + 1}</legend>
              <div className="pitf-repeat__fields">
                <Field id={`agenda-${row.key}-title`} label="Title" errors={rowError(row.key, 'title')}>
                  {(describedBy, invalid) => (
                    <input
                      id={`agenda-${row.key}-title`}
                      className={inputClass(invalid)}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      value={row.title}
                      onChange={(e) => setAgendaRow(row.key, { title: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={`agenda-${row.key}-presenter`} label="Presenter (optional)" errors={rowError(row.key, 'presenter')}>
                  {(describedBy, invalid) => (
                    <input
                      id={`agenda-${row.key}-presenter`}
                      className={inputClass(invalid)}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      value={row.presenter}
                      onChange={(e) => setAgendaRow(row.key, { presenter: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <div className="pitf-row-actions">
                <button
                  type="button"
                  id={`agenda-${row.key}-up`}
                  className="usa-button usa-button--outline"
                  disabled={index === 0}
                  onClick={() => moveAgendaItem(index, -1)}
                >
                  Move up<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
                <button
                  type="button"
                  id={`agenda-${row.key}-down`}
                  className="usa-button usa-button--outline"
                  disabled={index === rows.length - 1}
                  onClick={() => moveAgendaItem(index, 1)}
                >
                  Move down<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
                <button type="button" className="usa-button usa-button--unstyled pitf-remove" onClick={() => removeAgendaItem(index)}>
                  Remove<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id="agenda-add" className="usa-button usa-button--outline" onClick={addAgendaItem}>
        Add agenda item
      </button>
    </>
  );
}
