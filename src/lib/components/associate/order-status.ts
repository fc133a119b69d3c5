import type { OrderStatus } from '$lib/server/db/orders.schema';

/** The badge colour of each order status (the staff badges: waiting, moving, done, stopped). */
export const STATUS_BADGE: Record<OrderStatus, string> = {
	placed: 'pending',
	paid: 'enqueued',
	allocated: 'processing',
	shipped: 'processing',
	ready: 'enqueued',
	delivered: 'succeeded',
	collected: 'succeeded',
	cancelled: 'failed'
};

/** Order statuses in lifecycle order, as the filters list them. */
export const STATUS_LABELS: Record<OrderStatus, string> = {
	placed: 'Placed',
	paid: 'Paid',
	allocated: 'Allocated',
	shipped: 'Shipped',
	delivered: 'Delivered',
	ready: 'Ready for collection',
	collected: 'Collected',
	cancelled: 'Cancelled'
};

/** A time as staff read it: "3 Jan 2025, 14:05". */
export function when(iso: string | null): string {
	return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}
