import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: ['./pim/**/*.schema.ts', './src/lib/server/db/*.schema.ts'],
	out: './drizzle',
	strict: true,
	verbose: true
});
