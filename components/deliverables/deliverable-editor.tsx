'use client';

import type { PillarChoices } from '@/lib/contracts/plan';
import type { EditableDeliverable } from './editing';
import { DetailsForm, valuesOf } from './details-form';
import { ProgressUpdateForm } from './progress-update-form';

type Props = {
  deliverable: EditableDeliverable;
  agencies: { slug: string; name: string }[];
  meetings: { id: number; title: string; date: string }[];
  plan: PillarChoices[];
  canChangeLeadAgency: boolean;
};

/** A deliverable's two forms side by side: a progress update, and its details. */
export function DeliverableEditor(props: Props) {
  return (
    <div className="grid-row grid-gap-lg margin-top-4">
      <section className="desktop:grid-col-6" aria-labelledby="update-heading">
        <h2 id="update-heading">Post a progress update</h2>
        <ProgressUpdateForm deliverable={props.deliverable} />
      </section>
      <section className="desktop:grid-col-6" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit details</h2>
        <DetailsForm
          mode="edit"
          deliverable={props.deliverable}
          initial={valuesOf(props.deliverable)}
          agencies={props.agencies}
          meetings={props.meetings}
          plan={props.plan}
          canChooseLead={props.canChangeLeadAgency}
        />
      </section>
    </div>
  );
}
