/** What a role sees on a page it may not use: a plain refusal and why, with none of the page's data. */
export function NotAllowed({ children }: { children: React.ReactNode }) {
  return (
    <div className="usa-alert usa-alert--warning" role="status" data-testid="not-allowed">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Not allowed</h2>
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
