import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { customerOrder, orderLine, outgoingMessage, shipment } from '../db/orders.schema.ts';
import { location, store } from '../db/store.schema.ts';
import { getOrder } from '../orders/queries.ts';
import type { OrderView } from '../orders/types.ts';
import { renderOrderMessage } from './templates.ts';
import { createMailTransport, type MailTransport } from './transport.ts';
import { MailWorker } from './worker.ts';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read a message back. */
function decodeQp(raw: string): string {
	return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
	smtp = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	port = (smtp.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

let t: ReturnType<typeof createTestDb>;
let outboxDir: string;
let transport: MailTransport | null = null;

beforeEach(() => {
	t = createTestDb();
	outboxDir = mkdtempSync(join(tmpdir(), 'aisle-mail-'));
	received.length = 0;
});

afterEach(() => {
	transport?.close();
	transport = null;
	t.cleanup();
	rmSync(outboxDir, { recursive: true, force: true });
});

/** A store, its shelf location and one delivery order with two lines, queued for a message. */
function seedOrder(customer: { name: string; email: string | null }, kind = 'confirmation') {
	const { db } = t;
	const s = db
		.insert(store)
		.values({ code: 'SEA1', name: 'Aisle Seattle Downtown', street: '1520 4th Ave', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US', latitude: 47.6, longitude: -122.3, currency: 'USD', taxRateBp: 1035, timezone: 'America/Los_Angeles' })
		.returning()
		.get();
	const loc = db.insert(location).values({ code: 'WH1', kind: 'warehouse', name: 'Kent warehouse', latitude: 47.4, longitude: -122.2, ships: true }).returning().get();
	const order = db
		.insert(customerOrder)
		.values({
			code: 'K7QX2M',
			statusTokenHash: 'hash-1',
			idempotencyKey: 'key-1',
			storeId: s.id,
			channel: 'kiosk',
			fulfilment: 'delivery',
			currency: 'USD',
			subtotal: 25998,
			shippingFee: 0,
			tax: 2691,
			total: 28689,
			customerName: customer.name,
			customerEmail: customer.email,
			address: { line1: '1 Pike St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
			locale: 'en',
			expiresAt: '2026-11-24T18:00:00.000Z'
		})
		.returning()
		.get();
	const sh = db.insert(shipment).values({ orderId: order.id, locationId: loc.id, fee: 0, estimatedDate: '2026-11-27', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }).returning().get();
	db.insert(orderLine).values([
		{ orderId: order.id, shipmentId: sh.id, locationId: loc.id, sku: 'CHAIR-OAK', name: 'Oak chair', quantity: 2, unitPrice: 12999 }
	]).run();
	const msg = db.insert(outgoingMessage).values({ orderId: order.id, kind, recipient: customer.email, subject: `Your Aisle order ${order.code}` }).returning().get();
	return { orderId: order.id, messageId: msg.id };
}

function workerWith(tr: MailTransport) {
	transport = tr;
	return new MailWorker({
		db: t.db,
		transport: tr,
		loadOrder: (id) => getOrder(t.db, id),
		statusUrl: (code) => `https://aisle.example/m/o/token-for-${code}`,
		retentionDays: () => 90
	});
}

const messageRow = (id: number) => t.db.select().from(outgoingMessage).where(eq(outgoingMessage.id, id)).get()!;

describe('mail worker', () => {
	it('sends the confirmation through a real SMTP server, and it reads back with recipient, subject and status link', async () => {
		const { messageId } = seedOrder({ name: 'Ada Lovelace', email: 'ada@example.com' });
		const worker = workerWith(createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Aisle <orders@aisle.local>', outboxDir }));

		expect(await worker.runOnce()).toBe(1);

		expect(received).toHaveLength(1);
		const mail = received[0];
		expect(mail.to).toEqual(['ada@example.com']);
		expect(mail.from).toBe('orders@aisle.local');
		const text = decodeQp(mail.raw);
		expect(text).toMatch(/^Subject: Your Aisle order K7QX2M$/m);
		expect(text).toMatch(/^To: ada@example\.com$/m);
		expect(text).toContain('https://aisle.example/m/o/token-for-K7QX2M');
		expect(text).toContain('pay at the counter of the store with this code: K7QX2M');
		expect(text).toContain('$286.89');
		const row = messageRow(messageId);
		expect(row).toMatchObject({ status: 'sent', attempts: 1, error: null });
		expect(row.sentAt).not.toBeNull();

		expect(await worker.runOnce()).toBe(0);
		expect(received).toHaveLength(1);
	});

	it('writes an .eml file to the outbox when no SMTP server is configured', async () => {
		const { messageId } = seedOrder({ name: 'Ada Lovelace', email: 'ada@example.com' }, 'shipped');
		const worker = workerWith(createMailTransport({ smtpUrl: null, from: 'Aisle <orders@aisle.local>', outboxDir }));

		await worker.runOnce();

		const files = readdirSync(outboxDir);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{9}Z-${messageId}\\.eml$`));
		const eml = decodeQp(readFileSync(join(outboxDir, files[0]), 'utf8'));
		expect(eml).toMatch(/^Subject: Your Aisle order K7QX2M is on its way$/m);
		expect(eml).toContain('UPS, tracking number 1Z999AA10123456784');
		expect(messageRow(messageId).status).toBe('written');

		expect(transport!.forget([messageId + 1])).toBe(0);
		expect(transport!.forget([messageId])).toBe(1);
		expect(readdirSync(outboxDir)).toEqual([]);
	});

	it('counts failed attempts against a closed port, retries after the backoff and gives up after five', async () => {
		const closed = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const p = (probe.address() as AddressInfo).port;
				probe.close(() => resolve(p));
			});
		});
		const { messageId } = seedOrder({ name: 'Ada Lovelace', email: 'ada@example.com' });
		const worker = workerWith(createMailTransport({ smtpUrl: `smtp://127.0.0.1:${closed}`, from: 'Aisle <orders@aisle.local>', outboxDir }));
		let now = Date.now();

		await worker.runOnce(new Date(now));
		expect(messageRow(messageId)).toMatchObject({ status: 'pending', attempts: 1 });
		expect(messageRow(messageId).error).toMatch(/ECONNREFUSED|connect/i);

		expect(await worker.runOnce(new Date(now + 1000))).toBe(0);
		expect(messageRow(messageId).attempts).toBe(1);

		for (let attempt = 2; attempt <= 5; attempt++) {
			now += 3600_000;
			await worker.runOnce(new Date(now));
			expect(messageRow(messageId).attempts).toBe(attempt);
		}
		expect(messageRow(messageId)).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });

		expect(await worker.runOnce(new Date(now + 86400_000))).toBe(0);
	});

	it('does not send to a phone-only customer and records why', async () => {
		const { messageId } = seedOrder({ name: 'Ada Lovelace', email: null });
		const worker = workerWith(createMailTransport({ smtpUrl: null, from: 'Aisle <orders@aisle.local>', outboxDir }));

		await worker.runOnce();

		expect(messageRow(messageId)).toMatchObject({ status: 'failed', error: 'no e-mail address' });
		expect(existsSync(outboxDir) ? readdirSync(outboxDir) : []).toEqual([]);
	});

	it('lets only one of two workers send a message', async () => {
		const { messageId } = seedOrder({ name: 'Ada Lovelace', email: 'ada@example.com' });
		const tr = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Aisle <orders@aisle.local>', outboxDir });
		const a = workerWith(tr);
		const b = workerWith(tr);

		const [sentA, sentB] = await Promise.all([a.runOnce(), b.runOnce()]);

		expect(sentA + sentB).toBe(1);
		expect(received).toHaveLength(1);
		expect(messageRow(messageId).status).toBe('sent');
	});
});

describe('renderOrderMessage', () => {
	const order = (over: Partial<OrderView> = {}): OrderView => ({
		id: 1,
		code: 'K7QX2M',
		status: 'placed',
		fulfilment: 'delivery',
		channel: 'kiosk',
		storeCode: 'SEA1',
		storeName: 'Aisle Seattle Downtown',
		currency: 'EUR',
		subtotal: 10000,
		shippingFee: 500,
		tax: 1597,
		total: 10500,
		customer: { name: '<script>alert(1)</script> & Co', email: 'x@example.com', phone: null, address: { line1: '<b>1</b> Rue "Haute"', city: 'Paris', postalCode: '75001', country: 'FR' }, erased: false },
		lines: [{ id: 1, sku: 'CHAIR-OAK', name: 'Oak chair', quantity: 1, unitPrice: 10000, returnedQuantity: 0, location: 'Warehouse', shipmentId: null }],
		shipments: [],
		events: [],
		posReference: null,
		associate: null,
		expiresAt: '2026-11-24T18:00:00.000Z',
		createdAt: '2026-11-23T18:00:00.000Z',
		...over
	});

	it('escapes what the shopper typed in the HTML, and keeps it readable in the text', () => {
		const m = renderOrderMessage(order(), 'confirmation', 'en', { statusUrl: 'https://aisle.example/m/o/abc' });

		expect(m.html).not.toContain('<script>');
		expect(m.html).not.toContain('<b>1</b>');
		expect(m.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co');
		expect(m.html).toContain('href="https://aisle.example/m/o/abc"');
		expect(m.text).toContain('Hello <script>alert(1)</script> & Co,');
		expect(m.text).toContain('Tax included: €15.97');
	});

	it('speaks the order’s language, with its money format', () => {
		const ru = renderOrderMessage(order({ customer: { name: 'Анна', email: 'a@example.com', phone: null, address: null, erased: false } }), 'cancelled', 'ru-RU', { statusUrl: 'https://x/m/o/1' });
		const zh = renderOrderMessage(order({ fulfilment: 'collect', status: 'ready' }), 'ready', 'zh-CN', { statusUrl: 'https://x/m/o/1', store: { name: 'Aisle Seattle Downtown', street: '1520 4th Ave', city: 'Seattle', postalCode: '98101' } });

		expect(ru.subject).toBe('Ваш заказ Aisle K7QX2M отменён');
		expect(ru.text).toContain('Здравствуйте, Анна!');
		expect(ru.text).toMatch(/Итого: 105,00\s€/);
		expect(zh.subject).toBe('您的 Aisle 订单 K7QX2M 可以取货了');
		expect(zh.text).toContain('1520 4th Ave');
		expect(zh.text).toContain('取货时请在收银台出示此代码：K7QX2M');
	});
});
