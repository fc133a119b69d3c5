import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import { PICTURE_SHAPES, productSvg } from './pictures.ts';

/** Checks that every tag is closed in order; throws on the first mismatch. */
function assertBalancedTags(svg: string): void {
	const stack: string[] = [];
	const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
	let last = 0;
	for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
		expect(svg.slice(last, m.index).trim(), `stray text before ${m[0]}`).toBe('');
		last = tag.lastIndex;
		const [, closing, name, , selfClosing] = m;
		if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
		else if (!selfClosing) stack.push(name);
	}
	expect(svg.slice(last).trim()).toBe('');
	expect(stack).toEqual([]);
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

describe('productSvg', () => {
	it.each(PICTURE_SHAPES)('draws a well-formed 800×800 %s that sharp rasterises', async (shape) => {
		const svg = productSvg(shape, '#c0392b');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">')).toBe(
			true
		);
		expect(svg.endsWith('</svg>')).toBe(true);
		assertBalancedTags(svg);
		expect(svg).not.toMatch(/<text|<image|<use|<script|href=|font|@import|filter/i);

		const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
		expect([info.width, info.height]).toEqual([800, 800]);
		// The object is drawn in the given colour: a fair share of pixels are close to #c0392b.
		let close = 0;
		for (let i = 0; i < data.length; i += 3) {
			const d = Math.abs(data[i] - 0xc0) + Math.abs(data[i + 1] - 0x39) + Math.abs(data[i + 2] - 0x2b);
			if (d < 60) close++;
		}
		expect(close / (800 * 800)).toBeGreaterThan(0.01);

		const png = await sharp(Buffer.from(svg)).png().toBuffer();
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 800, 800]);
	});

	it('gives every shape its own picture, and unknown shapes the box', () => {
		const svgs = PICTURE_SHAPES.map((s) => productSvg(s, '#336699'));
		expect(new Set(svgs).size).toBe(PICTURE_SHAPES.length);
		// Not just different ids: the drawings themselves differ.
		const bodies = svgs.map((s) => s.slice(s.indexOf('<g ')).replace(/id="[^"]*"|url\(#[^)]*\)/g, ''));
		expect(new Set(bodies).size).toBe(PICTURE_SHAPES.length);
		expect(productSvg('spaceship', '#336699')).toBe(productSvg('box', '#336699'));
		expect(productSvg('', '#336699')).toBe(productSvg('box', '#336699'));
	});

	it('is deterministic and uses the colour', () => {
		expect(productSvg('lamp', '#123456', 2)).toBe(productSvg('lamp', '#123456', 2));
		expect(productSvg('lamp', '#123456')).not.toBe(productSvg('lamp', '#654321'));
		expect(productSvg('lamp', '#ABCDEF')).toBe(productSvg('lamp', '#abcdef'));
		expect(productSvg('lamp', '#123456')).toContain('#123456');
	});

	it('varies with the variant and tolerates odd variants', async () => {
		const variants = [0, 1, 2, 3].map((v) => productSvg('chair', '#556b2f', v));
		expect(new Set(variants).size).toBe(4);
		expect(productSvg('chair', '#556b2f')).toBe(variants[0]);
		for (const v of [-1, 7, 2.6, Number.NaN, Number.POSITIVE_INFINITY]) {
			const svg = productSvg('chair', '#556b2f', v);
			assertBalancedTags(svg);
			const meta = await sharp(await sharp(Buffer.from(svg)).png().toBuffer()).metadata();
			expect(meta.width).toBe(800);
		}
	});

	it('keeps very light and very dark colours visible', async () => {
		const brightness = (hex: string) => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
		for (const hex of ['#ffffff', '#f5f0e1', '#000000']) {
			const svg = productSvg('chair', hex);
			const outline = /<g stroke="(#[0-9a-f]{6})"/.exec(svg)?.[1] ?? '';
			expect(outline).toMatch(/^#[0-9a-f]{6}$/);
			// Light objects get a clearly darker outline; dark ones stand out by themselves.
			if (brightness(hex) > 600) expect(brightness(hex) - brightness(outline)).toBeGreaterThan(250);
			const { channels } = await sharp(Buffer.from(svg)).stats();
			// Outlines make a real dark range in the image even for a white chair.
			expect(Math.min(...channels.slice(0, 3).map((c) => c.min))).toBeLessThan(140);
		}
	});

	it('neutralises anything that is not #rrggbb', async () => {
		const reference = productSvg('shirt', '#0a0b0c');
		const neutral = productSvg('shirt', 'not a colour');
		const evil = [
			'"/><script>alert(1)</script>',
			"#123456' onload='alert(1)",
			'#12345"><foo x="',
			'red',
			'#fff',
			'#12345g',
			'url(#x)',
			'#1234567',
			'',
			undefined as unknown as string,
			42 as unknown as string
		];
		for (const hex of evil) {
			const svg = productSvg('shirt', hex);
			expect(svg).toBe(neutral);
			expect(svg).not.toMatch(/script|onload|foo|url\(#x\)/);
			expect(count(svg, '<')).toBe(count(reference, '<'));
			expect(count(svg, '"')).toBe(count(reference, '"'));
			expect(svg).not.toContain("'");
		}
		assertBalancedTags(neutral);
		const meta = await sharp(await sharp(Buffer.from(neutral)).png().toBuffer()).metadata();
		expect(meta.height).toBe(800);
	});
});
