/**
 * Demo 3D models, built in code: each product type is assembled from boxes, cylinders, cones,
 * ellipsoids and arcs, sized from the product's own width, height and depth (metres, +Y up,
 * standing on the floor at the origin, front towards +Z), so "see it in your room" shows it at
 * its real size. Written as glTF binary with gltf-transform; the PIM validates and compresses
 * it like any uploaded model.
 */
import { Document, NodeIO, type Material } from '@gltf-transform/core';

/** The picture shapes that have a 3D model; clothes and accessories do not. */
export const MODEL_SHAPES = [
	'chair',
	'table',
	'sofa',
	'bed',
	'shelf',
	'cabinet',
	'lamp',
	'rug',
	'cushion',
	'speaker',
	'tv',
	'laptop',
	'phone',
	'camera',
	'watch',
	'headphones',
	'box'
] as const;
export type ModelShape = (typeof MODEL_SHAPES)[number];

export function hasModel(shape: string): shape is ModelShape {
	return (MODEL_SHAPES as readonly string[]).includes(shape);
}

/** Outside size in metres. */
export interface Size {
	w: number;
	h: number;
	d: number;
}

type Finish = 'main' | 'trim' | 'dark' | 'metal' | 'glass';

/** Triangles in world space, by finish; every part is appended here. */
class Builder {
	readonly parts = new Map<Finish, { pos: number[]; nor: number[]; idx: number[] }>();

	private target(finish: Finish) {
		let t = this.parts.get(finish);
		if (!t) this.parts.set(finish, (t = { pos: [], nor: [], idx: [] }));
		return t;
	}

	/** Adds vertices (with normals) and triangles, turned by `tilt` radians about X around `pivot`, then moved. */
	private add(finish: Finish, pos: number[], nor: number[], idx: number[], at: [number, number, number], tilt = 0) {
		const t = this.target(finish);
		const base = t.pos.length / 3;
		const c = Math.cos(tilt);
		const s = Math.sin(tilt);
		for (let i = 0; i < pos.length; i += 3) {
			const [x, y, z] = [pos[i], pos[i + 1], pos[i + 2]];
			t.pos.push(x + at[0], y * c - z * s + at[1], y * s + z * c + at[2]);
			t.nor.push(nor[i], nor[i + 1] * c - nor[i + 2] * s, nor[i + 1] * s + nor[i + 2] * c);
		}
		for (const i of idx) t.idx.push(base + i);
	}

	/**
	 * A box whose bottom-centre is at `at`; `tilt` turns it about X first, around its own
	 * bottom-centre moved by `pre` (so a lid can turn about its back edge).
	 */
	box(finish: Finish, w: number, h: number, d: number, at: [number, number, number], tilt = 0, pre: [number, number, number] = [0, 0, 0]) {
		const pos: number[] = [];
		const nor: number[] = [];
		const idx: number[] = [];
		const faces: [number[], number[], number[]][] = [
			[[1, 0, 0], [0, 1, 0], [0, 0, 1]],
			[[-1, 0, 0], [0, 1, 0], [0, 0, -1]],
			[[0, 1, 0], [0, 0, 1], [1, 0, 0]],
			[[0, -1, 0], [0, 0, -1], [1, 0, 0]],
			[[0, 0, 1], [1, 0, 0], [0, 1, 0]],
			[[0, 0, -1], [-1, 0, 0], [0, 1, 0]]
		];
		const half = [w / 2, h / 2, d / 2];
		for (const [n, u, v] of faces) {
			const first = pos.length / 3;
			for (const [a, b] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
				for (let k = 0; k < 3; k++) pos.push((n[k] + u[k] * a + v[k] * b) * half[k] + (k === 1 ? h / 2 : 0) + pre[k]);
				nor.push(...n);
			}
			// u × v = n, so (0,1,2) is counter-clockwise seen from outside.
			idx.push(first, first + 1, first + 2, first, first + 2, first + 3);
		}
		this.add(finish, pos, nor, idx, at, tilt);
	}

	/**
	 * A capped frustum along `axis` ('y' upright; 'x' or 'z' lying), bottom radius `r0`, top `r1`,
	 * its base centre at `at`.
	 */
	cylinder(finish: Finish, r0: number, r1: number, h: number, at: [number, number, number], axis: 'x' | 'y' | 'z' = 'y', segments = 24) {
		const pos: number[] = [];
		const nor: number[] = [];
		const idx: number[] = [];
		const slope = (r0 - r1) / h;
		const len = Math.hypot(1, slope);
		for (let i = 0; i <= segments; i++) {
			const a = (i / segments) * Math.PI * 2;
			const [cx, cz] = [Math.cos(a), Math.sin(a)];
			pos.push(cx * r0, 0, cz * r0, cx * r1, h, cz * r1);
			nor.push(cx / len, slope / len, cz / len, cx / len, slope / len, cz / len);
		}
		for (let i = 0; i < segments; i++) {
			const a = i * 2;
			idx.push(a, a + 1, a + 2, a + 1, a + 3, a + 2);
		}
		for (const [y, r, up] of [[0, r0, -1], [h, r1, 1]] as const) {
			if (r <= 0) continue;
			const centre = pos.length / 3;
			pos.push(0, y, 0);
			nor.push(0, up, 0);
			for (let i = 0; i <= segments; i++) {
				const a = (i / segments) * Math.PI * 2;
				pos.push(Math.cos(a) * r, y, Math.sin(a) * r);
				nor.push(0, up, 0);
			}
			for (let i = 0; i < segments; i++) {
				if (up > 0) idx.push(centre, centre + i + 2, centre + i + 1);
				else idx.push(centre, centre + i + 1, centre + i + 2);
			}
		}
		this.add(finish, ...lay(pos, nor, axis), idx, at);
	}

	/** An ellipsoid with radii rx, ry, rz centred at `at`. */
	ellipsoid(finish: Finish, rx: number, ry: number, rz: number, at: [number, number, number], segments = 24) {
		const pos: number[] = [];
		const nor: number[] = [];
		const idx: number[] = [];
		const rings = Math.max(8, segments / 2);
		for (let y = 0; y <= rings; y++) {
			const v = (y / rings) * Math.PI;
			for (let x = 0; x <= segments; x++) {
				const u = (x / segments) * Math.PI * 2;
				const p = [Math.sin(v) * Math.cos(u), Math.cos(v), Math.sin(v) * Math.sin(u)];
				pos.push(p[0] * rx, p[1] * ry, p[2] * rz);
				const n = [p[0] / rx, p[1] / ry, p[2] / rz];
				const l = Math.hypot(...n) || 1;
				nor.push(n[0] / l, n[1] / l, n[2] / l);
			}
		}
		for (let y = 0; y < rings; y++)
			for (let x = 0; x < segments; x++) {
				const a = y * (segments + 1) + x;
				const b = a + segments + 1;
				idx.push(a, a + 1, b, b, a + 1, b + 1);
			}
		this.add(finish, pos, nor, idx, at);
	}

	/** A tube bent into an arc in the XY plane (a headphone band): radius `R`, tube radius `r`, from angle a0 to a1. */
	arc(finish: Finish, R: number, r: number, a0: number, a1: number, at: [number, number, number], segments = 24, sides = 10) {
		const pos: number[] = [];
		const nor: number[] = [];
		const idx: number[] = [];
		for (let i = 0; i <= segments; i++) {
			const a = a0 + ((a1 - a0) * i) / segments;
			const [ca, sa] = [Math.cos(a), Math.sin(a)];
			for (let j = 0; j <= sides; j++) {
				const b = (j / sides) * Math.PI * 2;
				const n = [Math.cos(b) * ca, Math.cos(b) * sa, Math.sin(b)];
				pos.push(R * ca + r * n[0], R * sa + r * n[1], r * n[2]);
				nor.push(...n);
			}
		}
		for (let i = 0; i < segments; i++)
			for (let j = 0; j < sides; j++) {
				const a = i * (sides + 1) + j;
				const b = a + sides + 1;
				idx.push(a, b, a + 1, b, b + 1, a + 1);
			}
		this.add(finish, pos, nor, idx, at);
	}
}

/** Turns an upright (Y) part so it lies along X or Z. */
function lay(pos: number[], nor: number[], axis: 'x' | 'y' | 'z'): [number[], number[]] {
	if (axis === 'y') return [pos, nor];
	const turn = (v: number[]) => {
		const out: number[] = [];
		for (let i = 0; i < v.length; i += 3) {
			const [x, y, z] = [v[i], v[i + 1], v[i + 2]];
			// Y → X: (x, y, z) → (y, -x, z); Y → Z: (x, y, z) → (x, -z, y).
			if (axis === 'x') out.push(y, -x, z);
			else out.push(x, -z, y);
		}
		return out;
	};
	return [turn(pos), turn(nor)];
}

/** Each shape, drawn into `b` at size `s` (metres). Proportions come from the product; details from the type. */
const SHAPES: Record<ModelShape, (b: Builder, s: Size) => void> = {
	chair(b, { w, h, d }) {
		const seat = Math.min(0.47, h * 0.52);
		const leg = 0.035;
		for (const [x, z] of corners(w / 2 - leg, d / 2 - leg)) b.box('trim', leg, seat - 0.05, leg, [x, 0, z]);
		b.box('main', w, 0.05, d, [0, seat - 0.05, 0]);
		b.box('main', w, h - seat, 0.04, [0, seat, -d / 2 + 0.02], -0.08);
	},
	table(b, { w, h, d }) {
		const top = 0.035;
		const leg = Math.max(0.04, Math.min(w, d) * 0.06);
		if (Math.abs(w - d) < 0.05 && w < 1.2) {
			// Round or square small tables: a round top on a pedestal.
			b.cylinder('main', w / 2, w / 2, top, [0, h - top, 0], 'y', 48);
			b.cylinder('trim', 0.04, 0.04, h - top, [0, 0, 0], 'y', 16);
			b.cylinder('trim', w * 0.25, w * 0.2, 0.03, [0, 0, 0], 'y', 32);
			return;
		}
		b.box('main', w, top, d, [0, h - top, 0]);
		for (const [x, z] of corners(w / 2 - leg, d / 2 - leg)) b.box('trim', leg, h - top, leg, [x, 0, z]);
		b.box('trim', w - 4 * leg, 0.08, 0.02, [0, h - top - 0.08, -d / 2 + leg]);
	},
	sofa(b, { w, h, d }) {
		const arm = Math.min(0.2, w * 0.1);
		for (const [x, z] of corners(w / 2 - 0.06, d / 2 - 0.06)) b.box('dark', 0.05, 0.1, 0.05, [x, 0, z]);
		b.box('main', w, 0.3, d, [0, 0.1, 0]);
		b.box('main', w - 2 * arm, 0.12, d - 0.25, [0, 0.4, 0.1]);
		b.box('main', w, h - 0.4, 0.22, [0, 0.4, -d / 2 + 0.11]);
		for (const x of [-1, 1]) b.box('main', arm, Math.min(h * 0.7, 0.65) - 0.4, d, [x * (w / 2 - arm / 2), 0.4, 0]);
	},
	bed(b, { w, h, d }) {
		b.box('trim', w, 0.3, d, [0, 0.05, 0]);
		for (const [x, z] of corners(w / 2 - 0.05, d / 2 - 0.05)) b.box('dark', 0.06, 0.05, 0.06, [x, 0, z]);
		b.box('main', w - 0.06, 0.2, d - 0.08, [0, 0.35, 0.02]);
		b.box('trim', w, h, 0.07, [0, 0, -d / 2 + 0.035]);
		for (const x of [-1, 1]) b.ellipsoid('glass', w * 0.18, 0.06, 0.2, [x * w * 0.22, 0.6, -d / 2 + 0.3]);
	},
	shelf(b, { w, h, d }) {
		const t = 0.025;
		for (const x of [-1, 1]) b.box('main', t, h, d, [x * (w / 2 - t / 2), 0, 0]);
		const shelves = Math.max(2, Math.round(h / 0.35));
		for (let i = 0; i <= shelves; i++) b.box('main', w - 2 * t, t, d, [0, Math.min(h - t, (i * (h - t)) / shelves), 0]);
		b.box('trim', w, h, 0.006, [0, 0, -d / 2 + 0.003]);
	},
	cabinet(b, { w, h, d }) {
		const foot = Math.min(0.12, h * 0.1);
		for (const [x, z] of corners(w / 2 - 0.04, d / 2 - 0.04)) b.box('metal', 0.03, foot, 0.03, [x, 0, z]);
		b.box('main', w, h - foot, d, [0, foot, 0]);
		const doors = w > 0.7 ? 2 : 1;
		for (let i = 0; i < doors; i++) {
			const x = doors === 1 ? 0.3 * w : (i === 0 ? -1 : 1) * 0.06;
			b.box('metal', 0.015, Math.min(0.18, h * 0.25), 0.02, [x, foot + (h - foot) * 0.55, d / 2 + 0.01]);
		}
		if (doors === 2) b.box('dark', 0.004, h - foot - 0.02, 0.004, [0, foot + 0.01, d / 2]);
	},
	lamp(b, { w, h, d }) {
		const r = Math.min(w, d) / 2;
		b.cylinder('metal', r * 0.55, r * 0.5, 0.03, [0, 0, 0]);
		b.cylinder('metal', 0.012, 0.012, h * 0.72, [0, 0.03, 0], 'y', 12);
		b.cylinder('main', r, r * 0.6, h * 0.3, [0, h * 0.7, 0]);
		b.ellipsoid('glass', r * 0.25, r * 0.25, r * 0.25, [0, h * 0.78, 0], 12);
	},
	rug(b, { w, d }) {
		b.box('main', w, 0.012, d, [0, 0, 0]);
		b.box('trim', w * 0.8, 0.013, d * 0.8, [0, 0, 0]);
	},
	cushion(b, { w, h, d }) {
		b.ellipsoid('main', w / 2, Math.max(h, 0.08) / 2, d / 2, [0, Math.max(h, 0.08) / 2, 0], 32);
	},
	speaker(b, { w, h, d }) {
		b.box('main', w, h, d, [0, 0, 0]);
		const drivers = w > h * 2 ? Math.max(2, Math.round(w / h)) : 1;
		const r = Math.min(h, w / drivers) * 0.32;
		for (let i = 0; i < drivers; i++) {
			const x = drivers === 1 ? 0 : -w / 2 + (w / drivers) * (i + 0.5);
			b.cylinder('dark', r, r * 0.8, 0.01, [x, h * (drivers === 1 ? 0.4 : 0.5), d / 2], 'z');
		}
	},
	tv(b, { w, h, d }) {
		const panel = 0.05;
		const stand = Math.max(0.05, h * 0.08);
		b.box('metal', w * 0.3, 0.015, Math.max(d, 0.2), [0, 0, 0]);
		b.box('metal', 0.06, stand, 0.03, [0, 0.015, 0]);
		b.box('dark', w, h - stand, panel, [0, stand, 0]);
		b.box('glass', w * 0.97, (h - stand) * 0.95, 0.003, [0, stand + (h - stand) * 0.025, panel / 2]);
	},
	laptop(b, { w, h, d }) {
		const base = Math.min(0.02, h * 0.1);
		b.box('metal', w, base, d, [0, 0, 0]);
		b.box('dark', w * 0.86, 0.002, d * 0.45, [0, base, -d * 0.12]);
		// The lid stands open at about 110°, hinged at the back edge.
		const open = -(Math.PI * 0.61);
		b.box('metal', w, 0.008, d, [0, base, -d / 2], open, [0, 0, d / 2]);
		// The screen is on the lid's inner face: the side that faced the keys when closed.
		b.box('glass', w * 0.92, 0.002, d * 0.88, [0, base, -d / 2], open, [0, -0.002, d / 2]);
	},
	phone(b, { w, h, d }) {
		// Shown standing up, as on a shop stand.
		b.box('main', w, h, Math.max(d, 0.007), [0, 0, 0]);
		b.box('glass', w * 0.92, h * 0.94, 0.001, [0, h * 0.03, Math.max(d, 0.007) / 2]);
		b.cylinder('dark', 0.006, 0.006, 0.003, [w * 0.3, h * 0.88, -Math.max(d, 0.007) / 2 - 0.003], 'z', 16);
	},
	camera(b, { w, h, d }) {
		b.box('dark', w, h * 0.8, d * 0.55, [0, 0, -d * 0.2]);
		b.box('dark', w * 0.25, h * 0.2, d * 0.4, [-w * 0.2, h * 0.8, -d * 0.2]);
		b.cylinder('main', h * 0.33, h * 0.3, d * 0.5, [0, h * 0.4, d * 0.05], 'z');
		b.cylinder('glass', h * 0.24, h * 0.24, 0.004, [0, h * 0.4, d * 0.55], 'z');
	},
	watch(b, { w, h, d }) {
		const r = Math.min(w, d) * 0.45;
		b.box('main', r * 1.1, 0.004, Math.max(d, w) * 2.2, [0, 0, 0]);
		b.cylinder('metal', r, r, Math.max(h, 0.01), [0, 0.004, 0]);
		b.cylinder('glass', r * 0.88, r * 0.88, 0.002, [0, 0.004 + Math.max(h, 0.01), 0]);
	},
	headphones(b, { w, h, d }) {
		const cup = Math.min(h * 0.28, d * 0.5);
		const span = w / 2 - cup * 0.3;
		for (const x of [-1, 1]) {
			b.cylinder('main', cup, cup, cup * 0.6, [x > 0 ? span - cup * 0.6 : -span, cup, 0], 'x');
			b.cylinder('dark', cup * 0.8, cup * 0.8, cup * 0.25, [x > 0 ? span - cup * 0.85 : -span + cup * 0.6, cup, 0], 'x');
		}
		// The band's ends sink into the tops of the cups.
		b.arc('main', span - cup * 0.3, 0.012, 0, Math.PI, [0, cup * 1.7, 0]);
	},
	box(b, { w, h, d }) {
		b.box('main', w, h, d, [0, 0, 0]);
		b.box('trim', w + 0.002, 0.05, d + 0.002, [0, h * 0.45, 0]);
	}
};

function corners(x: number, z: number): [number, number][] {
	return [
		[-x, -z],
		[x, -z],
		[-x, z],
		[x, z]
	];
}

function linear(hex: string): [number, number, number] {
	return [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
}

/** What each finish looks like, around the product's main colour. */
function finishes(doc: Document, hex: string, shape: ModelShape): Record<Finish, Material> {
	const main = /^#[0-9a-f]{6}$/i.test(hex) ? linear(hex) : [0.4, 0.4, 0.4];
	const wooden = ['chair', 'table', 'bed', 'shelf', 'cabinet'].includes(shape);
	const soft = ['sofa', 'rug', 'cushion', 'bed'].includes(shape);
	const material = (name: string, rgb: number[], metal: number, rough: number) =>
		doc.createMaterial(name).setBaseColorFactor([rgb[0], rgb[1], rgb[2], 1]).setMetallicFactor(metal).setRoughnessFactor(rough);
	return {
		main: material('main', main, 0, soft ? 0.95 : wooden ? 0.6 : 0.45),
		trim: material('trim', wooden ? [0.28, 0.17, 0.09] : main.map((c) => c * 0.6), 0, 0.6),
		dark: material('dark', [0.02, 0.02, 0.025], 0, 0.5),
		metal: material('metal', [0.6, 0.6, 0.62], 1, 0.35),
		glass: material('glass', [0.05, 0.06, 0.08], 0, 0.08)
	};
}

/** A glTF binary of `shape` in colour `hex`, `size` metres (clamped to something that can stand in a room). */
export async function demoModel(shape: ModelShape, hex: string, size: Size, name: string = shape): Promise<Uint8Array> {
	const clamp = (v: number) => Math.min(6, Math.max(0.01, Number.isFinite(v) ? v : 0.3));
	const s = { w: clamp(size.w), h: clamp(size.h), d: clamp(size.d) };
	const b = new Builder();
	SHAPES[shape](b, s);
	const doc = new Document();
	doc.getRoot().getAsset().generator = 'Aisle demo catalog';
	const buffer = doc.createBuffer();
	const look = finishes(doc, hex, shape);
	const mesh = doc.createMesh(name);
	for (const [finish, part] of b.parts) {
		const count = part.pos.length / 3;
		const indices = count > 65535 ? new Uint32Array(part.idx) : new Uint16Array(part.idx);
		mesh.addPrimitive(
			doc
				.createPrimitive()
				.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(part.pos)).setBuffer(buffer))
				.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(part.nor)).setBuffer(buffer))
				.setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
				.setMaterial(look[finish])
		);
	}
	// Materials no part used stay out of the file.
	for (const m of doc.getRoot().listMaterials()) if (!m.listParents().some((p) => p.propertyType === 'Primitive')) m.dispose();
	doc.createScene('scene').addChild(doc.createNode(name).setMesh(mesh));
	return new NodeIO().writeBinary(doc);
}
