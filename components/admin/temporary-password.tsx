/** A one-time password, shown once to the administrator who created or reset it. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  return (
    <div className="usa-alert usa-alert--success" role="status" data-testid="temporary-password">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Temporary password for {email}</h2>
        <p className="usa-alert__text">
          <code className="pitf-secret" data-testid="temporary-password-value">
            {password}
          </code>
        </p>
        <p className="usa-alert__text">
          It is shown only this once and is not stored. Pass it on by phone or in person, not in the same e-mail as the address. At
          the first sign-in it must be replaced with a password of the user’s own.
        </p>
      </div>
    </div>
  );
}
