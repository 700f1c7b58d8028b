import type { MeetingDetail } from '@/lib/contracts/meetings';

/** The Presidential Awards presented at the meeting. */
export function AwardsPresented({ awards, planned }: { awards: MeetingDetail['awards']; planned: boolean }) {
  return (
    <section aria-labelledby="awards-heading" className="margin-top-4">
      <h2 id="awards-heading">Presidential Awards presented</h2>
      {awards.length ? (
        <ul className="usa-list" data-testid="awards">
          {awards.map((a) => (
            <li key={a.id}>
              <strong>{a.recipient}</strong> ({a.awardYear} award{a.kind === 'person' ? ', individual' : ''})
              {a.reason ? `: ${a.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{planned ? 'Awards are recorded with the meeting’s outcome.' : 'No award is recorded for this meeting.'}</p>
      )}
    </section>
  );
}
