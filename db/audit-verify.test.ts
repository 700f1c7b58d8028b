import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { verifyAuditChain } from './audit-verify';

describe('audit trail verification', () => {
  it('finds the seeded chain intact', () => {
    const result = verifyAuditChain(getSqlite());
    expect(result.broken).toBeNull();
    expect(result.checked).toBeGreaterThan(0);
  });

  it('names the first altered event, and the command fails naming it', () => {
    const sqlite = getSqlite();
    const target = sqlite.prepare('SELECT id, action FROM audit_events ORDER BY id LIMIT 1').get() as { id: number; action: string };
    // Someone with the file in hand can drop the guard; the chain still shows what they did.
    const triggerSql = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'").get() as { sql: string }).sql;
    sqlite.exec('DROP TRIGGER audit_events_no_update');
    sqlite.prepare("UPDATE audit_events SET action = 'nothing.to.see' WHERE id = ?").run(target.id);
    sqlite.exec(triggerSql);
    try {
      expect(verifyAuditChain(sqlite).broken).toEqual({ id: target.id, reason: 'its content does not match its hash (it was altered)' });
      let output = '';
      let status = 0;
      try {
        execFileSync('npx', ['tsx', 'scripts/audit-verify.ts'], { env: process.env, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const e = error as { status: number; stderr: string };
        status = e.status;
        output = e.stderr;
      }
      expect(status).toBe(1);
      expect(output).toContain(`broken at event ${target.id}`);
    } finally {
      sqlite.exec('DROP TRIGGER audit_events_no_update');
      sqlite.prepare('UPDATE audit_events SET action = ? WHERE id = ?').run(target.action, target.id);
      sqlite.exec(triggerSql);
    }
  });
});
