/**
 * `npm run audit:verify [-- --checkpoint FILE]`: checks the audit trail. Exits 1 with one sentence
 * per failure when the keyed hash chain is broken (naming the first broken event), when the trail
 * no longer reaches the signed checkpoint's head or that head was rewritten, when the checkpoint's
 * signature does not verify, or when the append-only triggers are missing. The checkpoint is the
 * one the server writes (PITF_AUDIT_CHECKPOINT) unless FILE is given, e.g. a backup's
 * `.audit-head.json`.
 */
import path from 'node:path';
import { closeDb, getSqlite } from '@/db';
import { databasePath } from '@/lib/env';
import { compareWithCheckpoint, readAuditCheckpoint, type AuditCheckpoint } from '@/db/audit-checkpoint';
import { missingAuditTriggers } from '@/db/audit-triggers';
import { verifyAuditChain } from '@/db/audit-verify';
import { auditCheckpointPath, auditKeys, type AuditKey } from '@/lib/env';

function checkpointArgument(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--checkpoint' || a.startsWith('--checkpoint='));
  if (i < 0) return undefined;
  const value = args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
  if (!value) {
    console.error('Usage: npm run audit:verify [-- --checkpoint FILE]');
    process.exit(2);
  }
  return path.resolve(value);
}

const given = checkpointArgument(process.argv.slice(2));
const db = databasePath();
let keys: AuditKey[];
try {
  keys = auditKeys();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const sqlite = getSqlite();
const failures: string[] = [];
const notes: string[] = [];

const missing = missingAuditTriggers(sqlite);
if (missing.length > 0) {
  failures.push(`The audit trail's append-only triggers are missing (${missing.join(', ')}). Run \`npm run db:migrate\` to restore them.`);
}

const chain = verifyAuditChain(sqlite, keys);
if (chain.broken) {
  failures.push(`Audit trail of ${db} is broken at event ${chain.broken.id}: ${chain.broken.reason}.`);
} else {
  const parts = Object.entries(chain.byKey).map(([id, n]) => `${n} signed with key "${id}"`);
  if (chain.legacy > 0) parts.push(`${chain.legacy} unkeyed from before the trail was keyed`);
  notes.push(`Audit trail of ${db} holds: ${chain.checked} events${parts.length ? ` (${parts.join(', ')})` : ''}, every link intact.`);

  const file = given ?? auditCheckpointPath();
  let checkpoint: AuditCheckpoint | null | undefined;
  try {
    checkpoint = readAuditCheckpoint(file);
  } catch (error) {
    failures.push(`The checkpoint ${file} cannot be read: ${(error as Error).message}`);
  }
  if (checkpoint === null && given) {
    failures.push(`There is no checkpoint at ${file}.`);
  } else if (checkpoint === null) {
    console.warn(
      `Warning: no audit checkpoint at ${file}; the chain was checked alone, which cannot show newest events cut off or rewritten by someone holding the key.`,
    );
  } else if (checkpoint) {
    const problem = compareWithCheckpoint(sqlite, checkpoint, keys);
    if (problem) failures.push(`${problem} (checkpoint ${file})`);
    else {
      const since = (chain.head?.id ?? 0) > checkpoint.lastId ? chain.checked - checkpoint.count : 0;
      notes.push(
        `Matches the checkpoint ${file} of ${checkpoint.at}: event ${checkpoint.lastId} and the ${checkpoint.count} events up to it are unchanged; ${since} events were added since.`,
      );
    }
  }
}
closeDb();

if (missing.length === 0) notes.push('The append-only triggers are in place.');
if (failures.length > 0) {
  for (const failure of failures) console.error(failure);
  process.exit(1);
}
for (const note of notes) console.log(note);
