import type { Metadata } from 'next';
import Link from 'next/link';
import { listOutbox } from '@/db/queries/notifications';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { requireUser } from '@/lib/server/auth';
import { canReadOutbox } from '@/lib/authorization';
import { EMAIL_STATE_LABELS } from '@/lib/notifications';
import { mailConfig } from '@/lib/env';
import { formatNumber } from '@/lib/format';
import { requirePageAccess } from '@/lib/server/page-access';
import { OUTBOX_STATES, outboxListQuery } from '@/lib/validations/notifications';

export const metadata: Metadata = { title: 'Outbox' };

const FILTER_LABELS: Record<(typeof OUTBOX_STATES)[number], string> = {
  all: 'All e-mails',
  pending: 'Waiting',
  sent: 'Sent',
  failed: 'Failed',
  held_for_digest: 'Held for a digest',
};

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  await requirePageAccess(user, canReadOutbox(user));
  const raw = await searchParams;
  // Each filter on its own: one bad value (a mistyped page) does not throw away the others.
  const field = <K extends 'state' | 'page' | 'to'>(key: K) => {
    const one = outboxListQuery.safeParse({ [key]: raw[key] });
    return one.success ? one.data[key] : outboxListQuery.parse({})[key];
  };
  const query = { state: field('state'), page: field('page'), to: field('to') };
  const list = listOutbox(query.state, query.page, query.to);
  const withFilters = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(query.state === 'all' ? {} : { state: query.state }), ...(query.to ? { to: query.to } : {}), ...extra });
    const search = params.toString();
    return search ? `/admin/outbox?${search}` : '/admin/outbox';
  };
  const server = mailConfig();
  return (
    <>
      <h1>Outbox</h1>
      {server ? (
        <p data-testid="mail-server">
          E-mail goes out through {server.host}:{server.port}. A failed attempt is tried again after 1, 5, 30 and 120 minutes, then marked
          failed here with the mail server’s answer.
        </p>
      ) : (
        <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="mail-server">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              No mail server is configured, so nothing is sent: every e-mail is kept here exactly as it would go out. Set PITF_SMTP_HOST and
              PITF_MAIL_FROM (see the README) to send them.
            </p>
          </div>
        </div>
      )}
      <nav aria-label="Show e-mails" className="margin-y-2">
        <ul className="usa-button-group">
          {OUTBOX_STATES.map((state) => {
            const n = state === 'all' ? null : state === 'pending' ? (list.counts.pending ?? 0) + (list.counts.sending ?? 0) : (list.counts[state] ?? 0);
            return (
              <li key={state} className="usa-button-group__item">
                <Link
                  href={`/admin/outbox${state === 'all' && !query.to ? '' : `?${new URLSearchParams({ ...(state === 'all' ? {} : { state }), ...(query.to ? { to: query.to } : {}) })}`}`}
                  className={`usa-button${query.state === state ? '' : ' usa-button--outline'}`}
                  aria-current={query.state === state ? 'page' : undefined}
                >
                  {FILTER_LABELS[state]}
                  {n === null ? '' : ` (${formatNumber(n)})`}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form method="get" action="/admin/outbox" className="margin-bottom-2 maxw-mobile-lg" role="search" aria-label="E-mails to one person">
        {query.state === 'all' ? null : <input type="hidden" name="state" value={query.state} />}
        <label className="usa-label margin-top-0" htmlFor="outbox-to">
          Recipient’s e-mail address (or part of it)
        </label>
        <div className="display-flex flex-align-end">
          <input className="usa-input" id="outbox-to" name="to" type="search" defaultValue={query.to ?? ''} />
          <button className="usa-button margin-left-1" type="submit">
            Show
          </button>
        </div>
      </form>
      {list.items.length === 0 ? (
        <p data-testid="outbox-empty">No e-mails here.</p>
      ) : (
        <DataTable
          caption="E-mails, newest first"
          scroll="E-mails"
          compact
          testId="outbox"
          rows={list.items}
          rowKey={(m) => m.id}
          rowTestId={() => 'outbox-row'}
          columns={[
            { header: 'Written', cell: (m) => <LocalTime value={m.createdAt} /> },
            {
              header: 'To',
              cell: (m) => (
                <>
                  {m.toName}
                  <br />
                  <span className="font-sans-2xs">{m.to}</span>
                </>
              ),
            },
            {
              header: 'Subject',
              cell: (m) => (
                <Link href={`/admin/outbox/${m.id}`} className="usa-link">
                  {m.subject}
                </Link>
              ),
            },
            {
              header: 'State',
              cellTestId: () => 'outbox-state',
              cell: (m) => (
                <>
                  {m.emailState === 'pending' && !server ? 'Kept (no mail server)' : EMAIL_STATE_LABELS[m.emailState]}
                  {m.attempts > 0 && m.emailState !== 'sent' ? `, ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
                  {m.emailState === 'sent' && m.attempts > 1 ? ` after ${m.attempts} attempts` : ''}
                  {m.lastError && m.emailState !== 'sent' ? <div className="font-sans-2xs text-secondary-dark">{m.lastError}</div> : null}
                </>
              ),
            },
          ]}
        />
      )}
      <Pagination
        label="Outbox pages"
        page={list.page}
        pageCount={Math.ceil(list.total / list.pageSize)}
        href={(p) => withFilters({ page: String(p) })}
      />
    </>
  );
}
