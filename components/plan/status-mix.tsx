import type { StatusMix as Mix } from '@/lib/contracts/plan-coverage';
import { STATUSES } from '@/lib/domain';
import { statusMixText } from '@/lib/plan-coverage';
import { STATUS_COLOURS } from '@/components/charts/palette';

/**
 * A deliverables' status mix: a thin bar split by status (drawn for the eye, hidden from screen
 * readers) above the same mix in words, which carries it; colour is never the only carrier. No
 * JavaScript: a server component.
 */
export function StatusMix({ mix }: { mix: Mix }) {
  return (
    <div className="pitf-status-mix">
      {mix.total > 0 ? (
        <div className="pitf-status-mix__bar" aria-hidden="true">
          {STATUSES.filter((s) => mix[s] > 0).map((s) => (
            <span key={s} style={{ flexGrow: mix[s], background: STATUS_COLOURS[s] }} />
          ))}
        </div>
      ) : null}
      <span className={mix.total > 0 ? undefined : 'text-bold'}>{statusMixText(mix)}</span>
    </div>
  );
}
