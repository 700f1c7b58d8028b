/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (opening the database does it). */
import { closeDb, databasePath, getDb } from './index';

getDb();
closeDb();
console.log(`Migrations applied to ${databasePath()}`);
