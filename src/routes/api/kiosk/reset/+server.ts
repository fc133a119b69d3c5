import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Called by the idle reset, then the screen reloads: not a page. It ends what the server
// keeps for this shopper (today the language; the cart joins it with the cart).
export const POST: RequestHandler = async ({ cookies }) => {
	cookies.delete('aisle_lang', { path: '/' });
	return json({ ok: true });
};
