import { z } from 'zod';
import { ROLES } from '@/lib/domain';
import { paging, routeId, slug, whenValid } from './common';
import { text } from './text';

const anEmail = z.email();
// One message per field: an empty address is "enter one", not also "not valid".
const email = text({ error: 'Enter an e-mail address.' })
  .min(1, 'Enter an e-mail address.')
  .max(254, 'An e-mail address has at most 254 characters.')
  .refine((e) => e === '' || anEmail.safeParse(e).success, 'Enter a valid e-mail address.')
  .transform((e) => e.toLowerCase());
const name = text({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(120, 'Use at most 120 characters.');
const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}.` });
const agency = slug.nullable();

/** An official reports for one agency; no other role has one. Checked with the other fields, so one answer names them all. */
const agencyFitsRole = (u: { role?: string; agency?: string | null }, ctx: z.RefinementCtx) => {
  if (u.role === 'official' && !u.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Choose the agency this official reports for.' });
  if (u.role !== undefined && u.role !== 'official' && u.agency) {
    ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Only agency officials belong to an agency; leave it empty for this role.' });
  }
};

export const createUserSchema = z.strictObject({ email, name, role, agency: agency.optional() }).superRefine(agencyFitsRole, whenValid('role', 'agency'));
export type CreateUserInput = z.infer<typeof createUserSchema>;
/** What the browser sends to create an account (before the server normalises it). */
export type CreateUserBody = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({ name: name.optional(), role: role.optional(), agency: agency.optional(), active: z.boolean({ error: 'active is true or false.' }).optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of name, role, agency, active.');
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type UpdateUserBody = z.input<typeof updateUserSchema>;

export const userListQuery = z.object({
  q: text().max(100, 'Use at most 100 characters.').optional(),
  role: role.optional().or(z.literal('').transform(() => undefined)),
  agency: slug.optional().or(z.literal('').transform(() => undefined)),
  status: z.enum(['active', 'deactivated'], { error: 'status is active or deactivated.' }).optional().or(z.literal('').transform(() => undefined)),
  ...paging,
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userIdParams = z.object({ id: routeId });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
  newPassword: z.string({ error: 'Enter a new password.' }).min(1, 'Enter a new password.').max(1024, 'Use at most 128 characters.'),
});
export type ChangePasswordBody = z.input<typeof changePasswordSchema>;

const agencyName = text({ error: 'Enter the name.' }).min(3, 'Enter the full name.').max(120, 'Use at most 120 characters.');
const abbreviation = text({ error: 'Enter the abbreviation.' })
  .min(2, 'Use 2 to 12 characters.')
  .max(12, 'Use 2 to 12 characters.')
  .regex(/^[A-Za-z0-9&.\- ]+$/, 'Use letters, digits, spaces, &, . or -.');

export const createAgencySchema = z.strictObject({ slug, name: agencyName, abbreviation });
export type CreateAgencyBody = z.input<typeof createAgencySchema>;
export const updateAgencySchema = z
  .strictObject({ name: agencyName.optional(), abbreviation: abbreviation.optional(), retired: z.boolean({ error: 'retired is true or false.' }).optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of name, abbreviation, retired.');
export type UpdateAgencyBody = z.input<typeof updateAgencySchema>;
export const agencySlugParams = z.object({ slug });
