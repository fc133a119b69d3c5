// What a scanned code means to the kiosk, decided in the browser before asking the server:
// one of our product links, a GS1 Digital Link or element string, a plain GTIN, or nothing of ours.
import { toGtin14 } from '$lib/gtin';

export type ScanResult = { kind: 'product'; code: string; sku?: string } | { kind: 'gtin'; gtin14: string } | { kind: 'unknown' };

export interface ScanOptions {
	/** Origins whose `/p/<code>` and `/m/p/<code>` links are ours (this screen's and the public URL). */
	origins: string[];
	/** The symbology reported by the decoder; `'upc-e'` reads 8 digits as UPC-E rather than EAN-8. */
	format?: 'upc-e';
}

const UNKNOWN: ScanResult = { kind: 'unknown' };

/** Reads a scanned text as a product link, a GTIN (GS1 Digital Link, GS1 element string or plain) or unknown. */
export function parseScan(raw: string, opts: ScanOptions): ScanResult {
	const text = raw.trim();
	if (/^[\d\s-]+$/.test(text)) return gtinResult(toGtin14(text, opts.format));
	const element = /^(?:\]d2|\]C1|\]Q3)?\(?01\)?(\d{14})(?:\D|\d|$)/.exec(text);
	if (element && !/^https?:/i.test(text)) return gtinResult(toGtin14(element[1]));
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return UNKNOWN;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return UNKNOWN;
	// GS1 Digital Link from any brand's label: the GTIN is the key, whatever the host or path prefix.
	const dl = /\/01\/(\d{8,14})(?:\/|$)/.exec(url.pathname);
	if (dl) return gtinResult(toGtin14(dl[1]));
	if (!opts.origins.some((o) => sameOrigin(o, url))) return UNKNOWN;
	const link = /^\/(?:m\/)?p\/([^/]+)\/?$/.exec(url.pathname);
	if (!link) return UNKNOWN;
	const code = safeDecode(link[1]);
	if (!code) return UNKNOWN;
	const sku = url.searchParams.get('v')?.trim();
	return sku ? { kind: 'product', code, sku } : { kind: 'product', code };
}

function gtinResult(gtin14: string | null): ScanResult {
	return gtin14 ? { kind: 'gtin', gtin14 } : UNKNOWN;
}

function sameOrigin(origin: string, url: URL): boolean {
	try {
		return new URL(origin).origin === url.origin;
	} catch {
		return false;
	}
}

function safeDecode(segment: string): string | null {
	try {
		return decodeURIComponent(segment).trim() || null;
	} catch {
		return null;
	}
}
