'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ACTIVITY_EVENT } from '@/lib/api/client';
import { signOut } from '@/lib/auth-client';
import { extendSession, fetchSessionTimes } from '@/components/account/api';

const MINUTE = 60_000;
const WARN_BEFORE_MS = 5 * MINUTE;

type Props = { idleMinutes: number; idleLeftMs: number; absoluteLeftMs: number };
type Clock = { idleAt: number; absoluteAt: number };
type Warning = { kind: 'idle' | 'absolute'; at: number };

/**
 * Warns five minutes before the session ends, offers to stay signed in, and sends the browser to
 * the sign-in page once the server has ended it. The server decides: before warning or signing
 * out, this asks it how long is really left (another tab may have kept the session alive).
 * Times are kept relative to this browser's clock, so a skewed clock cannot end a session early.
 */
export function SessionTimeout(props: Props) {
  // Loading a page is activity the server has counted: start afresh on each one.
  return <SessionClock key={usePathname()} {...props} />;
}

function SessionClock({ idleMinutes, idleLeftMs, absoluteLeftMs }: Props) {
  const [clock, setClock] = useState<Clock>(() => ({ idleAt: Date.now() + idleLeftMs, absoluteAt: Date.now() + absoluteLeftMs }));
  const [warning, setWarning] = useState<Warning | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  // The 12-hour warning, once dismissed, does not come back before the end.
  const absoluteDismissed = useRef(false);

  const endedAt = (reason: string) => {
    const back = window.location.pathname + window.location.search;
    void signOut(`/login?reason=${reason}&callbackUrl=${encodeURIComponent(back)}`);
  };

  // Every API answer is activity the server has counted (a new page remounts this component).
  const restart = useCallback(() => {
    setClock((c) => ({ ...c, idleAt: Date.now() + idleMinutes * MINUTE }));
    setWarning(null);
  }, [idleMinutes]);
  useEffect(() => {
    window.addEventListener(ACTIVITY_EVENT, restart);
    return () => window.removeEventListener(ACTIVITY_EVENT, restart);
  }, [restart]);

  const askServer = useCallback(async () => {
    const answer = await fetchSessionTimes();
    if (!answer) return; // Offline: try again at the next deadline.
    const { status, data } = answer;
    if (status === 401) return endedAt(data.reason && data.reason !== 'none' ? data.reason : 'idle');
    if (status < 200 || status > 299 || data.now === undefined || data.idleExpiresAt === undefined || data.absoluteExpiresAt === undefined) return;
    const next = { idleAt: Date.now() + (data.idleExpiresAt - data.now), absoluteAt: Date.now() + (data.absoluteExpiresAt - data.now) };
    setClock(next);
    const kind = next.absoluteAt <= next.idleAt ? 'absolute' : 'idle';
    const at = Math.min(next.idleAt, next.absoluteAt);
    const dismissed = kind === 'absolute' && absoluteDismissed.current;
    setNow(Date.now());
    setWarning(at - Date.now() <= WARN_BEFORE_MS && !dismissed ? { kind, at } : null);
  }, []);

  // Wake up when the warning is due, and again when the session should have ended.
  useEffect(() => {
    const end = Math.min(clock.idleAt, clock.absoluteAt);
    const due = warning || absoluteDismissed.current ? end : end - WARN_BEFORE_MS;
    const timer = window.setTimeout(() => void askServer(), Math.max(0, due - Date.now()));
    return () => window.clearTimeout(timer);
  }, [clock, warning, askServer]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) element.showModal();
    if (!warning && element.open) element.close();
    if (!warning) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [warning]);

  function dismissAbsolute() {
    absoluteDismissed.current = true;
    setWarning(null);
  }

  async function staySignedIn() {
    const status = await extendSession();
    if (status === 401) return endedAt('idle');
    if (status === 200) restart();
  }

  const left = warning ? Math.max(0, warning.at - now) : 0;
  const countdown = `${Math.floor(left / MINUTE)}:${String(Math.floor((left % MINUTE) / 1000)).padStart(2, '0')}`;

  return (
    <dialog
      ref={dialog}
      className="pitf-dialog"
      aria-labelledby="session-timeout-heading"
      aria-describedby="session-timeout-text"
      data-testid="session-timeout"
      onCancel={(event) => {
        // Escape means "I'm here" for the idle warning; the 12-hour limit cannot be put off.
        event.preventDefault();
        if (warning?.kind === 'idle') void staySignedIn();
        else dismissAbsolute();
      }}
    >
      <h2 id="session-timeout-heading" className="margin-top-0">
        {warning?.kind === 'absolute' ? 'Your session is about to reach its limit' : 'Are you still there?'}
      </h2>
      <p id="session-timeout-text">
        {warning?.kind === 'absolute'
          ? `Sessions last at most 12 hours. You will be signed out in ${countdown}; save your work, then sign in again.`
          : `You will be signed out in ${countdown} because there has been no activity for a while. Anything not yet saved stays on this page until then.`}
      </p>
      <div>
        {warning?.kind === 'absolute' ? (
          <button type="button" className="usa-button" onClick={dismissAbsolute}>
            Continue for now
          </button>
        ) : (
          <button type="button" className="usa-button" onClick={() => void staySignedIn()}>
            Stay signed in
          </button>
        )}
        <button type="button" className="usa-button usa-button--outline" onClick={() => void signOut('/login?reason=signed_out')}>
          Sign out now
        </button>
      </div>
    </dialog>
  );
}
