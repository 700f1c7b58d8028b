/**
 * Secrets in addresses that work without signing in. An unsubscribe token names one person and one
 * kind of notification, signed with a key derived from the server's secret, so it cannot be made
 * for anyone else; a calendar feed token is random, and only its SHA-256 is stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from './domain';
import { appOrigin, authSecret } from './env';

const unsubscribeKey = () => createHmac('sha256', authSecret()).update('pitf-unsubscribe-v1').digest();

function signature(payload: string): string {
  return createHmac('sha256', unsubscribeKey()).update(payload).digest('base64url');
}

export function unsubscribeToken(userId: number, kind: NotificationKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${signature(payload)}`;
}

export function unsubscribeUrl(userId: number, kind: NotificationKind): string {
  return new URL(`/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId, kind))}`, appOrigin()).toString();
}

/** The one-click address mail clients POST to (RFC 8058). */
export function oneClickUnsubscribeUrl(userId: number, kind: NotificationKind): string {
  return new URL(`/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId, kind))}`, appOrigin()).toString();
}

/** The person and kind a token names, or null when it was not made by this server. */
export function readUnsubscribeToken(token: string): { userId: number; kind: NotificationKind } | null {
  const match = /^(\d{1,10})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, kind, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(signature(`${id}.${kind}`));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  return { userId: Number(id), kind: kind as NotificationKind };
}

/** A new calendar feed secret and the hash that is stored for it. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: feedTokenHash(token) };
}

export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function calendarFeedUrl(token: string): string {
  return new URL(`/api/calendar/${token}`, appOrigin()).toString();
}
