import { error } from '@sveltejs/kit';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { app } from '$lib/server/app';
import type { RequestHandler } from './$types';

const TYPES: Record<string, string> = { webp: 'image/webp', avif: 'image/avif', glb: 'model/gltf-binary', usdz: 'model/vnd.usdz+zip' };
// Only content-addressed names: nothing else under the data directory can be reached.
const SAFE = /^(images|models)\/[0-9a-f]{2}\/[0-9a-f]{64}(-\d{2,4}|-ar)?\.(webp|avif|glb|usdz)$/;

// Files, not pages: uploaded and generated media live in the data directory, not in static/.
export const GET: RequestHandler = async ({ params, request }) => {
	if (!SAFE.test(params.path)) error(404, 'Not found');
	const file = join(app().config.mediaDir, params.path);
	const info = await stat(file).catch(() => null);
	if (!info) error(404, 'Not found');
	const etag = `"${params.path.split('/').pop()}"`;
	const headers = {
		'content-type': TYPES[params.path.split('.').pop()!],
		'cache-control': 'public, max-age=31536000, immutable',
		etag
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(await readFile(file), { headers: { ...headers, 'content-length': String(info.size) } });
};
