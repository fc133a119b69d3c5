import type { RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { VISIT_COOKIE } from '$lib/kiosk/analytics';
import type { AnalyticsKind } from '../db/analytics.schema.ts';
import { app } from '../app.ts';
import { isAssisting } from '../staff-kiosk.ts';
import { isVisitId, type AnalyticsChannel, type AnalyticsInput, type AnalyticsRecorder } from './recorder.ts';

/** Where an action happened, as far as analytics may know: never who. */
export interface EventContext {
	store: string | null;
	channel: AnalyticsChannel;
	visit: string | null;
}

type ContextSource = Pick<RequestEvent, 'locals' | 'url' | 'cookies'>;

/**
 * The store, channel and visit of a request: the store a kiosk is bound to, the visit id the
 * kiosk layout keeps in a cookie (random, drawn afresh at every reset), and the channel:
 * phone pages are `phone`, a kiosk with an associate signed in is `associate`, a kiosk
 * (bound, or showing the kiosk pages) is `kiosk`, anything else `api`.
 */
export function contextOf(event: ContextSource): EventContext {
	const cookie = event.cookies.get(VISIT_COOKIE);
	const visit = isVisitId(cookie) ? cookie : null;
	const kiosk = event.locals.kiosk;
	const channel: AnalyticsChannel = event.url.pathname.startsWith('/m/')
		? 'phone'
		: kiosk && isAssisting(event.locals.user)
			? 'associate'
			: kiosk || visit
				? 'kiosk'
				: 'api';
	return { store: kiosk?.storeCode ?? null, channel, visit };
}

/** The running app's recorder; none before start-up, in scripts and in unit tests of other modules. */
function recorder(): AnalyticsRecorder | undefined {
	try {
		return (app() as { analytics?: AnalyticsRecorder }).analytics;
	} catch {
		return undefined;
	}
}

/** The request being handled, if any (a function called from a script has none). */
function currentRequest(): ContextSource | undefined {
	try {
		return getRequestEvent();
	} catch {
		return undefined;
	}
}

type Fields = Omit<AnalyticsInput, 'kind' | 'channel' | 'visit'> & Partial<Pick<AnalyticsInput, 'channel' | 'visit'>>;

/**
 * Records one shopper action seen by the request being handled, with its store, channel and
 * visit (fields given here win). Costs an array push: the write happens later, in a batch.
 * Never throws, so no shopper ever sees an error because of analytics.
 */
export function track(kind: AnalyticsKind, fields: Fields = {}, event: ContextSource | undefined = currentRequest()): boolean {
	const r = recorder();
	if (!r || !event) return false;
	try {
		const ctx = contextOf(event);
		return r.record({ kind, ...ctx, ...withoutUndefined(fields) });
	} catch {
		return false;
	}
}

/**
 * Records a shopper's search, only from a kiosk visit: searches from the PIM's "try it",
 * other channels or a screen without a visit are not what shoppers looked for. The recorder
 * counts the query once the shopper stops typing.
 */
export function trackSearch(query: string | undefined, results: number, event: ContextSource | undefined = currentRequest()): boolean {
	if (!event || !query?.trim()) return false;
	const ctx = contextOf(event);
	if (!ctx.visit || (ctx.channel !== 'kiosk' && ctx.channel !== 'associate')) return false;
	return track('search', { query, results }, event);
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
