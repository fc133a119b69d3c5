/**
 * Shopper analytics: what people search for (and do not find), scan, open, add to the cart
 * and order, recorded without personal data in batches off the request's path, and the
 * reports the PIM shows.
 *
 * The app imports the recorder from './recorder.ts' (this module reaches the app for `track`).
 */
export { AnalyticsRecorder, isVisitId, pruneAnalytics, type AnalyticsChannel, type AnalyticsInput, type RecorderOptions } from './recorder.ts';
export { localDay, looksPersonal, MAX_QUERY_CHARS, normalizeQuery, startOfDay } from './normalize.ts';
export { contextOf, track, trackSearch, type EventContext } from './track.ts';
export { BEACON_LIMIT, BeaconError, beaconSchema, MAX_BEACON_BYTES, readBeacon, recordBeacon, type Beacon } from './beacon.ts';
export type { AnalyticsKind } from '../db/analytics.schema.ts';
export * from './report.ts';
export { MAX_EXPORT_ROWS, majorUnits, REPORT_TABLES, reportTable, safeCell, type ReportTableName, type Table } from './tables.ts';
