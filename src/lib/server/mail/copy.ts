/** The words of customer messages, per locale. Placeholders are filled by the templates. */

export const MESSAGE_KINDS = ['confirmation', 'shipped', 'ready', 'cancelled'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MAIL_LOCALES = ['en', 'zh-CN', 'ru'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export interface MailCopy {
	subject: Record<MessageKind, (code: string) => string>;
	greeting: (name: string | null) => string;
	intro: Record<MessageKind, (code: string) => string>;
	payAtCounter: (code: string) => string;
	payBefore: (when: string) => string;
	collectAt: (code: string) => string;
	cancelledNote: string;
	deliveryTo: string;
	collectFrom: string;
	tracking: string;
	trackingLine: (carrier: string, number: string) => string;
	estimated: (date: string) => string;
	items: string;
	quantity: string;
	price: string;
	subtotal: string;
	shipping: string;
	tax: string;
	taxIncluded: string;
	total: string;
	statusLink: string;
	privacy: (days: number) => string;
	signOff: string;
}

const en: MailCopy = {
	subject: {
		confirmation: (c) => `Your Aisle order ${c}`,
		shipped: (c) => `Your Aisle order ${c} is on its way`,
		ready: (c) => `Your Aisle order ${c} is ready to collect`,
		cancelled: (c) => `Your Aisle order ${c} has been cancelled`
	},
	greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
	intro: {
		confirmation: (c) => `Thank you for your order ${c}. We have set the items aside for you.`,
		shipped: (c) => `Good news: your order ${c} has left us and is on its way.`,
		ready: (c) => `Your order ${c} has arrived and is waiting for you in the store.`,
		cancelled: (c) => `Your order ${c} has been cancelled.`
	},
	payAtCounter: (c) => `To complete it, pay at the counter of the store with this code: ${c}.`,
	payBefore: (when) => `Please pay by ${when}; after that the items go back on sale.`,
	collectAt: (c) => `Show this code at the counter to collect it: ${c}.`,
	cancelledNote: 'If you already paid, the store will refund you. We hope to see you again soon.',
	deliveryTo: 'Delivery to',
	collectFrom: 'Collection from',
	tracking: 'Tracking',
	trackingLine: (carrier, n) => `${carrier}, tracking number ${n}`,
	estimated: (d) => `expected ${d}`,
	items: 'Item',
	quantity: 'Qty',
	price: 'Price',
	subtotal: 'Subtotal',
	shipping: 'Delivery',
	tax: 'Tax',
	taxIncluded: 'Tax included',
	total: 'Total',
	statusLink: 'Follow your order',
	privacy: (d) =>
		`We use your name and contact details only for this order: to tell you about it and to deliver it. They are erased ${d} days after the order is completed or cancelled, or sooner if you ask in any of our stores.`,
	signOff: 'Warm regards, your Aisle team'
};

const zhCN: MailCopy = {
	subject: {
		confirmation: (c) => `您的 Aisle 订单 ${c}`,
		shipped: (c) => `您的 Aisle 订单 ${c} 已发货`,
		ready: (c) => `您的 Aisle 订单 ${c} 可以取货了`,
		cancelled: (c) => `您的 Aisle 订单 ${c} 已取消`
	},
	greeting: (name) => (name ? `${name}，您好：` : '您好：'),
	intro: {
		confirmation: (c) => `感谢您的订单 ${c}。我们已为您保留了商品。`,
		shipped: (c) => `好消息：您的订单 ${c} 已发出，正在路上。`,
		ready: (c) => `您的订单 ${c} 已到店，正在等您来取。`,
		cancelled: (c) => `您的订单 ${c} 已取消。`
	},
	payAtCounter: (c) => `请凭此代码在门店收银台付款：${c}。`,
	payBefore: (when) => `请在 ${when} 之前付款，逾期商品将重新上架销售。`,
	collectAt: (c) => `取货时请在收银台出示此代码：${c}。`,
	cancelledNote: '如您已付款，门店将为您退款。期待再次为您服务。',
	deliveryTo: '配送至',
	collectFrom: '取货门店',
	tracking: '物流信息',
	trackingLine: (carrier, n) => `${carrier}，运单号 ${n}`,
	estimated: (d) => `预计 ${d}`,
	items: '商品',
	quantity: '数量',
	price: '价格',
	subtotal: '小计',
	shipping: '配送费',
	tax: '税费',
	taxIncluded: '含税',
	total: '总计',
	statusLink: '查看订单状态',
	privacy: (d) => `您的姓名和联系方式仅用于此订单：通知您订单进展并完成配送。订单完成或取消 ${d} 天后即被删除；您也可以在任意门店要求提前删除。`,
	signOff: 'Aisle 团队敬上'
};

const ru: MailCopy = {
	subject: {
		confirmation: (c) => `Ваш заказ Aisle ${c}`,
		shipped: (c) => `Ваш заказ Aisle ${c} отправлен`,
		ready: (c) => `Ваш заказ Aisle ${c} готов к выдаче`,
		cancelled: (c) => `Ваш заказ Aisle ${c} отменён`
	},
	greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
	intro: {
		confirmation: (c) => `Спасибо за заказ ${c}. Мы отложили товары для вас.`,
		shipped: (c) => `Хорошие новости: ваш заказ ${c} уже в пути.`,
		ready: (c) => `Ваш заказ ${c} прибыл в магазин и ждёт вас.`,
		cancelled: (c) => `Ваш заказ ${c} отменён.`
	},
	payAtCounter: (c) => `Чтобы завершить заказ, оплатите его на кассе магазина по этому коду: ${c}.`,
	payBefore: (when) => `Пожалуйста, оплатите до ${when}; после этого товары вернутся в продажу.`,
	collectAt: (c) => `Чтобы получить заказ, покажите на кассе этот код: ${c}.`,
	cancelledNote: 'Если вы уже оплатили заказ, магазин вернёт деньги. Будем рады видеть вас снова.',
	deliveryTo: 'Адрес доставки',
	collectFrom: 'Магазин выдачи',
	tracking: 'Отслеживание',
	trackingLine: (carrier, n) => `${carrier}, трек-номер ${n}`,
	estimated: (d) => `ожидается ${d}`,
	items: 'Товар',
	quantity: 'Кол-во',
	price: 'Цена',
	subtotal: 'Сумма',
	shipping: 'Доставка',
	tax: 'Налог',
	taxIncluded: 'Налог включён',
	total: 'Итого',
	statusLink: 'Следить за заказом',
	privacy: (d) =>
		`Ваше имя и контакты используются только для этого заказа: чтобы сообщать о нём и доставить его. Они удаляются через ${d} дн. после выполнения или отмены заказа или раньше — по вашей просьбе в любом нашем магазине.`,
	signOff: 'С теплом, команда Aisle'
};

const COPY: Record<MailLocale, MailCopy> = { en, 'zh-CN': zhCN, ru };

/** The supported locale closest to `locale` (zh-Hans → zh-CN, ru-RU → ru), else English. */
export function mailLocale(locale: string): MailLocale {
	const lang = locale.toLowerCase().split(/[-_]/)[0];
	if (lang === 'zh') return 'zh-CN';
	if (lang === 'ru') return 'ru';
	return 'en';
}

/** The copy for a locale (English when the locale has none). */
export function copyFor(locale: string): MailCopy {
	return COPY[mailLocale(locale)];
}
