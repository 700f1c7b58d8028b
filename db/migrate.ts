/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (opening the database does it),
 * then re-creates the audit trail's append-only triggers if someone dropped them: migration 0001
 * that made them is recorded as applied and would never run again.
 */
import { restoreAuditTriggers } from './audit-triggers';
import { closeDb, getSqlite } from './index';
import { databasePath } from '@/lib/env';

const restored = restoreAuditTriggers(getSqlite());
closeDb();
console.log(`Migrations applied to ${databasePath()}`);
if (restored.length > 0) console.log(`Restored the audit trail's append-only triggers: ${restored.join(', ')}.`);
