import { describe, expect, it } from 'vitest';
import { readAloudText, speak, type SpeechDeps } from './read-aloud.ts';

class FakeUtterance {
	lang = '';
	voice: { lang: string; name: string } | null = null;
	onend: (() => void) | null = null;
	onerror: (() => void) | null = null;
	constructor(public text: string) {}
}

function fakeSpeech(voices: { lang: string; name: string }[] = []) {
	const spoken: FakeUtterance[] = [];
	let cancels = 0;
	const deps = {
		synth: {
			speaking: false,
			speak: (u: SpeechSynthesisUtterance) => void spoken.push(u as unknown as FakeUtterance),
			cancel: () => void cancels++,
			getVoices: () => voices as unknown as SpeechSynthesisVoice[]
		},
		Utterance: FakeUtterance as unknown as SpeechDeps['Utterance']
	} satisfies SpeechDeps;
	return { deps, spoken, cancels: () => cancels };
}

describe('readAloudText', () => {
	it('reads name, chosen variant, price, availability and rating in that order', () => {
		expect(
			readAloudText({ name: 'Cotton T-shirt', variant: 'Chosen: Red, M', price: 'Price: $19.00', availability: 'In stock here: 4.', rating: 'Rated 4.5 out of 5 from 12 reviews' })
		).toBe('Cotton T-shirt. Chosen: Red, M. Price: $19.00. In stock here: 4. Rated 4.5 out of 5 from 12 reviews.');
	});

	it('leaves out what is missing', () => {
		expect(readAloudText({ name: '橡木餐椅', price: '价格：$129.00', variant: null, rating: '' })).toBe('橡木餐椅. 价格：$129.00.');
	});
});

describe('speak', () => {
	it('hands the text to speechSynthesis in the locale, with a voice of that language', () => {
		const { deps, spoken } = fakeSpeech([
			{ lang: 'en-US', name: 'English' },
			{ lang: 'ru-RU', name: 'Милена' }
		]);
		speak('Дубовый стул. Цена: 129 $.', 'ru', undefined, deps);
		expect(spoken).toHaveLength(1);
		expect(spoken[0].text).toBe('Дубовый стул. Цена: 129 $.');
		expect(spoken[0].lang).toBe('ru');
		expect(spoken[0].voice?.name).toBe('Милена');
	});

	it('keeps the default voice when none speaks the language, and stops on demand', () => {
		const { deps, spoken, cancels } = fakeSpeech([{ lang: 'en-US', name: 'English' }]);
		let ended = 0;
		const stop = speak('橡木餐椅', 'zh-CN', () => ended++, deps);
		expect(spoken[0].voice).toBeNull();
		expect(spoken[0].lang).toBe('zh-CN');
		const before = cancels();
		stop();
		expect(cancels()).toBe(before + 1);
		expect(ended).toBe(1);
		spoken[0].onend?.();
		expect(ended).toBe(1);
	});

	it('ends at once where the browser cannot speak', () => {
		let ended = false;
		speak('Hello', 'en', () => (ended = true), null);
		expect(ended).toBe(true);
	});
});
