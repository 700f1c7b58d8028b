/** `npm run audit:verify`: checks the audit trail's hash chain; exits 1 naming the first broken event. */
import { closeDb, databasePath, getSqlite } from '@/db';
import { verifyAuditChain } from '@/db/audit-verify';

const { checked, broken } = verifyAuditChain(getSqlite());
closeDb();
if (broken) {
  console.error(`Audit trail of ${databasePath()} is broken at event ${broken.id}: ${broken.reason}.`);
  process.exit(1);
}
console.log(`Audit trail of ${databasePath()} holds: ${checked} events, every link intact.`);
