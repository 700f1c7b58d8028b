import type { Metadata } from 'next';
import { listAgencies } from '@/db/queries/agencies';
import { listMeetingOptions } from '@/db/queries/meetings';
import { listPlanChoices } from '@/db/queries/plan';
import { requireUser } from '@/lib/server/auth';
import { canCreateDeliverable } from '@/lib/authorization';
import { requirePageAccess } from '@/lib/server/page-access';
import { DetailsForm } from '@/components/deliverables/details-form';

export const metadata: Metadata = { title: 'New deliverable' };

type Props = { searchParams: Promise<{ agency?: string | string[] }> };

export default async function NewDeliverablePage({ searchParams }: Props) {
  const user = await requireUser();
  const agencies = listAgencies();
  const allowed = agencies.filter((a) => canCreateDeliverable(user, a.id));
  await requirePageAccess(user, allowed.length > 0, 'Deliverables are added by their agency’s officials and by administrators.');
  const requested = (await searchParams).agency;
  const preferred = allowed.find((a) => a.slug === (Array.isArray(requested) ? requested[0] : requested)) ?? allowed[0]!;
  return (
    <>
      <h1>New deliverable</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        A commitment {allowed.length === 1 ? `of ${preferred.name}` : 'of an agency'}, with what it is, its pillar and when it is due.
      </p>
      <div className="measure-5">
        <DetailsForm
          mode="create"
          initial={{
            title: '',
            description: '',
            pillar: 'prevention',
            leadAgency: preferred.slug,
            supportingAgencies: [],
            announcedAtMeetingId: '',
            dueOn: '',
            fundingUsd: '',
            napAction: '',
            objectiveId: '',
            measureLabel: '',
            measureUnit: '',
            measureTarget: '',
            measureActual: '',
          }}
          agencies={allowed.length > 1 ? allowed.map((a) => ({ slug: a.slug, name: a.name })) : agencies.map((a) => ({ slug: a.slug, name: a.name }))}
          meetings={listMeetingOptions()}
          plan={listPlanChoices()}
          canChooseLead={allowed.length > 1}
        />
      </div>
    </>
  );
}
