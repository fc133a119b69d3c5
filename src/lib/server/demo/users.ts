import type { AppDb } from '../db/index.ts';
import { createUser, type Role } from '../auth.ts';

/** The demo catalog's staff. Their passwords are public (printed by `npm start`): demo only. */
export const DEMO_USERS: { email: string; name: string; role: Role; homeStore: string | null; password: string }[] = [
	{ email: 'merch@aisle.demo', name: 'Mira Merchant', role: 'merchandiser', homeStore: null, password: 'merchandiser-demo' },
	{ email: 'associate@aisle.demo', name: 'Sam Associate', role: 'associate', homeStore: 'SEA1', password: 'associate-demo' },
	{ email: 'admin@aisle.demo', name: 'Ada Admin', role: 'admin', homeStore: null, password: 'admin-demo-pass' }
];

/** Adds the demo staff (part of loading the demo catalog, never of a real one). */
export async function seedDemoUsers(db: AppDb) {
	for (const u of DEMO_USERS) await createUser(db, u);
}
