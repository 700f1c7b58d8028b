/**
 * Passkey requests. The authenticator's answer is checked in full by @simplewebauthn/server; here
 * only its outline, so that a malformed one is a 400 naming the field rather than an exception.
 */
import { z } from 'zod';
import { ROLES } from '@/lib/domain';
import { text } from './text';

const base64url = z.string().max(4096).regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url text.');

const challengeId = z.string({ error: 'Send the challengeId you were given with the options.' }).min(1).max(64);

export const registrationResponse = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: base64url, attestationObject: base64url.max(16_384) }),
});

export const authenticationResponse = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url }),
});

export const registerPasskeySchema = z.strictObject({
  challengeId,
  name: text({ error: 'Name the passkey.' }).min(1, 'Name the passkey, e.g. "Work laptop".').max(60, 'At most 60 characters.'),
  response: registrationResponse,
});

export const verifyPasskeySchema = z.strictObject({ challengeId, response: authenticationResponse });

export const passkeyIdParams = z.object({ id: base64url });

export const signInPolicySchema = z.strictObject({
  phishingResistantRoles: z.array(z.enum(ROLES, { error: `Each role is one of ${ROLES.join(', ')}.` })).max(ROLES.length),
});
export type SignInPolicyBody = z.input<typeof signInPolicySchema>;
