'use client';

import { Field } from '@/components/ui/field';
import { inputClass, type AwardKind, type AwardRow, type RowEditorProps } from './meeting-form-rows';

/** The Presidential Awards presented at a held meeting: year, recipient, person or organization, reason. */
export function AwardsEditor({ rows, onChange, listErrors, rowError, newKey, announce, focusNext }: RowEditorProps<AwardRow>) {
  function addAward() {
    const key = newKey();
    onChange([...rows, { key, awardYear: '', recipient: '', kind: 'organization', reason: '' }]);
    announce(`Award ${rows.length + 1} added.`);
    focusNext(`award-${key}-year`);
  }
  function removeAward(index: number) {
    const left = rows.filter((_, i) => i !== index);
    onChange(left);
    announce(`Award ${index + 1} removed.`);
    const next = left[index] ?? left[index - 1];
    focusNext(next ? `award-${next.key}-year` : 'award-add');
  }
  const setAwardRow = (key: number, change: Partial<AwardRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <>
      <h3 className="pitf-legend-heading margin-top-4">Awards presented</h3>
      <span className="usa-error-message" aria-live="polite" data-testid="awards-error">
        {listErrors?.join(' ')}
      </span>
      {rows.length === 0 ? <p className="margin-top-1">No award recorded at this meeting.</p> : null}
      <ol className="pitf-repeat-list" data-testid="award-items">
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className="usa-fieldset pitf-repeat" data-testid="award-item">
              <legend className="usa-legend pitf-repeat__legend">Award {index + 1}</legend>
              <Field id={`award-${row.key}-year`} label="Award year" hint="The year the award is for, e.g. 2024." errors={rowError(row.key, 'awardYear')}>
                {(describedBy, invalid) => (
                  <input
                    id={`award-${row.key}-year`}
                    className={inputClass(invalid, ' usa-input--small')}
                    inputMode="numeric"
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={row.awardYear}
                    onChange={(e) => setAwardRow(row.key, { awardYear: e.target.value })}
                  />
                )}
              </Field>
              <Field id={`award-${row.key}-recipient`} label="Recipient" errors={rowError(row.key, 'recipient')}>
                {(describedBy, invalid) => (
                  <input
                    id={`award-${row.key}-recipient`}
                    className={inputClass(invalid)}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={row.recipient}
                    onChange={(e) => setAwardRow(row.key, { recipient: e.target.value })}
                  />
                )}
              </Field>
              <Field id={`award-${row.key}-kind`} label="Person or organization" errors={rowError(row.key, 'kind')}>
                {(describedBy, invalid) => (
                  <select
                    id={`award-${row.key}-kind`}
                    className={`usa-select${invalid ? ' usa-input--error' : ''}`}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={row.kind}
                    onChange={(e) => setAwardRow(row.key, { kind: e.target.value as AwardKind })}
                  >
                    <option value="organization">Organization</option>
                    <option value="person">Person</option>
                  </select>
                )}
              </Field>
              <Field id={`award-${row.key}-reason`} label="Reason (optional)" hint="What the recipient is honored for." errors={rowError(row.key, 'reason')}>
                {(describedBy, invalid) => (
                  <textarea
                    id={`award-${row.key}-reason`}
                    className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={row.reason}
                    onChange={(e) => setAwardRow(row.key, { reason: e.target.value })}
                  />
                )}
              </Field>
              <div className="pitf-row-actions">
                <button type="button" className="usa-button usa-button--unstyled pitf-remove" onClick={() => removeAward(index)}>
                  Remove<span className="usa-sr-only"> award {index + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id="award-add" className="usa-button usa-button--outline" onClick={addAward}>
        Add an award
      </button>
    </>
  );
}
