// `npm run user:add -- --email a@b.co --name "Ada" --role admin [--store SEA1]`: adds a member
// of staff to the database in AISLE_DATA_DIR (or ./data). The password is read from the
// AISLE_NEW_PASSWORD environment variable or typed at the prompt, never from the command line.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConflictError, ValidationError } from '../pim/index.ts';
import { createUser } from '../src/lib/server/auth.ts';
import { loadConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';

const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, store: { type: 'string' } }
});
let password = process.env.AISLE_NEW_PASSWORD ?? '';
if (!password) {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	password = await rl.question('Password (at least 10 characters): ');
	rl.close();
}
const config = loadConfig();
const db = openDatabase(config.dbFile, config.root);
try {
	await createUser(db, { email: values.email ?? '', name: values.name ?? values.email ?? '', role: values.role as never, homeStore: values.store ?? null, password });
	console.log(`Added ${values.role} ${values.email}.`);
} catch (e) {
	if (e instanceof ValidationError || e instanceof ConflictError) {
		for (const i of e.issues) console.error(`  ${i.path}: ${i.message}`);
		process.exitCode = 1;
	} else throw e;
} finally {
	db.$client.close();
}
