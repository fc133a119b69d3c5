/**
 * Product "photos" for the demo catalog: flat, studio-style SVG illustrations
 * drawn from geometric primitives, in the product's main colour.
 *
 * Self-contained and deterministic: no fonts, no text, no external references,
 * only plain linear/radial gradients (renders identically in browsers and in
 * sharp/librsvg). The only caller-supplied values that reach the markup are the
 * colour (validated as '#rrggbb', anything else becomes a neutral grey) and the
 * shape (looked up in a fixed list), so no markup can be injected.
 */

/** The shapes the demo catalog draws. */
export const PICTURE_SHAPES = [
	'chair',
	'table',
	'sofa',
	'bed',
	'shelf',
	'cabinet',
	'lamp',
	'rug',
	'shirt',
	'trousers',
	'dress',
	'jacket',
	'shoe',
	'hat',
	'bag',
	'headphones',
	'speaker',
	'phone',
	'laptop',
	'tv',
	'watch',
	'camera',
	'cushion',
	'box'
] as const;
export type PictureShape = (typeof PICTURE_SHAPES)[number];

const SIZE = 800;
const FALLBACK_HEX = '#8c8c8c';

// ---------------------------------------------------------------------------
// Colour
// ---------------------------------------------------------------------------

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
	const h = (v: number) =>
		Math.round(Math.min(255, Math.max(0, v)))
			.toString(16)
			.padStart(2, '0');
	return `#${h(r)}${h(g)}${h(b)}`;
}

/** Mixes `hex` toward `target` by `t` (0 = hex, 1 = target). */
function mix(hex: string, target: string, t: number): string {
	const a = parseHex(hex);
	const b = parseHex(target);
	return toHex([0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb);
}

/** Relative luminance, 0 (black) … 1 (white). */
function luminance(hex: string): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	const [r, g, b] = parseHex(hex).map(lin);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** '#rrggbb' (lower-cased) or a neutral grey; the only colour that may reach the markup. */
function sanitizeHex(hex: unknown): string {
	if (typeof hex !== 'string') return FALLBACK_HEX;
	const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
	return m ? `#${m[1].toLowerCase()}` : FALLBACK_HEX;
}

interface Palette {
	/** The main colour. */
	base: string;
	/** Shade for sides and recesses (≈ 25 % toward black). */
	dark: string;
	/** Deeper shade for details, legs, holes. */
	deep: string;
	/** Lit faces (≈ 30 % toward white). */
	light: string;
	/** Outline colour; always clearly darker than the object, even for white. */
	line: string;
	/** Faint outline for internal seams. */
	seam: string;
}

function palette(base: string): Palette {
	const lum = luminance(base);
	const veryLight = lum > 0.7;
	const veryDark = lum < 0.06;
	const dark = mix(base, '#000000', veryLight ? 0.18 : veryDark ? 0.35 : 0.25);
	const deep = mix(base, '#000000', veryLight ? 0.38 : veryDark ? 0.55 : 0.45);
	// Near-white stays near-white: lighten less so faces remain distinguishable.
	const light = veryDark ? mix(base, '#ffffff', 0.22) : mix(base, '#ffffff', 0.3);
	const line = veryLight ? mix(base, '#3d3935', 0.62) : mix(base, '#000000', veryDark ? 0.3 : 0.5);
	const seam = veryDark ? mix(base, '#ffffff', 0.12) : mix(base, '#000000', veryLight ? 0.3 : 0.35);
	return { base, dark, deep, light, line, seam };
}

// ---------------------------------------------------------------------------
// Drawing primitives (all numbers are ours, all colours sanitised)
// ---------------------------------------------------------------------------

const n = (v: number) => String(Math.round(v * 10) / 10);

function rect(x: number, y: number, w: number, h: number, r: number, fill: string, extra = ''): string {
	return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${fill}"${extra}/>`;
}

function ell(cx: number, cy: number, rx: number, ry: number, fill: string, extra = ''): string {
	return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${extra}/>`;
}

function circ(cx: number, cy: number, r: number, fill: string, extra = ''): string {
	return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"${extra}/>`;
}

function path(d: string, fill: string, extra = ''): string {
	return `<path d="${d}" fill="${fill}"${extra}/>`;
}

/** An unfilled stroke (seams, hems, laces). */
function stroke(d: string, color: string, width = 3, extra = ''): string {
	return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${n(width)}"${extra}/>`;
}

function poly(points: [number, number][], fill: string, extra = ''): string {
	return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}"${extra}/>`;
}

const NO_STROKE = ' stroke="none"';
const op = (o: number) => ` opacity="${o}"`;

/** Maps (u, v) ∈ [0,1]² onto a trapezoid: back edge y0 [xl0, xr0], front edge y1 [xl1, xr1]. */
function trapezoid(y0: number, xl0: number, xr0: number, y1: number, xl1: number, xr1: number) {
	return (u: number, v: number): [number, number] => {
		const xl = xl0 + (xl1 - xl0) * v;
		const xr = xr0 + (xr1 - xr0) * v;
		return [xl + (xr - xl) * u, y0 + (y1 - y0) * v];
	};
}

// Neutral materials that look right whatever the product colour.
const N = {
	white: '#f6f4f0',
	whiteShade: '#dedad3',
	metal: '#c9ccd1',
	metalDark: '#8d939b',
	glass: '#1c2027',
	glassLight: '#39404b',
	wood: '#b98b5f',
	woodDark: '#8a6440',
	outline: '#6f6a63'
};

interface Ctx {
	p: Palette;
	/** url(#…) of a gradient defined for this image. */
	g: (name: 'body' | 'screen' | 'glass' | 'metal' | 'puff' | 'cone') => string;
	v: number;
}

interface Drawing {
	body: string;
	/** Floor shadow ellipse: cx, cy, rx, ry. Also the pivot for variant scaling. */
	shadow: [number, number, number, number];
}

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

const SHAPES: Record<PictureShape, (c: Ctx) => Drawing> = {
	chair({ p, g, v }) {
		const back =
			v % 2 === 1
				? // Slatted back: two posts and three rails.
					[
						rect(302, 180, 22, 240, 8, p.dark),
						rect(476, 180, 22, 240, 8, p.dark),
						rect(296, 176, 208, 52, 18, g('body')),
						rect(318, 250, 164, 26, 10, p.base),
						rect(318, 300, 164, 26, 10, p.base),
						rect(318, 350, 164, 26, 10, p.base)
					].join('')
				: rect(298, 176, 204, 244, 30, g('body')) +
					rect(320, 198, 160, 196, 20, p.light, op(0.35) + NO_STROKE);
		return {
			body: [
				// Back legs, seen between the front ones.
				path('M312 440 L330 440 L328 600 L316 600 Z', p.deep),
				path('M470 440 L488 440 L484 600 L472 600 Z', p.deep),
				back,
				// Seat: top face and front edge.
				path('M300 408 L500 408 L544 458 L256 458 Z', p.light),
				rect(256, 456, 288, 30, 8, p.base),
				// Front legs, slightly tapered.
				path('M270 482 L296 482 L291 640 L275 640 Z', p.dark),
				path('M504 482 L530 482 L525 640 L509 640 Z', p.dark)
			].join(''),
			shadow: [400, 626, 190, 26]
		};
	},

	table({ p, v }) {
		const round = v % 2 === 1;
		const top = round
			? ell(400, 410, 250, 52, p.light) +
				path('M150 410 A250 52 0 0 0 650 410 L650 428 A250 52 0 0 1 150 428 Z', p.base)
			: path('M222 376 L578 376 L652 440 L148 440 Z', p.light) + rect(148, 438, 504, 24, 6, p.base);
		const legTop = round ? 440 : 460;
		return {
			body: [
				path(`M240 ${legTop - 30} L258 ${legTop - 30} L255 592 L243 592 Z`, p.deep),
				path(`M542 ${legTop - 30} L560 ${legTop - 30} L557 592 L545 592 Z`, p.deep),
				top,
				round ? '' : rect(176, 460, 448, 22, 4, p.dark),
				path(`M${round ? 206 : 170} ${legTop} L${round ? 232 : 196} ${legTop} L${round ? 227 : 191} 640 L${round ? 211 : 175} 640 Z`, p.dark),
				path(`M${round ? 568 : 604} ${legTop} L${round ? 594 : 630} ${legTop} L${round ? 589 : 625} 640 L${round ? 573 : 609} 640 Z`, p.dark)
			].join(''),
			shadow: [400, 622, 280, 32]
		};
	},

	sofa({ p, g }) {
		const legs = [158, 236, 548, 626]
			.map((x) => path(`M${x} 566 L${x + 18} 566 L${x + 15} 600 L${x + 3} 600 Z`, p.deep))
			.join('');
		const seat = (x: number) =>
			rect(x, 440, 186, 92, 20, p.base) +
			path(
				`M${x + 6} 462 Q${x + 6} 440 ${x + 26} 440 L${x + 160} 440 Q${x + 180} 440 ${x + 180} 462 Q${x + 93} 474 ${x + 6} 462 Z`,
				p.light,
				NO_STROKE
			);
		return {
			body: [
				legs,
				rect(164, 276, 472, 184, 36, p.dark),
				rect(212, 298, 184, 160, 26, g('body')),
				rect(404, 298, 184, 160, 26, g('body')),
				rect(168, 520, 464, 50, 10, p.dark),
				seat(210),
				seat(404),
				rect(128, 360, 96, 212, 34, g('body')),
				rect(576, 360, 96, 212, 34, g('body')),
				rect(140, 370, 72, 26, 13, p.light, op(0.6) + NO_STROKE),
				rect(588, 370, 72, 26, 13, p.light, op(0.6) + NO_STROKE)
			].join(''),
			shadow: [400, 598, 300, 26]
		};
	},

	bed({ p, g }) {
		return {
			body: [
				// Foot legs.
				rect(632, 556, 22, 64, 4, p.deep),
				// Side rail.
				rect(176, 500, 492, 62, 10, p.base),
				// Mattress.
				rect(182, 440, 480, 66, 16, N.white, ` stroke="${N.outline}"`),
				stroke('M190 486 L654 486', N.whiteShade, 3),
				// Pillow.
				path(
					'M196 420 Q192 386 226 384 L312 386 Q342 388 338 420 Q338 446 312 446 L222 446 Q196 446 196 420 Z',
					N.white,
					` stroke="${N.outline}"`
				),
				// Duvet, draped over the side.
				path(
					'M318 432 Q322 420 340 420 L648 424 Q676 426 676 456 L676 524 Q676 534 666 534 L330 534 Q312 534 312 516 Z',
					g('body')
				),
				path('M318 432 Q322 420 340 420 L376 421 L370 534 L330 534 Q312 534 312 516 Z', p.light),
				stroke('M440 440 Q520 452 600 444', p.seam, 3, op(0.5)),
				// Headboard.
				rect(128, 238, 66, 382, 20, p.dark),
				rect(142, 256, 38, 200, 14, p.base, op(0.7) + NO_STROKE)
			].join(''),
			shadow: [404, 616, 290, 24]
		};
	},

	shelf({ p }) {
		const interior = p.dark;
		const bins: [number, number][] = [
			[164, 262],
			[284, 382],
			[404, 502],
			[524, 606]
		];
		const books = ['#efe9de', '#c5b39a', '#7f8b8f', '#d7d2ca', '#a45a4b', '#5d7a68', '#e2c98f', '#4f5f7a'];
		let items = '';
		// Row 1: books.
		let x = 270;
		[28, 22, 34, 18, 26].forEach((w, i) => {
			const h = [84, 74, 90, 68, 80][i];
			items += rect(x, 262 - h, w, h, 3, books[i]);
			items += rect(x + 4, 262 - h + 12, w - 8, 5, 2, '#000000', op(0.12) + NO_STROKE);
			x += w + 2;
		});
		// A leaning book.
		items += path(`M${x + 4} 262 L${x + 28} 262 L${x + 62} 188 L${x + 40} 180 Z`, books[5]);
		items += rect(470, 226, 56, 36, 6, p.light); // small storage box
		// Row 2: a vase and a stack of lying books.
		items += path('M300 382 Q286 344 306 322 L306 310 L330 310 L330 322 Q350 344 336 382 Z', N.white, ` stroke="${N.outline}"`);
		items += rect(392, 362, 120, 20, 3, books[6]) + rect(400, 342, 104, 20, 3, books[7]) + rect(388, 322, 112, 20, 3, books[3]);
		// Row 3: books again.
		x = 392;
		[24, 30, 20, 28, 24].forEach((w, i) => {
			const h = [80, 88, 70, 84, 76][i];
			items += rect(x, 502 - h, w, h, 3, books[(i + 2) % books.length]);
			x += w + 2;
		});
		items += circ(312, 466, 36, p.light) + circ(312, 466, 14, p.base); // decorative bowl (front view)
		// Row 4: baskets.
		items += rect(276, 548, 116, 58, 8, N.wood) + rect(408, 548, 116, 58, 8, N.wood);
		items += stroke('M286 566 L382 566 M286 584 L382 584 M418 566 L514 566 M418 584 L514 584', N.woodDark, 2.5);
		return {
			body: [
				rect(240, 138, 320, 490, 8, p.base),
				...bins.map(([a, b]) => rect(262, a, 276, b - a, 3, interior)),
				items,
				rect(236, 134, 328, 18, 6, p.light)
			].join(''),
			shadow: [400, 626, 200, 22]
		};
	},

	cabinet({ p, g, v }) {
		const handle = (cx: number, cy: number) => rect(cx - 28, cy - 6, 56, 12, 6, p.deep);
		const front =
			v % 2 === 1
				? // One drawer over two doors.
					rect(210, 328, 380, 70, 8, g('body')) +
					handle(400, 363) +
					rect(210, 410, 186, 160, 8, g('body')) +
					rect(404, 410, 186, 160, 8, g('body')) +
					rect(378, 440, 10, 60, 5, p.deep) +
					rect(412, 440, 10, 60, 5, p.deep)
				: [328, 412, 496]
						.map((y) => rect(210, y, 380, 74, 8, g('body')) + handle(400, y + 37))
						.join('');
		return {
			body: [
				path('M212 580 L236 580 L231 632 L217 632 Z', p.deep),
				path('M564 580 L588 580 L583 632 L569 632 Z', p.deep),
				rect(192, 306, 416, 280, 8, p.dark),
				front,
				rect(178, 288, 444, 24, 8, p.light)
			].join(''),
			shadow: [400, 626, 250, 26]
		};
	},

	lamp({ p, g, v }) {
		const wide = v % 2 === 1;
		const top = wide ? 92 : 78;
		const bottom = wide ? 150 : 138;
		return {
			body: [
				// Base.
				rect(300, 606, 200, 24, 12, p.dark),
				path('M326 610 Q326 552 400 548 Q474 552 474 610 Z', g('body')),
				// Stem.
				rect(391, 360, 18, 196, 9, N.metalDark),
				// Warm glow under the shade.
				ell(400, 366, bottom - 14, 14, '#fff3cf', NO_STROKE),
				// Shade.
				path(
					`M${400 - top} 196 L${400 + top} 196 L${400 + bottom} 356 Q400 384 ${400 - bottom} 356 Z`,
					g('body')
				),
				ell(400, 196, top, 13, p.dark),
				path(
					`M${400 - top + 14} 204 L${400 - top + 40} 206 L${400 - bottom + 56} 366 L${400 - bottom + 22} 360 Z`,
					p.light,
					op(0.45) + NO_STROKE
				)
			].join(''),
			shadow: [400, 628, 140, 18]
		};
	},

	rug({ p }) {
		const at = trapezoid(340, 246, 554, 560, 108, 692);
		const quad = (u0: number, v0: number, u1: number, v1: number) =>
			[at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)] as [number, number][];
		const diamond = (u: number, vv: number, du: number, dv: number) =>
			[at(u, vv - dv), at(u + du, vv), at(u, vv + dv), at(u - du, vv)] as [number, number][];
		const fringeFront = Array.from({ length: 29 }, (_, i) => {
			const [fx] = at((i + 0.5) / 29, 1);
			return `M${n(fx)} 572 L${n(fx)} 592`;
		}).join(' ');
		const fringeBack = Array.from({ length: 21 }, (_, i) => {
			const [fx] = at((i + 0.5) / 21, 0);
			return `M${n(fx)} 340 L${n(fx)} 328`;
		}).join(' ');
		return {
			body: [
				stroke(fringeBack, p.light, 3),
				stroke(fringeFront, p.light, 4),
				path('M108 560 L692 560 L692 570 Q692 574 688 574 L112 574 Q108 574 108 570 Z', p.deep),
				poly(quad(0, 0, 1, 1), p.base),
				poly(quad(0.06, 0.09, 0.94, 0.91), p.light, NO_STROKE),
				poly(quad(0.1, 0.16, 0.9, 0.84), p.base, ` stroke="${p.dark}"`),
				poly(diamond(0.5, 0.5, 0.18, 0.26), p.dark, NO_STROKE),
				poly(diamond(0.5, 0.5, 0.1, 0.15), p.light, NO_STROKE),
				poly(diamond(0.5, 0.5, 0.035, 0.055), p.deep, NO_STROKE),
				...[0.2, 0.8].map((u) => poly(diamond(u, 0.5, 0.05, 0.12), p.light, NO_STROKE)),
				...[0.03, 0.97].flatMap((u) =>
					[0.25, 0.5, 0.75].map((vv) => poly(diamond(u, vv, 0.012, 0.03), p.dark, NO_STROKE))
				)
			].join(''),
			shadow: [400, 568, 310, 24]
		};
	},

	shirt({ p, g, v }) {
		const vneck = v % 2 === 1;
		const neck = vneck ? 'M346 186 L400 256 L454 186' : 'M346 186 Q400 238 454 186';
		return {
			body: [
				path(
					`${neck} L548 206 Q560 210 568 220 L634 300 L580 352 L530 316 L530 606 Q400 620 270 606 L270 316 L220 352 L166 300 L232 220 Q240 210 252 206 Z`,
					g('body')
				),
				// Inside of the back, seen through the neck.
				vneck
					? path('M346 186 Q400 204 454 186 L400 256 Z', p.dark)
					: path('M346 186 Q400 204 454 186 Q400 238 346 186 Z', p.dark),
				stroke(neck, p.dark, 10, ' stroke-linecap="round"'),
				stroke(neck, p.line, 3),
				// Sleeve and bottom hems.
				stroke('M620 286 L566 338 M180 286 L234 338', p.seam, 3),
				stroke('M272 588 Q400 602 528 588', p.seam, 3),
				// Soft fold shading on the left flank.
				path('M272 330 Q300 460 286 600 L272 600 Z', p.dark, op(0.25) + NO_STROKE)
			].join(''),
			shadow: [400, 640, 170, 16]
		};
	},

	trousers({ p, g }) {
		return {
			body: [
				path('M284 196 L516 196 L550 628 L430 628 L402 334 L398 334 L370 628 L250 628 Z', g('body')),
				// Inside leg shade and crease lines.
				path('M402 334 L430 628 L446 628 L414 360 Z', p.dark, op(0.35) + NO_STROKE),
				stroke('M336 340 L314 612 M464 340 L486 612', p.light, 3, op(0.8)),
				// Hems.
				stroke('M252 606 L372 606 M428 606 L548 606', p.seam, 3),
				// Fly and pockets.
				stroke('M400 200 L400 300 Q400 318 388 326', p.seam, 3),
				stroke('M312 200 Q318 246 286 264 M488 200 Q482 246 514 264', p.seam, 3),
				// Waistband with loops and button.
				rect(280, 160, 240, 40, 8, p.dark),
				rect(318, 156, 12, 48, 4, p.base),
				rect(470, 156, 12, 48, 4, p.base),
				circ(400, 180, 8, N.metal, ` stroke="${N.metalDark}"`)
			].join(''),
			shadow: [400, 636, 190, 16]
		};
	},

	dress({ p, g }) {
		return {
			body: [
				// Straps.
				stroke('M352 150 L348 212 M448 150 L452 212', p.line, 16),
				stroke('M352 150 L348 212 M448 150 L452 212', p.dark, 10),
				// Skirt.
				path('M346 350 L454 350 Q520 470 604 606 Q400 646 196 606 Q280 470 346 350 Z', g('body')),
				stroke('M376 360 Q350 480 300 622 M424 360 Q450 480 500 622', p.dark, 3, op(0.6)),
				stroke('M400 362 L400 630', p.light, 3, op(0.7)),
				path('M346 350 Q300 470 196 606 Q232 614 262 618 Q316 480 360 356 Z', p.light, op(0.35) + NO_STROKE),
				// Bodice.
				path('M334 210 Q368 236 400 222 Q432 236 466 210 Q476 270 458 340 L342 340 Q324 270 334 210 Z', g('body')),
				path('M334 210 Q368 236 400 222 L400 340 L342 340 Q324 270 334 210 Z', p.light, op(0.3) + NO_STROKE),
				// Waistband.
				rect(338, 334, 124, 24, 8, p.dark)
			].join(''),
			shadow: [400, 640, 200, 16]
		};
	},

	jacket({ p, g }) {
		return {
			body: [
				// Body.
				path('M350 182 L450 182 L548 208 Q534 400 540 604 L260 604 Q266 400 252 208 Z', g('body')),
				// Shirt visible in the V.
				path('M352 184 L448 184 L400 318 Z', N.white, ` stroke="${N.outline}"`),
				// Lapels.
				path('M350 182 L384 184 L400 318 L378 330 L336 232 L354 218 Z', p.dark),
				path('M450 182 L416 184 L400 318 L422 330 L464 232 L446 218 Z', p.dark),
				// Opening and buttons.
				stroke('M400 318 L400 604', p.seam, 3),
				circ(414, 392, 7, p.deep),
				circ(414, 460, 7, p.deep),
				circ(414, 528, 7, p.deep),
				// Pocket flaps.
				rect(292, 480, 74, 16, 4, p.dark),
				rect(434, 480, 74, 16, 4, p.dark),
				rect(440, 298, 56, 10, 3, p.dark),
				// Sleeves.
				path('M254 208 Q218 214 208 262 L186 560 L244 568 L272 310 Z', p.base),
				path('M546 208 Q582 214 592 262 L614 560 L556 568 L528 310 Z', p.base),
				path('M188 538 L246 546 L244 568 L186 560 Z', p.dark),
				path('M612 538 L554 546 L556 568 L614 560 Z', p.dark),
				stroke('M240 250 L226 520', p.light, 3, op(0.7))
			].join(''),
			shadow: [400, 616, 200, 16]
		};
	},

	shoe({ p, g }) {
		const laces = Array.from({ length: 5 }, (_, i) => {
			const t = i / 4;
			const x = 402 + t * 128;
			const y = 350 + t * 50;
			return `M${n(x - 10)} ${n(y - 14)} L${n(x + 18)} ${n(y + 20)}`;
		}).join(' ');
		return {
			body: [
				// Upper.
				path(
					'M186 472 L190 372 Q192 340 226 336 Q270 342 300 360 Q320 372 338 364 L352 326 Q368 312 388 322 L400 344 Q480 378 566 406 Q652 430 680 470 L680 474 Z',
					g('body')
				),
				// Heel counter and toe cap.
				path('M186 472 L190 376 Q236 386 262 472 Z', p.dark),
				path('M580 472 Q578 428 604 414 Q656 432 680 470 L680 474 Z', p.light),
				// Collar lining.
				path('M226 336 Q270 342 300 360 Q320 372 338 364 L346 346 Q316 356 296 346 Q260 330 226 336 Z', p.deep, NO_STROKE),
				// Side stripe and laces.
				stroke('M300 444 Q420 436 530 402', p.light, 12),
				stroke(laces, N.white, 7),
				stroke(laces, p.line, 1.5, op(0.5)),
				// Sole.
				path(
					'M178 496 Q176 468 198 468 L652 468 Q688 470 694 500 Q696 524 666 524 L204 524 Q180 524 178 496 Z',
					N.white,
					` stroke="${N.outline}"`
				),
				stroke('M186 506 L690 506', N.whiteShade, 4)
			].join(''),
			shadow: [432, 534, 270, 20]
		};
	},

	hat({ p, g }) {
		return {
			body: [
				// Brim: edge then top.
				ell(400, 478, 252, 64, p.dark),
				ell(400, 470, 252, 62, p.base),
				ell(400, 470, 200, 44, p.light, op(0.35) + NO_STROKE),
				// Crown with pinched top.
				path(
					'M294 470 L300 336 Q302 282 352 274 Q382 272 400 292 Q418 272 448 274 Q498 282 500 336 L506 470 Q400 500 294 470 Z',
					g('body')
				),
				stroke('M400 294 Q394 330 400 372', p.dark, 3, op(0.7)),
				path('M300 336 Q302 282 352 274 Q330 300 326 420 L298 418 Z', p.light, op(0.3) + NO_STROKE),
				// Band and bow.
				path('M297 424 Q400 448 503 424 L506 468 Q400 496 294 468 Z', p.deep),
				path('M318 436 L348 426 L352 462 L320 460 Z', p.dark)
			].join(''),
			shadow: [400, 548, 230, 20]
		};
	},

	bag({ p, g, v }) {
		const handle = v % 2 === 1 ? 'M322 336 Q322 200 400 200 Q478 200 478 336' : 'M320 336 C316 226 484 226 480 336';
		return {
			body: [
				// Back handle.
				stroke(handle, p.line, 20, ' transform="translate(14 -10)"'),
				stroke(handle, p.deep, 14, ' transform="translate(14 -10)"'),
				// Body.
				path(
					'M262 330 L538 330 Q554 330 556 346 L590 592 Q592 614 570 614 L230 614 Q208 614 210 592 L244 346 Q246 330 262 330 Z',
					g('body')
				),
				stroke('M246 356 L554 356', p.seam, 3),
				stroke('M226 590 L574 590', p.light, 3, ' stroke-dasharray="10 8"'),
				path('M244 346 Q246 330 262 330 L300 330 L262 614 L230 614 Q208 614 210 592 Z', p.light, op(0.3) + NO_STROKE),
				// Front handle with tabs.
				stroke(handle, p.line, 20),
				stroke(handle, p.dark, 14),
				rect(306, 318, 28, 44, 6, p.dark),
				rect(466, 318, 28, 44, 6, p.dark),
				// Clasp.
				rect(380, 346, 40, 36, 8, '#d8b66c', ' stroke="#9b7c3c"'),
				rect(392, 358, 16, 12, 3, '#b8944c', NO_STROKE)
			].join(''),
			shadow: [400, 614, 220, 22]
		};
	},

	headphones({ p, g }) {
		const band = 'M244 412 C236 150 564 150 556 412';
		const cup = (cx: number, dir: 1 | -1) =>
			[
				ell(cx + dir * 34, 470, 30, 74, p.deep),
				rect(cx - 8, 392, 16, 50, 6, N.metal, ` stroke="${N.metalDark}"`),
				ell(cx, 470, 58, 84, g('body')),
				ell(cx - dir * 8, 470, 38, 62, p.light, op(0.5) + NO_STROKE),
				ell(cx - dir * 8, 470, 22, 40, p.base, NO_STROKE)
			].join('');
		return {
			body: [
				stroke(band, p.line, 30),
				stroke(band, p.dark, 24),
				stroke('M300 262 C340 200 460 200 500 262', p.line, 38),
				stroke('M300 262 C340 200 460 200 500 262', p.base, 32),
				stroke('M318 246 C350 210 450 210 482 246', p.light, 6, op(0.7)),
				cup(244, 1),
				cup(556, -1)
			].join(''),
			shadow: [400, 574, 220, 22]
		};
	},

	speaker({ p, g }) {
		const driver = (cy: number, r: number) =>
			[
				circ(400, cy, r, p.deep),
				circ(400, cy, r * 0.86, N.glassLight, ` stroke="${N.glass}"`),
				circ(400, cy, r * 0.74, g('cone'), NO_STROKE),
				circ(400, cy, r * 0.3, N.glassLight, ` stroke="${N.glass}"`)
			].join('');
		return {
			body: [
				// Side face for a hint of depth.
				path('M500 176 L548 196 Q556 200 556 212 L556 604 Q556 616 548 620 L500 640 Z', p.dark),
				rect(256, 160, 266, 480, 28, g('body')),
				rect(272, 176, 234, 448, 20, p.light, op(0.25) + NO_STROKE),
				driver(300, 54),
				driver(476, 100),
				circ(389, 604, 6, p.light, NO_STROKE)
			].join(''),
			shadow: [406, 640, 190, 20]
		};
	},

	phone({ p, g }) {
		return {
			body: [
				// Back of a second phone, showing the colour and cameras.
				rect(384, 140, 204, 420, 38, g('body')),
				rect(400, 158, 90, 96, 24, p.dark),
				circ(424, 184, 18, N.glass, ` stroke="${N.metalDark}"`),
				circ(424, 228, 18, N.glass, ` stroke="${N.metalDark}"`),
				circ(464, 206, 10, N.glassLight, ` stroke="${N.metalDark}"`),
				circ(420, 180, 5, '#ffffff', op(0.5) + NO_STROKE),
				rect(590, 240, 5, 50, 2, p.dark, NO_STROKE),
				// Front phone.
				rect(226, 226, 204, 420, 38, p.base),
				rect(234, 234, 188, 404, 31, N.glass, NO_STROKE),
				rect(242, 242, 172, 388, 25, g('screen'), NO_STROKE),
				path('M242 520 L414 360 L414 600 Q414 630 389 630 L267 630 Q242 630 242 605 Z', '#ffffff', op(0.07) + NO_STROKE),
				rect(300, 254, 56, 16, 8, '#000000', NO_STROKE),
				rect(280, 318, 96, 26, 8, '#ffffff', op(0.75) + NO_STROKE),
				rect(300, 352, 56, 8, 4, '#ffffff', op(0.6) + NO_STROKE),
				rect(292, 616, 72, 5, 2.5, '#ffffff', op(0.8) + NO_STROKE)
			].join(''),
			shadow: [408, 640, 200, 20]
		};
	},

	laptop({ p, g }) {
		const at = trapezoid(462, 214, 586, 542, 142, 658);
		let keys = '';
		const rows = 5;
		const cols = 13;
		for (let r = 0; r < rows; r++) {
			for (let c = 0; c < cols; c++) {
				const u0 = 0.1 + (c / cols) * 0.8;
				const u1 = 0.1 + ((c + 1) / cols) * 0.8 - 0.012;
				const v0 = 0.08 + (r / rows) * 0.5;
				const v1 = 0.08 + ((r + 1) / rows) * 0.5 - 0.03;
				keys += poly([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)], p.dark, NO_STROKE);
			}
		}
		const pad = [at(0.36, 0.66), at(0.64, 0.66), at(0.65, 0.94), at(0.35, 0.94)] as [number, number][];
		return {
			body: [
				// Lid.
				rect(210, 172, 380, 294, 18, p.base),
				rect(218, 180, 364, 278, 12, N.glass, NO_STROKE),
				rect(232, 194, 336, 250, 4, g('screen'), NO_STROKE),
				path('M232 420 L440 194 L568 194 L568 250 L400 444 L232 444 Z', '#ffffff', op(0.06) + NO_STROKE),
				// Base.
				path('M142 542 L658 542 L654 560 Q651 568 642 568 L158 568 Q149 568 146 560 Z', p.dark),
				path('M214 462 L586 462 L658 542 L142 542 Z', p.light),
				keys,
				poly(pad, p.base, NO_STROKE),
				rect(360, 542, 80, 6, 3, p.deep, NO_STROKE),
				rect(226, 460, 348, 8, 4, p.deep, NO_STROKE)
			].join(''),
			shadow: [400, 566, 300, 24]
		};
	},

	tv({ p, g, v }) {
		const stand =
			v % 2 === 1
				? // Two slim feet.
					path('M196 480 L214 480 L186 584 L170 584 Z', p.dark) +
					path('M586 480 L604 480 L630 584 L614 584 Z', p.dark) +
					rect(150, 578, 60, 10, 5, p.dark) +
					rect(590, 578, 60, 10, 5, p.dark)
				: rect(386, 480, 28, 96, 4, p.dark) +
					path('M292 598 Q292 574 320 572 L480 572 Q508 574 508 598 Z', p.base);
		return {
			body: [
				stand,
				rect(120, 160, 560, 328, 12, p.base),
				rect(126, 166, 548, 316, 8, N.glass, NO_STROKE),
				rect(134, 174, 532, 300, 4, g('screen'), NO_STROKE),
				path('M134 430 L380 174 L520 174 L270 474 L134 474 Z', '#ffffff', op(0.06) + NO_STROKE),
				rect(392, 482, 16, 4, 2, p.light, NO_STROKE)
			].join(''),
			shadow: [400, 596, 240, 20]
		};
	},

	watch({ p, g, v }) {
		const dial = v % 2 === 1 ? N.glass : '#fbfaf7';
		const ink = v % 2 === 1 ? '#f2f2f2' : '#2b2d31';
		// Seconds hand in the product colour unless it would vanish against the dial.
		const lum = luminance(p.base);
		const accent = (v % 2 === 1 ? lum > 0.12 : lum < 0.45) ? p.base : '#d9463b';
		const ticks = Array.from({ length: 12 }, (_, i) => {
			const a = (i / 12) * Math.PI * 2;
			const r0 = i % 3 === 0 ? 64 : 72;
			return `M${n(400 + Math.sin(a) * r0)} ${n(400 - Math.cos(a) * r0)} L${n(400 + Math.sin(a) * 82)} ${n(400 - Math.cos(a) * 82)}`;
		}).join(' ');
		const hand = (deg: number, len: number) => {
			const a = (deg * Math.PI) / 180;
			return `M400 400 L${n(400 + Math.sin(a) * len)} ${n(400 - Math.cos(a) * len)}`;
		};
		return {
			body: [
				// Straps.
				rect(346, 150, 108, 200, 20, g('body')),
				rect(346, 450, 108, 200, 20, g('body')),
				stroke('M356 170 L356 330 M444 170 L444 330 M356 470 L356 630 M444 470 L444 630', p.seam, 2, op(0.6)),
				...[560, 592, 624].map((y) => ell(400, y, 6, 8, p.deep)),
				// Lugs and case.
				rect(352, 276, 96, 248, 24, N.metalDark),
				rect(512, 386, 18, 28, 5, g('metal'), ` stroke="${N.metalDark}"`),
				circ(400, 400, 116, g('metal'), ` stroke="${N.metalDark}"`),
				circ(400, 400, 100, N.metalDark, NO_STROKE),
				circ(400, 400, 94, dial, NO_STROKE),
				stroke(ticks, ink, 5),
				stroke(hand(-60, 52), ink, 9),
				stroke(hand(60, 76), ink, 6),
				stroke(hand(170, 84), accent, 3),
				circ(400, 400, 8, ink, NO_STROKE),
				path('M330 340 Q370 300 430 306 Q380 316 346 356 Z', '#ffffff', op(0.25) + NO_STROKE)
			].join(''),
			shadow: [400, 664, 130, 14]
		};
	},

	camera({ p, g }) {
		return {
			body: [
				// Top plate: viewfinder hump and controls.
				path('M326 296 L348 236 Q352 226 364 226 L436 226 Q448 226 452 236 L474 296 Z', p.dark),
				rect(520, 262, 50, 34, 8, p.dark),
				rect(516, 254, 58, 14, 7, N.metal, ` stroke="${N.metalDark}"`),
				rect(236, 276, 56, 22, 6, p.dark),
				// Body.
				rect(186, 290, 428, 272, 30, g('body')),
				rect(186, 336, 428, 180, 0, p.dark, op(0.55)),
				rect(186, 290, 66, 272, 30, p.dark),
				rect(550, 316, 40, 24, 6, N.white, ` stroke="${N.outline}"`),
				// Lens.
				circ(400, 430, 124, p.deep),
				circ(400, 430, 108, N.glassLight, ` stroke="${N.glass}"`),
				circ(400, 430, 88, N.glass, NO_STROKE),
				circ(400, 430, 70, g('glass'), ` stroke="${N.glassLight}"`),
				circ(400, 430, 28, '#0d0f13', NO_STROKE),
				ell(372, 402, 18, 11, '#ffffff', op(0.55) + NO_STROKE + ' transform="rotate(-30 372 402)"'),
				circ(428, 458, 6, '#ffffff', op(0.3) + NO_STROKE)
			].join(''),
			shadow: [400, 566, 250, 22]
		};
	},

	cushion({ p, g }) {
		return {
			body: [
				path('M222 228 Q400 262 580 220 Q552 400 590 580 Q400 548 212 576 Q248 400 222 228 Z', g('puff')),
				stroke('M230 236 Q260 250 276 274 M572 228 Q544 246 530 272 M582 572 Q552 556 530 528 M220 568 Q250 554 270 530', p.dark, 3, op(0.55)),
				stroke('M400 400 L372 360 M400 400 L432 364 M400 400 L436 436 M400 400 L366 438', p.dark, 3, op(0.45)),
				circ(400, 400, 13, p.dark),
				circ(396, 396, 4, p.light, NO_STROKE)
			].join(''),
			shadow: [400, 600, 210, 20]
		};
	},

	box({ p }) {
		const tape = '#ffffff';
		return {
			body: [
				path('M200 290 L400 370 L400 606 L200 526 Z', p.base),
				path('M400 370 L600 290 L600 526 L400 606 Z', p.dark),
				path('M400 210 L600 290 L400 370 L200 290 Z', p.light),
				poly(
					[
						[283.3, 256.7],
						[316.7, 243.3],
						[516.7, 323.3],
						[483.3, 336.7]
					],
					tape,
					op(0.45) + NO_STROKE
				),
				poly(
					[
						[483.3, 336.7],
						[516.7, 323.3],
						[516.7, 403.3],
						[483.3, 416.7]
					],
					tape,
					op(0.35) + NO_STROKE
				),
				stroke('M200 290 L400 370 L600 290 M400 370 L400 606', p.line, 3)
			].join(''),
			shadow: [400, 572, 240, 44]
		};
	}
};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

const VARIANT_SCALE: [number, number][] = [
	[1, 1],
	[1.06, 0.97],
	[0.95, 1.04],
	[1.03, 1.03]
];

function isShape(shape: string): shape is PictureShape {
	return (PICTURE_SHAPES as readonly string[]).includes(shape);
}

/** An 800×800 SVG product photo stand-in: the object drawn in `hex` on a soft studio background. Unknown shapes draw 'box'. */
export function productSvg(shape: string, hex: string, variant = 0): string {
	const kind: PictureShape = typeof shape === 'string' && isShape(shape) ? shape : 'box';
	const base = sanitizeHex(hex);
	const v = Number.isFinite(variant) ? ((Math.trunc(variant) % 4) + 4) % 4 : 0;
	const p = palette(base);
	// Ids unique per picture so several inlined SVGs on one page do not clash.
	const id = `ap${PICTURE_SHAPES.indexOf(kind)}${base.slice(1)}${v}`;
	const g: Ctx['g'] = (name) => `url(#${id}-${name})`;
	const { body, shadow } = SHAPES[kind]({ p, g, v });
	const [cx, cy, rx, ry] = shadow;
	const [sx, sy] = VARIANT_SCALE[v];
	const transform =
		sx === 1 && sy === 1 ? '' : ` transform="translate(${cx} ${cy}) scale(${sx} ${sy}) translate(${-cx} ${-cy})"`;
	const screenGlow = mix(base, '#5b7cff', luminance(base) > 0.7 || luminance(base) < 0.06 ? 0.7 : 0.25);

	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
		'<defs>',
		`<radialGradient id="${id}-bg" cx="50%" cy="42%" r="72%">`,
		'<stop offset="0" stop-color="#fcfbf9"/><stop offset="0.6" stop-color="#f3f1ed"/><stop offset="1" stop-color="#e6e3de"/>',
		'</radialGradient>',
		`<radialGradient id="${id}-shadow">`,
		'<stop offset="0" stop-color="#3b342c" stop-opacity="0.32"/><stop offset="0.55" stop-color="#3b342c" stop-opacity="0.14"/><stop offset="1" stop-color="#3b342c" stop-opacity="0"/>',
		'</radialGradient>',
		`<linearGradient id="${id}-body" x1="0" y1="0" x2="0.35" y2="1">`,
		`<stop offset="0" stop-color="${mix(base, '#ffffff', 0.14)}"/><stop offset="0.55" stop-color="${base}"/><stop offset="1" stop-color="${mix(base, '#000000', 0.1)}"/>`,
		'</linearGradient>',
		`<linearGradient id="${id}-screen" x1="0" y1="0" x2="1" y2="1">`,
		`<stop offset="0" stop-color="${mix(screenGlow, '#ffffff', 0.25)}"/><stop offset="0.5" stop-color="${screenGlow}"/><stop offset="1" stop-color="${mix(screenGlow, '#0b0d12', 0.65)}"/>`,
		'</linearGradient>',
		`<radialGradient id="${id}-glass" cx="40%" cy="38%" r="70%">`,
		'<stop offset="0" stop-color="#4b5a7c"/><stop offset="0.6" stop-color="#1e2433"/><stop offset="1" stop-color="#0c0e13"/>',
		'</radialGradient>',
		`<radialGradient id="${id}-cone" cx="45%" cy="40%" r="65%">`,
		'<stop offset="0" stop-color="#5a606b"/><stop offset="1" stop-color="#22252b"/>',
		'</radialGradient>',
		`<linearGradient id="${id}-metal" x1="0" y1="0" x2="1" y2="1">`,
		'<stop offset="0" stop-color="#f1f2f4"/><stop offset="0.5" stop-color="#c3c7cd"/><stop offset="1" stop-color="#8f959d"/>',
		'</linearGradient>',
		`<radialGradient id="${id}-puff" cx="46%" cy="44%" r="62%">`,
		`<stop offset="0" stop-color="${p.light}"/><stop offset="0.6" stop-color="${base}"/><stop offset="1" stop-color="${p.dark}"/>`,
		'</radialGradient>',
		'</defs>',
		`<rect width="${SIZE}" height="${SIZE}" fill="url(#${id}-bg)"/>`,
		`<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx * sx * 1.08)}" ry="${n(ry * 1.25)}" fill="url(#${id}-shadow)"/>`,
		`<g stroke="${p.line}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"${transform}>`,
		body,
		'</g>',
		'</svg>'
	].join('');
}
