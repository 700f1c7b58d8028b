import type { Briefing } from '@/db/queries/briefing';
import { DataTable } from '@/components/ui/data-table';

/** The Presidential Awards presented at the meeting (recorded once it is held). */
export function BriefingAwards({ meeting }: { meeting: Pick<Briefing['meeting'], 'awards' | 'status'> }) {
  return (
    <section aria-labelledby="awards-heading" className="margin-top-4 pitf-keep-together">
      <h2 id="awards-heading">Awards presented</h2>
      {meeting.awards.length ? (
        <DataTable
          caption="Presidential Awards for Extraordinary Efforts to Combat Trafficking in Persons"
          showCaption
          compact
          stacked="cells"
          scroll="Awards presented"
          testId="briefing-awards"
          rows={meeting.awards}
          rowKey={(a) => a.id}
          columns={[
            { header: 'Award year', cell: (a) => a.awardYear },
            { header: 'Recipient', rowHeader: true, cell: (a) => a.recipient },
            { header: 'Person or organization', cell: (a) => (a.kind === 'person' ? 'Person' : 'Organization') },
            { header: 'Reason', cell: (a) => a.reason ?? '—' },
          ]}
        />
      ) : (
        <p>{meeting.status === 'held' ? 'No award was recorded at this meeting.' : 'None yet: awards are recorded once the meeting is held.'}</p>
      )}
    </section>
  );
}
