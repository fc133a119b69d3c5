import { formatMoney } from '../../format.ts';
import type { OrderView } from '../orders/types.ts';
import { copyFor, mailLocale, type MailCopy, type MessageKind } from './copy.ts';

/** A message ready for the transport: subject, plain text and HTML. */
export interface RenderedMessage {
	subject: string;
	text: string;
	html: string;
}

/** What a message needs beyond the order itself. */
export interface MessageContext {
	/** The phone status page of the order (the unguessable link). */
	statusUrl: string;
	/** Days after completion or cancellation when customer details are erased. */
	retentionDays?: number;
	/** The store the order was placed in, for collection: name and postal address. */
	store?: { name: string; street: string; city: string; postalCode: string } | null;
	/** Time zone in which to show the payment deadline (the store's). */
	timeZone?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The subject of a message, as the orders module may store it on the outgoing row. */
export function messageSubject(kind: MessageKind, orderCode: string, locale: string): string {
	return copyFor(locale).subject[kind](orderCode);
}

/** City, region and postal code the way the post of that country writes them. */
function cityLines(a: Record<string, string>): string[] {
	if (a.country === 'US') return [`${[a.city, a.region].filter(Boolean).join(', ')} ${a.postalCode ?? ''}`.trim()];
	if (a.country === 'GB') return [a.city, a.region, a.postalCode];
	return [[a.postalCode, a.city].filter(Boolean).join(' '), a.region];
}

function addressLines(order: OrderView, ctx: MessageContext): string[] {
	if (order.fulfilment === 'collect') {
		const s = ctx.store;
		return s ? [s.name, s.street, `${s.postalCode} ${s.city}`] : [order.storeName];
	}
	const a = order.customer.address ?? {};
	return [order.customer.name ?? '', a.line1, a.line2, ...cityLines(a), a.country].filter((l): l is string => !!l);
}

interface Body {
	paragraphs: string[];
	rows: { name: string; quantity: string; price: string }[];
	totals: { label: string; value: string; strong?: boolean }[];
	placeLabel: string;
	place: string[];
	tracking: string[];
}

function compose(order: OrderView, kind: MessageKind, t: MailCopy, locale: string, ctx: MessageContext): Body {
	const money = (n: number) => formatMoney(n, order.currency, locale);
	const paragraphs = [t.intro[kind](order.code)];
	if (kind === 'confirmation') {
		paragraphs.push(t.payAtCounter(order.code));
		const when = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: ctx.timeZone ?? 'UTC', timeZoneName: 'short' }).format(new Date(order.expiresAt));
		if (order.status === 'placed') paragraphs.push(t.payBefore(when));
	}
	if (kind === 'ready') paragraphs.push(t.collectAt(order.code));
	if (kind === 'cancelled') paragraphs.push(t.cancelledNote);
	// A price with tax included leaves the total at subtotal + delivery; tax added on top raises it.
	const included = order.total === order.subtotal + order.shippingFee;
	const totals = [
		{ label: t.subtotal, value: money(order.subtotal) },
		...(order.fulfilment === 'delivery' ? [{ label: t.shipping, value: money(order.shippingFee) }] : []),
		{ label: included ? t.taxIncluded : t.tax, value: money(order.tax) },
		{ label: t.total, value: money(order.total), strong: true }
	];
	const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
	const tracking =
		kind === 'shipped'
			? order.shipments
					.filter((s) => s.trackingNumber)
					.map((s) => `${t.trackingLine(s.carrier ?? '', s.trackingNumber ?? '')} (${t.estimated(dates.format(new Date(`${s.estimatedDate}T00:00:00Z`)))})`)
			: [];
	return {
		paragraphs,
		rows: order.lines.map((l) => ({ name: `${l.name} (${l.sku})`, quantity: String(l.quantity), price: money(l.unitPrice * l.quantity) })),
		totals,
		placeLabel: order.fulfilment === 'collect' ? t.collectFrom : t.deliveryTo,
		place: addressLines(order, ctx),
		tracking
	};
}

function renderText(b: Body, t: MailCopy, order: OrderView, ctx: MessageContext, days: number): string {
	const out = [t.greeting(order.customer.name), '', ...b.paragraphs.flatMap((p) => [p, ''])];
	if (b.tracking.length) out.push(`${t.tracking}:`, ...b.tracking.map((l) => `  ${l}`), '');
	for (const r of b.rows) out.push(`${r.quantity} × ${r.name}  ${r.price}`);
	out.push('', ...b.totals.map((x) => `${x.label}: ${x.value}`), '', `${b.placeLabel}:`, ...b.place.map((l) => `  ${l}`), '');
	out.push(`${t.statusLink}: ${ctx.statusUrl}`, '', t.privacy(days), '', t.signOff, '');
	return out.join('\n');
}

function renderHtml(b: Body, t: MailCopy, order: OrderView, ctx: MessageContext, days: number, lang: string, subject: string): string {
	const cell = 'padding:4px 8px;border-bottom:1px solid #ddd';
	const rows = b.rows.map((r) => `<tr><td style="${cell}">${esc(r.name)}</td><td style="${cell};text-align:right">${esc(r.quantity)}</td><td style="${cell};text-align:right">${esc(r.price)}</td></tr>`);
	const totals = b.totals.map((x) => {
		const v = x.strong ? `<strong>${esc(x.value)}</strong>` : esc(x.value);
		return `<tr><td colspan="2" style="padding:4px 8px;text-align:right">${esc(x.label)}</td><td style="padding:4px 8px;text-align:right">${v}</td></tr>`;
	});
	const tracking = b.tracking.length ? `<h2 style="font-size:16px">${esc(t.tracking)}</h2><ul>${b.tracking.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
	return [
		'<!doctype html>',
		`<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>`,
		'<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,sans-serif;font-size:15px;line-height:1.5">',
		'<div style="max-width:600px;margin:0 auto">',
		`<p>${esc(t.greeting(order.customer.name))}</p>`,
		...b.paragraphs.map((p) => `<p>${esc(p)}</p>`),
		tracking,
		`<table style="border-collapse:collapse;width:100%"><thead><tr><th style="${cell};text-align:left">${esc(t.items)}</th><th style="${cell};text-align:right">${esc(t.quantity)}</th><th style="${cell};text-align:right">${esc(t.price)}</th></tr></thead>`,
		`<tbody>${rows.join('')}</tbody><tfoot>${totals.join('')}</tfoot></table>`,
		`<h2 style="font-size:16px">${esc(b.placeLabel)}</h2>`,
		`<p>${b.place.map(esc).join('<br>')}</p>`,
		`<p><a href="${esc(ctx.statusUrl)}" style="color:#0b57d0">${esc(t.statusLink)}</a></p>`,
		`<p style="color:#555555;font-size:13px">${esc(t.privacy(days))}</p>`,
		`<p>${esc(t.signOff)}</p>`,
		'</div></body></html>'
	].join('\n');
}

/**
 * Renders a customer message about an order in the order's locale (English, Chinese or
 * Russian): subject, plain text and HTML. Every value reaches the HTML escaped, since names
 * and addresses are whatever the shopper typed.
 */
export function renderOrderMessage(order: OrderView, kind: MessageKind, locale: string, ctx: MessageContext): RenderedMessage {
	const lang = mailLocale(locale);
	const t = copyFor(lang);
	const days = ctx.retentionDays ?? 90;
	const body = compose(order, kind, t, lang, ctx);
	const subject = t.subject[kind](order.code);
	return { subject, text: renderText(body, t, order, ctx, days), html: renderHtml(body, t, order, ctx, days, lang, subject) };
}
