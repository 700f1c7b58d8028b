/**
 * A labelled form field in the USWDS pattern, with its hint and its errors beside it. The errors
 * are in a live region, so they are announced when the server names this field.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string, invalid: boolean) => React.ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`usa-form-group${invalid ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${invalid ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <span className="usa-error-message" id={`${id}-error`} aria-live="polite" data-testid={`${id}-error`}>
        {errors?.join(' ')}
      </span>
      {children(describedBy, invalid)}
    </div>
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** With `value`, a controlled input that reports each new value; without, a plain input of a GET form (`name`, `defaultValue`). */
  onChange?: (value: string) => void;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'>;

/** A Field holding one text input, wired to its hint and errors. */
export function TextField({ id, label, hint, errors, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          id={id}
          className={`usa-input${invalid ? ' usa-input--error' : ''}`}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
          {...input}
        />
      )}
    </Field>
  );
}
