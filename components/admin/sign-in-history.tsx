import { LocalTime } from '@/components/ui/local-time';

const OUTCOMES: Record<string, string> = {
  'sign_in.success': 'Signed in',
  'sign_in.failure': 'Failed: wrong password',
  'sign_in.locked': 'Failed, account locked for 15 minutes',
  'sign_in.refused': 'Refused',
};

const REASONS: Record<string, string> = {
  wrong_password: 'wrong password',
  inactive: 'account deactivated',
  locked: 'account locked',
  demo_accounts_disabled: 'demonstration accounts are off',
};

/** A sign-in event; `at` is epoch milliseconds. */
type Event = { at: number; action: string; reason: string | null };

function outcome({ action, reason }: Event): string {
  if (action === 'sign_in.refused') return `Refused: ${REASONS[reason ?? ''] ?? 'not allowed'}`;
  if (action === 'sign_in.failure' && reason && reason !== 'wrong_password') return `Failed: ${REASONS[reason] ?? reason}`;
  return OUTCOMES[action] ?? action;
}

/** The latest sign-ins to one account, successful or not, so its owner can spot one that was not theirs. */
export function SignInHistory({ events }: { events: Event[] }) {
  if (events.length === 0) return <p>No sign-in recorded yet.</p>;
  return (
    <table className="usa-table usa-table--borderless" data-testid="sign-in-history">
      <caption className="usa-sr-only">Latest sign-ins, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i}>
            <td>
              <LocalTime value={e.at} />
            </td>
            <td>{outcome(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
