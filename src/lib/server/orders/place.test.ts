import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ConflictError, ValidationError } from '$pim';
import { outbox } from '$pim/search/search.schema.ts';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { AppDb } from '../db/index.ts';
import { outgoingMessage } from '../db/orders.schema.ts';
import { checkoutSchema } from './checkout.ts';
import { placeOrder, statusToken } from './place.ts';
import { getOrder, orderByStatusToken } from './queries.ts';
import { DELIVERY, seedOrdersCatalog, stock, stockAt } from './test-fixture.ts';
import type { CheckoutInput } from './checkout.ts';

let db: AppDb;
let cleanup: () => void;
let storeId: number;
let sku: Map<string, number>;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	({ storeId, sku } = seedOrdersCatalog(db));
});
afterEach(() => cleanup());

const place = (lines: [string, number][], key = 'k1', checkout: CheckoutInput = DELIVERY) =>
	placeOrder(db, { idempotencyKey: key, storeId, channel: 'kiosk', locale: 'en', lines: lines.map(([s, quantity]) => ({ variantId: sku.get(s)!, quantity })), checkout, actor: 'kiosk SEA1', secret: 's3cret' });

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('placeOrder', () => {
	it('reserves the stock, writes the order, its event and confirmation, and tells search', () => {
		const v = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', v, 10);
		const before = db.select().from(outbox).all().length;
		const { order, repeated } = place([['TSH-1-RED-M', 3]]);
		expect(repeated).toBe(false);
		expect(order.code).toMatch(/^SEA1-[A-HJ-NP-Z2-9]{6}$/);
		expect(order).toMatchObject({ status: 'placed', fulfilment: 'delivery', subtotal: 5700, customer: { name: 'Ada Lovelace', email: 'ada@example.com', erased: false } });
		expect(order.lines).toEqual([expect.objectContaining({ sku: 'TSH-1-RED-M', name: 'Cotton T-shirt TSH-1 (Red · M)', quantity: 3, location: 'Warehouse' })]);
		expect(order.events.map((e) => e.type)).toEqual(['placed']);
		expect(stockAt(db, 'WH', v)).toEqual({ onHand: 10, reserved: 3 });
		expect(db.select().from(outgoingMessage).all()).toEqual([expect.objectContaining({ kind: 'confirmation', recipient: 'ada@example.com', status: 'pending' })]);
		expect(db.select().from(outbox).all().length).toBeGreaterThan(before);
	});

	it('returns the same order for the same idempotency key, reserving once', () => {
		const v = sku.get('CHR-1')!;
		stock(db, 'WH', v, 10);
		const first = place([['CHR-1', 2]], 'tap');
		const again = place([['CHR-1', 2]], 'tap');
		expect(again.repeated).toBe(true);
		expect(again.order.id).toBe(first.order.id);
		expect(again.statusToken).toBe(first.statusToken);
		expect(stockAt(db, 'WH', v).reserved).toBe(2);
	});

	it('names the line that cannot be sourced and reserves nothing', () => {
		const chairId = sku.get('CHR-1')!;
		const shirt = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', chairId, 10);
		stock(db, 'WH', shirt, 3); // one promisable
		const e = thrown(() => place([['CHR-1', 1], ['TSH-1-RED-M', 2]]));
		expect(e).toBeInstanceOf(ConflictError);
		expect((e as ConflictError).issues).toEqual([{ path: `lines.${shirt}`, message: 'Only 1 can be ordered' }]);
		expect(stockAt(db, 'WH', chairId).reserved).toBe(0);
		expect(getOrder(db, 1)).toBeNull();
	});

	it('refuses invalid checkout details field by field', () => {
		stock(db, 'WH', sku.get('CHR-1')!, 10);
		const e = thrown(() => place([['CHR-1', 1]], 'k', { name: ' ', email: 'nope', fulfilment: 'delivery', address: { line1: 'x', city: 'Berlin', postalCode: '1234', country: 'DE' } }));
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).issues.map((i) => i.path).sort()).toEqual(['address.postalCode', 'email', 'name']);
	});

	it('finds the order by its status token, and by nothing else', () => {
		stock(db, 'WH', sku.get('CHR-1')!, 10);
		const { order, statusToken: token } = place([['CHR-1', 1]]);
		expect(token).toBe(statusToken('s3cret', order.code));
		expect(token.length).toBeGreaterThanOrEqual(40);
		expect(orderByStatusToken(db, token)?.code).toBe(order.code);
		expect(orderByStatusToken(db, statusToken('other', order.code))).toBeNull();
		expect(orderByStatusToken(db, order.code)).toBeNull();
	});
});

describe('checkoutSchema', () => {
	const parse = (c: Partial<CheckoutInput>) => checkoutSchema.safeParse({ ...DELIVERY, ...c });
	const paths = (c: Partial<CheckoutInput>) => {
		const r = parse(c);
		return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
	};

	it('needs an e-mail or a phone', () => {
		expect(paths({ email: '', phone: '' })).toEqual(['contact']);
		expect(paths({ email: '', phone: '+1 (206) 555-0100' })).toEqual([]);
		expect(parse({ email: '', phone: '+1 (206) 555-0100' }).data?.phone).toBe('+12065550100');
	});

	it('checks postal codes per country and refuses countries not shipped to', () => {
		const at = (country: string, postalCode: string) => paths({ address: { ...DELIVERY.address, country, postalCode } });
		expect(at('US', '98101-1234')).toEqual([]);
		expect(at('US', '9810')).toEqual(['address.postalCode']);
		expect(at('GB', 'sw1a 1aa')).toEqual([]);
		expect(at('CN', '100000')).toEqual([]);
		expect(at('RU', '10100')).toEqual(['address.postalCode']);
		expect(at('JP', '100-0001')).toEqual(['address.country']);
	});

	it('needs no address for collection', () => {
		const r = parse({ fulfilment: 'collect', address: null });
		expect(r.success && r.data.address).toBeUndefined();
		expect(paths({ address: null })).toEqual(['address']);
	});
});
