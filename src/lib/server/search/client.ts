import { Meilisearch } from 'meilisearch';

/** Name of the live products index; rebuilds swap a fresh one in under this name. */
export const PRODUCTS_INDEX = 'products';

/**
 * A Meilisearch client for the server only (it holds the master key). Responses are asked
 * for uncompressed: on loopback, decompression costs far more than the bytes saved.
 */
export function createMeiliClient(host: string, apiKey: string, timeout = 5000): Meilisearch {
	return new Meilisearch({
		host,
		apiKey,
		timeout,
		requestInit: { headers: { 'accept-encoding': 'identity' } }
	});
}
