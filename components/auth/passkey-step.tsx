'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AFTER_SIGN_IN_PATH } from '@/lib/landing';
import { passkeyErrorMessage, provePasskey, registerPasskey } from '@/lib/passkeys-client';

/** The passkey step after a password: prove one (`passkey`) or register a first one (`enrol`). */
export function PasskeyStep({ step }: { step: 'passkey' | 'enrol' }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setBusy(true);
    setError(null);
    try {
      if (step === 'passkey') await provePasskey();
      else await registerPasskey(name.trim() || 'Passkey');
      // The server components render again for the completed session, from the user's landing page.
      router.replace(AFTER_SIGN_IN_PATH);
      router.refresh();
    } catch (e) {
      setError(passkeyErrorMessage(e));
      setBusy(false);
    }
  }

  return (
    <form
      className="usa-form usa-form--large"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <div aria-live="assertive" role="alert" data-testid="passkey-step-error">
        {error ? (
          <div className="usa-alert usa-alert--error">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">That did not work</h2>
              <p className="usa-alert__text">{error}</p>
            </div>
          </div>
        ) : null}
      </div>
      {step === 'enrol' ? (
        <>
          <label className="usa-label" htmlFor="passkey-name">
            Name for the passkey
          </label>
          <span className="usa-hint" id="passkey-name-hint">
            Where it lives, e.g. “Work laptop” or “Security key”.
          </span>
          <input className="usa-input" id="passkey-name" aria-describedby="passkey-name-hint" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </>
      ) : null}
      <button type="submit" className="usa-button" disabled={busy}>
        {step === 'passkey' ? 'Use my passkey' : 'Register a passkey'}
      </button>
    </form>
  );
}
