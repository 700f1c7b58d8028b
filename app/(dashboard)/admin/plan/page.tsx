import type { Metadata } from 'next';
import { listAgencies } from '@/db/queries/agencies';
import { listObjectives, listPlanSources, listPriorityActions } from '@/db/queries/plan';
import { PlanAdmin } from '@/components/plan/plan-admin';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { requireUser } from '@/lib/server/auth';
import { canManagePlan } from '@/lib/authorization';
import { requirePageAccess } from '@/lib/server/page-access';

export const metadata: Metadata = { title: 'The plan: objectives and priority actions' };

export default async function AdminPlanPage() {
  const user = await requireUser();
  await requirePageAccess(user, canManagePlan(user));
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin', label: 'Administration' }]} />
      <h1>The plan: objectives and priority actions</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        The National Action Plan to Combat Human Trafficking (December 2021), as the record holds it: the objectives under each pillar and
        the priority actions under each objective, which deliverables are mapped to.
      </p>
      <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="plan-entry-notice">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            The seeded list holds the 21 objectives the White House fact sheet names (unnumbered: it gives no numbers) and only the two coded
            priority actions the public sources state (1.3.2 and 4.4.2). The rest of the plan’s 60+ priority actions, with their lead and
            supporting agencies and the objectives’ numbers, await entry here from the plan’s text.
          </p>
        </div>
      </div>
      <p>
        Retiring an objective or a priority action keeps it on the deliverables already mapped to it, but no longer offers it for new ones.
        Every change is recorded in the audit log.
      </p>
      <PlanAdmin
        objectives={listObjectives({ includeRetired: true })}
        actions={listPriorityActions({ includeRetired: true })}
        sources={listPlanSources()}
        agencies={listAgencies().map((a) => ({ slug: a.slug, name: a.name }))}
      />
    </>
  );
}
