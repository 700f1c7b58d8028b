/** What a role that cannot manage meetings sees on the chair's pages (the API refuses it too). */
export function MeetingsNotAllowed() {
  return (
    <div className="usa-alert usa-alert--warning" role="status" data-testid="not-allowed">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Not allowed</h2>
        <p className="usa-alert__text">
          Meetings are planned and recorded by the chair’s staff and administrators. Your role can read meetings and print their
          briefing books, but not create or change them.
        </p>
      </div>
    </div>
  );
}
