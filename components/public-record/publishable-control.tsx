'use client';

/**
 * On a deliverable's page, for its lead agency's officials and administrators: whether its public
 * fields go into the next release of the public record, said in plain words, with one button to
 * change it. Others see the state only.
 */
import { useRouter } from 'next/navigation';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { FocusTarget, focusAfterRefresh } from '@/components/ui/focus';
import { useSetPublishableMutation } from './api';

export const PUBLIC_FIELDS =
  'title, pillar, objective, lead and supporting agencies, status, progress, measure, due date, meeting announced at, and source';

export function PublishableControl({ id, publishable, canChange }: { id: number; publishable: boolean; canChange: boolean }) {
  const router = useRouter();
  const { message, handlers } = useFormStatus();
  const change = useSetPublishableMutation(id, {
    ...handlers,
    onSuccess: () => {
      focusAfterRefresh('publishable-state');
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="publishable-heading" className="margin-top-4 border-top-1px border-base-lighter padding-top-2" data-testid="publishable">
      <h2 id="publishable-heading">Public record</h2>
      <FocusTarget id="publishable-state">
        <p className="text-bold" data-testid="publishable-state">
          {publishable ? 'Publishable: it goes into the next release of the public record.' : 'Not publishable: it stays out of the public record.'}
        </p>
      </FocusTarget>
      <p className="measure-5">
        When it is publishable, the next release the chair’s staff publish shows its {PUBLIC_FIELDS} at /public, for anyone
        to read. Nothing else is published: not the reasons for its status, update notes, agency reports, readiness,
        reminders or who did what. Releases already published do not change.
      </p>
      {canChange ? (
        <>
          <FormMessageBanner message={message} testId="publishable-message" />
          <button
            type="button"
            className={`usa-button${publishable ? ' usa-button--outline' : ''}`}
            disabled={change.isPending}
            onClick={() => change.mutate({ publishable: !publishable })}
          >
            {publishable ? 'Stop publishing it' : 'Mark publishable'}
          </button>
        </>
      ) : null}
    </section>
  );
}
