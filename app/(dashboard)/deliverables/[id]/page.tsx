import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listAgencies } from '@/db/queries/agencies';
import { getDeliverable, listUpdates } from '@/db/queries/deliverables';
import { listMeetingOptions } from '@/db/queries/meetings';
import { listPlanChoices } from '@/db/queries/plan';
import { objectiveName } from '@/lib/plan';
import { requireUser } from '@/lib/server/auth';
import { canChangeLeadAgency, canDeleteDeliverable, canEditDeliverable, canViewAuditLog } from '@/lib/authorization';
import { FocusTarget } from '@/components/ui/focus';
import { DeleteDeliverable, ReinstateDeliverable, WithdrawDeliverable } from '@/components/deliverables/deliverable-lifecycle';
import { PILLAR_LABELS, WITHDRAWN } from '@/lib/domain';
import { deletionRefusal } from '@/db/queries/deliverable-lifecycle';
import { formatCalendarDate, formatMeetingDate, formatUsd } from '@/lib/format';
import { measureSummary } from '@/lib/measures';
import { parseRouteId } from '@/lib/validations/common';
import { DeliverableFacts } from '@/components/deliverables/deliverable-facts';
import { DeliverableEditor } from '@/components/deliverables/deliverable-editor';
import { UpdateTimeline } from '@/components/deliverables/update-timeline';
import { StatusBadge } from '@/components/ui/status-badge';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PublishableControl } from '@/components/public-record/publishable-control';
import { getPublishable } from '@/db/queries/releases';
import { canMarkPublishable } from '@/lib/authorization';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const deliverable = id ? getDeliverable(id) : null;
  return { title: deliverable ? deliverable.title : 'Deliverable not found' };
}

export default async function DeliverablePage({ params }: Props) {
  const user = await requireUser();
  const id = parseRouteId((await params).id);
  const deliverable = id ? getDeliverable(id) : null;
  if (!deliverable) notFound();
  const history = listUpdates(deliverable.id, { page: 1, pageSize: 200 });
  const canEdit = canEditDeliverable(user, deliverable);
  const withdrawn = deliverable.status === WITHDRAWN;
  const lifecycleTarget = { id: deliverable.id, version: deliverable.version, title: deliverable.title, leadAgency: { slug: deliverable.leadAgency.slug } };
  // Offered only while the server would allow it: an administrator, within the window, nothing referring to it.
  const deletable =
    canDeleteDeliverable(user) &&
    deletionRefusal({ createdAt: deliverable.createdAt, updates: history.total, announcedAtMeetingId: deliverable.announcedAt?.id ?? null }) === null;

  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/agencies', label: 'Agencies' },
          { href: `/agencies/${deliverable.leadAgency.slug}`, label: deliverable.leadAgency.abbreviation },
        ]}
        current={`Deliverable ${deliverable.id}`}
      />
      <h1 className="margin-top-1">{deliverable.title}</h1>
      <FocusTarget id="deliverable-state">
        <p className="font-sans-lg margin-top-0" data-testid="deliverable-status">
          <StatusBadge status={deliverable.status} />
        </p>
        {withdrawn ? (
          <div className="usa-alert usa-alert--warning usa-alert--slim margin-bottom-2" data-testid="deliverable-withdrawn">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                Withdrawn by {deliverable.leadAgency.abbreviation}: {deliverable.statusReason}
                {/[.!?]$/.test(deliverable.statusReason ?? '') ? '' : '.'} It is not counted anywhere until it is reinstated; its
                history is kept below.
              </p>
            </div>
          </div>
        ) : null}
      </FocusTarget>
      <DeliverableFacts item={deliverable} />

      <div className="grid-row grid-gap-lg margin-top-3">
        <section className="desktop:grid-col-7" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          {deliverable.description ? <p className="measure-5">{deliverable.description}</p> : null}
          <dl className="pitf-details" data-testid="deliverable-details">
            <dt>Lead agency</dt>
            <dd>
              <Link href={`/agencies/${deliverable.leadAgency.slug}`}>{deliverable.leadAgency.name}</Link>
            </dd>
            <dt>Supporting agencies</dt>
            <dd>{deliverable.supportingAgencies.length ? deliverable.supportingAgencies.map((a) => a.name).join(', ') : 'None'}</dd>
            <dt>Pillar</dt>
            <dd>{PILLAR_LABELS[deliverable.pillar]}</dd>
            <dt>Objective of the plan</dt>
            <dd data-testid="deliverable-objective">
              {deliverable.objective ? (
                <>
                  <Link href={`/deliverables?objective=${deliverable.objective.id}`} className="usa-link">
                    {objectiveName(deliverable.objective)}
                  </Link>
                  {deliverable.objective.retired ? ' (retired)' : ''}
                  {deliverable.objectiveBySecretariat ? ' — mapped by the secretariat' : ''}
                </>
              ) : (
                'Not yet mapped to an objective of the plan'
              )}
            </dd>
            <dt>National Action Plan priority action</dt>
            <dd>{deliverable.napAction ? `${deliverable.napAction.code}: ${deliverable.napAction.title}` : 'None recorded'}</dd>
            <dt>Announced at</dt>
            <dd>
              {deliverable.announcedAt ? (
                <Link href={`/meetings/${deliverable.announcedAt.id}`} className="usa-link" data-testid="announced-at">
                  {deliverable.announcedAt.title} ({formatMeetingDate(deliverable.announcedAt)})
                </Link>
              ) : (
                'Not recorded'
              )}
            </dd>
            <dt>Due</dt>
            <dd>{formatCalendarDate(deliverable.dueOn)}</dd>
            <dt>Funding</dt>
            <dd>{deliverable.fundingUsd !== null ? formatUsd(deliverable.fundingUsd) : 'None recorded'}</dd>
            <dt>Measure</dt>
            <dd data-testid="deliverable-measure">
              {deliverable.measure ? `${measureSummary(deliverable.measure)}; progress follows the count` : 'None set'}
            </dd>
            <dt>Source</dt>
            <dd>
              {deliverable.source ? (
                <>
                  <a className="usa-link" href={deliverable.source.url} rel="noreferrer">
                    {deliverable.source.title}
                  </a>
                  {deliverable.source.publishedOn ? `, ${formatCalendarDate(deliverable.source.publishedOn)}` : ''}
                </>
              ) : (
                'Entered in this system'
              )}
            </dd>
          </dl>
        </section>
        <section className="desktop:grid-col-5" aria-labelledby="history-heading">
          <h2 id="history-heading">Update history</h2>
          <UpdateTimeline items={history.items} total={history.total} measure={deliverable.measure} />
          {canViewAuditLog(user) ? (
            <p>
              <Link href={`/admin/audit?entity=deliverable&entityId=${deliverable.id}`} className="usa-link">
                Change history in the audit log
              </Link>
            </p>
          ) : null}
        </section>
      </div>

      {canEdit && withdrawn ? <ReinstateDeliverable deliverable={lifecycleTarget} /> : null}
      {canEdit && !withdrawn ? (
        <DeliverableEditor
          deliverable={deliverable}
          agencies={listAgencies().map((a) => ({ slug: a.slug, name: a.name }))}
          meetings={listMeetingOptions()}
          plan={listPlanChoices()}
          canChangeLeadAgency={canChangeLeadAgency(user)}
        />
      ) : null}
      {!withdrawn ? (
        <PublishableControl id={deliverable.id} publishable={getPublishable(deliverable.id)?.publishable ?? false} canChange={canMarkPublishable(user, deliverable)} />
      ) : null}
      {canEdit && !withdrawn ? <WithdrawDeliverable deliverable={lifecycleTarget} /> : null}
      {deletable ? <DeleteDeliverable deliverable={lifecycleTarget} /> : null}
    </>
  );
}
