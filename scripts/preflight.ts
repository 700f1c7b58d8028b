/**
 * Run before the server starts: opens the database (which applies pending migrations) and exits 1
 * when the server must not start on it: the audit trail's append-only triggers are missing, no
 * audit key is configured (production needs PITF_AUDIT_KEYS), single sign-on or e-mail is
 * configured only in part (PITF_SSO_*, PITF_SMTP_*), PITF_TIME_ZONE is not a time zone, or
 * PITF_PROCESSES is not a number of server processes.
 */
import { closeDb, getSqlite } from '@/db';
import { databasePath } from '@/lib/env';
import { missingAuditTriggers } from '@/db/audit-triggers';
import { auditKeys, configuredOrigin, mailConfig, serverProcesses, ssoConfig, taskForceTimeZone } from '@/lib/env';

const failures: string[] = [];
try {
  auditKeys();
} catch (error) {
  failures.push(`${(error as Error).message} The server will not start without it.`);
}
try {
  ssoConfig();
} catch (error) {
  failures.push(`Single sign-on is misconfigured: ${(error as Error).message}`);
}
try {
  // Links, unsubscribe addresses and calendar UIDs in e-mails name the app's address: it must be known.
  if (mailConfig() && !configuredOrigin()) throw new Error('PITF_SMTP_HOST is set: NEXTAUTH_URL (the address users reach the app at) must be set too.');
} catch (error) {
  failures.push(`E-mail is misconfigured: ${(error as Error).message}`);
}
for (const check of [taskForceTimeZone, serverProcesses]) {
  try {
    check();
  } catch (error) {
    failures.push((error as Error).message);
  }
}
const missing = missingAuditTriggers(getSqlite());
closeDb();
if (missing.length > 0) {
  failures.push(
    `The audit trail's append-only triggers are missing (${missing.join(', ')}) in ${databasePath()}. Run \`npm run db:migrate\` to restore them; the server will not start without them.`,
  );
}
if (failures.length > 0) {
  for (const failure of failures) console.error(failure);
  process.exit(1);
}
console.log(`Preflight: ${databasePath()} is migrated, its audit trail's append-only triggers are in place and an audit key is configured.`);
