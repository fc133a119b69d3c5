import type { OrderStatus } from '../db/orders.schema.ts';

export type { OrderStatus };

/** A line the shopper wants: a sellable variant and how many. */
export interface WantedLine {
	variantId: number;
	quantity: number;
}

/** Where one cart line comes from, as the cart and checkout show it. */
export interface QuotedLine {
	variantId: number;
	sku: string;
	name: string;
	/** Variant axes as labels in the asked locale, e.g. "Blue · M". */
	options: string;
	image: string | null;
	quantity: number;
	/** Minor units, the sale price where one applies today. */
	unitPrice: number;
	/** On this store's shelf now (taken to the counter, not ordered), with where to find it. */
	shelf: { available: number; aisle: string | null; bay: string | null } | null;
	/** Units that can be ordered (delivery or collection); less than quantity when short. */
	orderable: number;
}

/** One shipment of a quote or an order: one per source location. */
export interface QuotedShipment {
	locationId: number;
	locationName: string;
	kind: 'store' | 'warehouse';
	lines: { variantId: number; sku: string; name: string; quantity: number; unitPrice: number }[];
	/** Minor units. */
	fee: number;
	/** YYYY-MM-DD. */
	estimatedDate: string;
}

/** What an order for the orderable lines would be: shipments, money and what cannot be sourced. */
export interface Quote {
	currency: string;
	/** Tax rate in basis points and whether prices include it (the store's rules). */
	taxRateBp: number;
	taxIncluded: boolean;
	lines: QuotedLine[];
	shipments: QuotedShipment[];
	subtotal: number;
	shippingFee: number;
	tax: number;
	total: number;
	/** Lines that no location can supply in full. */
	unavailable: { variantId: number; sku: string; name: string; wanted: number; available: number }[];
}

/** A placed order as pages show it. */
export interface OrderView {
	id: number;
	code: string;
	status: OrderStatus;
	fulfilment: 'delivery' | 'collect';
	channel: 'kiosk' | 'associate' | 'api';
	storeCode: string;
	storeName: string;
	currency: string;
	subtotal: number;
	shippingFee: number;
	tax: number;
	total: number;
	customer: { name: string | null; email: string | null; phone: string | null; address: Record<string, string> | null; erased: boolean };
	lines: { id: number; sku: string; name: string; quantity: number; unitPrice: number; returnedQuantity: number; location: string; shipmentId: number | null }[];
	shipments: { id: number; location: string; fee: number; estimatedDate: string; carrier: string | null; trackingNumber: string | null; shippedAt: string | null }[];
	events: { type: string; actor: string; reason: string | null; createdAt: string; data: Record<string, unknown> | null }[];
	posReference: string | null;
	associate: string | null;
	expiresAt: string;
	createdAt: string;
}
