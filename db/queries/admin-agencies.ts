/**
 * The member agencies, as the secretariat keeps them: correct a name, add a new member, retire
 * one that left. A retired agency stays in the history (its deliverables, reports and audit
 * events) but drops out of readiness, reminders and new deliverables.
 */
import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { invalid, conflict, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import type { z } from 'zod';
import type { createAgencySchema, updateAgencySchema } from '@/lib/validations/admin';
import { getDb, type Tx } from '../index';
import { agencies, users } from '../schema';
import { deliverablesLed } from './agencies';
import { recordAudit } from './audit';

/** Every agency, retired ones too, with its active officials and the deliverables it leads. */
export function listAgenciesForAdmin() {
  return getDb()
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      abbreviation: agencies.abbreviation,
      retiredAt: agencies.retiredAt,
      // Written out with table names: in a correlated subquery an unqualified "id" would be the inner table's.
      officials: sql<number>`(SELECT count(*) FROM users u WHERE u.agency_id = "agencies"."id" AND u.active = 1)`,
      deliverables: deliverablesLed(),
    })
    .from(agencies)
    .orderBy(sql`${agencies.retiredAt} IS NOT NULL`, asc(agencies.name))
    .all()
    .map((agency) => ({ ...agency, retiredAt: agency.retiredAt?.getTime() ?? null }));
}

function auditView(tx: Tx, id: number) {
  const row = tx.select().from(agencies).where(eq(agencies.id, id)).get();
  return row ? { slug: row.slug, name: row.name, abbreviation: row.abbreviation, retired: row.retiredAt !== null } : null;
}

export function createAgency(actor: SessionUser, input: z.infer<typeof createAgencySchema>) {
  return getDb().transaction((tx) => {
    if (tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, input.slug)).get()) {
      throw invalid('Invalid input: slug.', { slug: [`The short name "${input.slug}" is taken.`] });
    }
    const row = tx.insert(agencies).values(input).returning({ id: agencies.id }).get();
    recordAudit(tx, { actor, action: 'agency.create', entity: 'agency', entityId: input.slug, agencyId: row.id, after: auditView(tx, row.id) });
    return auditView(tx, row.id)!;
  });
}

/**
 * Renames, or retires or reinstates, an agency. Retiring is refused while the agency still has
 * active officials: they are deactivated or moved first, so nobody is left reporting for it.
 */
export function updateAgency(actor: SessionUser, slug: string, input: z.infer<typeof updateAgencySchema>) {
  return getDb().transaction((tx) => {
    const current = tx.select().from(agencies).where(eq(agencies.slug, slug)).get();
    if (!current) throw notFound('The agency');
    const retiring = input.retired === true && current.retiredAt === null;
    if (retiring) {
      const officials = tx.select({ n: count() }).from(users).where(and(eq(users.agencyId, current.id), eq(users.active, true))).get()?.n ?? 0;
      if (officials > 0) {
        throw conflict(
          `${current.name} still has ${officials} active official${officials === 1 ? '' : 's'}. Deactivate them or move them to another agency first.`,
        );
      }
    }
    const before = auditView(tx, current.id);
    const retiredAt = input.retired === undefined ? current.retiredAt : input.retired ? (current.retiredAt ?? new Date()) : null;
    tx.update(agencies)
      .set({ name: input.name ?? current.name, abbreviation: input.abbreviation ?? current.abbreviation, retiredAt, updatedAt: new Date() })
      .where(eq(agencies.id, current.id))
      .run();
    const after = auditView(tx, current.id)!;
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      const action = retiring ? 'agency.retire' : input.retired === false && current.retiredAt ? 'agency.reinstate' : 'agency.update';
      recordAudit(tx, { actor, action, entity: 'agency', entityId: slug, agencyId: current.id, before, after });
    }
    return after;
  });
}
