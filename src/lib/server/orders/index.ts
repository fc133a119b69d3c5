/**
 * Endless-aisle orders: sourcing and quotes, placing with reservations, the lifecycle at the
 * counter, returns and customer data. Import as a namespace: `orders.placeOrder(db, …)`.
 */
export * from './types.ts';
export * from './settings.ts';
export * from './checkout.ts';
export { quote, pickSources, taxOf, roundHalfAway } from './sourcing.ts';
export { placeOrder, statusToken, newOrderCode } from './place.ts';
export { getOrder, listOrders, orderByStatusToken, ORDERS_PER_PAGE } from './queries.ts';
export { markPaid, allocate, ship, markDelivered, markReady, markCollected, cancel, expireUnpaid } from './lifecycle.ts';
export { recordReturn, type ReturnInput } from './returns.ts';
export { findCustomerOrders, eraseCustomerData, eraseExpiredCustomerData } from './privacy.ts';
export { MESSAGE_SUBJECTS, type MessageKind } from './events.ts';
