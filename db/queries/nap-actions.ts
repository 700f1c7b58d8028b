import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../index';
import { napActions } from '../schema';

export function listNapActions() {
  return getDb().select({ code: napActions.code, title: napActions.title }).from(napActions).orderBy(asc(napActions.code)).all();
}
