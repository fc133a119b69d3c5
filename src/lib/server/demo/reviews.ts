import type { DemoLocale } from './types.ts';

/** Review titles and texts by star rating, written in each demo locale. */
export const REVIEW_TEXT: Record<DemoLocale, Record<number, { title: string; body: string }[]>> = {
	en: {
		5: [
			{ title: 'Exactly what I wanted', body: 'Looks even better at home than in the store. Sturdy, well made and easy to care for.' },
			{ title: 'Great value', body: 'Excellent quality for the price. Delivery was quick and everything arrived in perfect condition.' },
			{ title: 'Love it', body: 'We use it every day and it still looks new. I would buy it again without hesitation.' }
		],
		4: [
			{ title: 'Very good', body: 'Solid and comfortable. The colour is a little darker than on the screen, but I like it.' },
			{ title: 'Happy with it', body: 'Good materials and a clean design. Took a while to arrive, otherwise no complaints.' }
		],
		3: [
			{ title: 'It is fine', body: 'Does the job, nothing special. The finish could be better for this price.' },
			{ title: 'Average', body: 'Works as described, but the instructions were hard to follow.' }
		],
		2: [{ title: 'Not great', body: 'Smaller than I expected and one part was scratched. The store replaced it quickly.' }],
		1: [{ title: 'Disappointed', body: 'It stopped working after two weeks. I returned it and got my money back.' }]
	},
	'zh-CN': {
		5: [
			{ title: '正是我想要的', body: '放在家里比在店里看起来还要好。结实耐用，做工精细，也很容易打理。' },
			{ title: '物超所值', body: '这个价格能买到这样的质量非常好。送货很快，收到时完好无损。' }
		],
		4: [
			{ title: '很不错', body: '结实又舒适。颜色比屏幕上看到的稍深一点，不过我很喜欢。' },
			{ title: '比较满意', body: '材料好，设计简洁。到货稍慢，其他都没问题。' }
		],
		3: [{ title: '还可以', body: '能用，但没什么特别的。这个价格的话，做工可以更好一些。' }],
		2: [{ title: '不太好', body: '比我想象的小，而且有一个部件有划痕。门店很快给我换了。' }],
		1: [{ title: '很失望', body: '用了两周就坏了。我已经退货并拿到了退款。' }]
	},
	ru: {
		5: [
			{ title: 'Именно то, что я хотел', body: 'Дома смотрится даже лучше, чем в магазине. Прочно, качественно и легко в уходе.' },
			{ title: 'Отличное соотношение цены и качества', body: 'Прекрасное качество за эти деньги. Доставили быстро, всё пришло в идеальном состоянии.' }
		],
		4: [
			{ title: 'Очень хорошо', body: 'Прочно и удобно. Цвет чуть темнее, чем на экране, но мне нравится.' },
			{ title: 'Доволен покупкой', body: 'Хорошие материалы и аккуратный дизайн. Доставка заняла время, в остальном всё отлично.' }
		],
		3: [{ title: 'Нормально', body: 'Свою задачу выполняет, но ничего особенного. За такую цену отделка могла быть лучше.' }],
		2: [{ title: 'Так себе', body: 'Меньше, чем я ожидал, и одна деталь была поцарапана. Магазин быстро её заменил.' }],
		1: [{ title: 'Разочарован', body: 'Через две недели перестало работать. Я вернул товар и получил деньги обратно.' }]
	}
};
