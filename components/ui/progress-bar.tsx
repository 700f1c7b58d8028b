import { formatNumber } from '@/lib/format';

/** A bar with its number beside it; the number is the information, the bar only shows it. */
export function ProgressBar({ value }: { value: number }) {
  return (
    <div className="pitf-progress">
      <div className="pitf-progress__track" aria-hidden="true">
        <div className="pitf-progress__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
      <span className="pitf-progress__value">{formatNumber(value)}%</span>
    </div>
  );
}
