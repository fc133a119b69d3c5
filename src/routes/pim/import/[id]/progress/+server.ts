import { error, json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { importProgress } from '$lib/server/imports';
import type { RequestHandler } from './$types';

// JSON, not a page: the run page polls it for its progress bar while the import runs.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const progress = importProgress({ db: app().db, dataDir: app().config.dataDir }, Number(event.params.id));
	if (!progress) error(404, 'No such import');
	return json(progress, { headers: { 'cache-control': 'no-store' } });
};
