// The 3D viewer's three.js side: scene, studio lighting, controls, loading and teardown.
// Imported only dynamically (by ModelViewer.svelte), so three stays out of every page's
// initial bundle.
import {
	ACESFilmicToneMapping,
	Box3,
	DirectionalLight,
	Mesh,
	PCFShadowMap,
	PerspectiveCamera,
	PlaneGeometry,
	PMREMGenerator,
	Scene,
	ShadowMaterial,
	Sphere,
	Texture,
	Vector3,
	WebGLRenderer,
	type Material,
	type Object3D
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

export interface ViewerCallbacks {
	/** Share of the file downloaded, 0–1; null while the size is unknown. */
	onprogress?(ratio: number | null): void;
	/** The model has been drawn once: hide the poster. */
	onready?(): void;
	onerror?(message: string): void;
}

export interface Viewer {
	/** Back to the first framing (and no auto-rotation). */
	reset(): void;
	/** Stops drawing and frees every GPU resource: geometries, materials, textures, targets, the context. */
	dispose(): void;
}

const FOV = 35;

/** Reads the model, reporting progress from the response stream (fetch gives no upload-style events). */
async function download(src: string, signal: AbortSignal, onprogress?: (ratio: number | null) => void): Promise<ArrayBuffer> {
	const res = await fetch(src, { signal });
	if (!res.ok) throw new Error(`The 3D model could not be loaded (HTTP ${res.status}).`);
	const total = Number(res.headers.get('content-length')) || 0;
	if (!res.body) return res.arrayBuffer();
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	onprogress?.(total ? 0 : null);
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.length;
		onprogress?.(total ? Math.min(1, loaded / total) : null);
	}
	const out = new Uint8Array(loaded);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out.buffer;
}

function disposeMaterial(material: Material) {
	for (const value of Object.values(material)) {
		if (!(value instanceof Texture)) continue;
		value.dispose();
		// GLTFLoader decodes images to ImageBitmaps, which hold memory until closed.
		if (typeof ImageBitmap !== 'undefined' && value.image instanceof ImageBitmap) value.image.close();
	}
	material.dispose();
}

function disposeTree(root: Object3D) {
	root.traverse((o) => {
		const mesh = o as Mesh;
		if (!mesh.isMesh) return;
		mesh.geometry.dispose();
		for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) disposeMaterial(m);
	});
}

/**
 * Shows the glTF binary at `src` on `canvas`: studio lighting (a room environment and a key
 * light casting soft shadows on an invisible floor), framed to the model's bounds, turning
 * slowly until the first touch. Touch or mouse rotates, pinch or wheel zooms within limits,
 * two fingers pan a little. Meshopt-compressed models are decoded.
 */
export function createViewer(canvas: HTMLCanvasElement, src: string, callbacks: ViewerCallbacks = {}): Viewer {
	const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, powerPreference: 'high-performance' });
	renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
	renderer.toneMapping = ACESFilmicToneMapping;
	renderer.shadowMap.enabled = true;
	renderer.shadowMap.type = PCFShadowMap;

	const scene = new Scene();
	const pmrem = new PMREMGenerator(renderer);
	const room = new RoomEnvironment();
	const environment = pmrem.fromScene(room).texture;
	room.dispose();
	performance.mark('model-viewer:environment');
	scene.environment = environment;

	const camera = new PerspectiveCamera(FOV, 1, 0.01, 100);
	camera.position.set(1.6, 1.1, 2.4);
	const controls = new OrbitControls(camera, canvas);
	controls.enableDamping = true;
	controls.screenSpacePanning = true;
	controls.maxPolarAngle = Math.PI / 2 - 0.05; // never below the floor
	controls.autoRotate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	controls.autoRotateSpeed = 1.2;
	controls.listenToKeyEvents(canvas);

	const light = new DirectionalLight(0xffffff, 2.2);
	light.castShadow = true;
	light.shadow.mapSize.set(1024, 1024);
	light.shadow.radius = 6;
	light.shadow.bias = -0.0005;
	scene.add(light, light.target);

	const floor = new Mesh(new PlaneGeometry(1, 1), new ShadowMaterial({ opacity: 0.22 }));
	floor.rotation.x = -Math.PI / 2;
	floor.receiveShadow = true;
	scene.add(floor);

	let frame = 0;
	let dirty = true;
	let disposed = false;
	let announced = false;
	let last = performance.now();
	let model: Object3D | null = null;
	const abort = new AbortController();

	const stopAutoRotate = () => (controls.autoRotate = false);
	const markDirty = () => (dirty = true);
	controls.addEventListener('start', stopAutoRotate);
	controls.addEventListener('change', markDirty);

	function resize() {
		const { clientWidth: w, clientHeight: h } = canvas;
		if (!w || !h) return;
		renderer.setSize(w, h, false);
		camera.aspect = w / h;
		camera.updateProjectionMatrix();
		dirty = true;
	}
	const observer = new ResizeObserver(resize);
	observer.observe(canvas);
	resize();

	function tick(now: number) {
		frame = requestAnimationFrame(tick);
		// Nothing to draw until the model is in (the poster shows): drawing the empty, turning
		// studio meanwhile would take the main thread from the download and decoding.
		if (!model) {
			last = now;
			return;
		}
		const moved = controls.update((now - last) / 1000);
		last = now;
		if (!moved && !dirty) return;
		dirty = false;
		renderer.render(scene, camera);
		if (model && !announced) {
			announced = true;
			callbacks.onready?.();
		}
	}
	frame = requestAnimationFrame(tick);

	/** Puts the model's base on the floor at the origin and the camera where all of it shows. */
	function frameModel(root: Object3D) {
		const box = new Box3().setFromObject(root);
		const size = box.getSize(new Vector3());
		const center = box.getCenter(new Vector3());
		root.position.sub(new Vector3(center.x, box.min.y, center.z));
		const { radius } = box.getBoundingSphere(new Sphere());
		const r = radius || 1;
		// The narrower of the two view angles decides: a portrait kiosk screen is narrow across.
		const vertical = (FOV * Math.PI) / 180;
		const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * (camera.aspect || 1));
		const distance = (r / Math.sin(Math.min(vertical, horizontal) / 2)) * 1.1;
		const target = new Vector3(0, size.y / 2, 0);
		camera.near = distance / 100;
		camera.far = distance * 20;
		camera.position.copy(target).add(new Vector3(0.55, 0.35, 0.76).normalize().multiplyScalar(distance));
		camera.updateProjectionMatrix();
		controls.target.copy(target);
		controls.cursor.copy(target);
		controls.maxTargetRadius = r * 0.6;
		controls.minDistance = r * 0.6;
		controls.maxDistance = distance * 3;
		controls.update();
		controls.saveState();

		light.position.set(r * 2, r * 4, r * 1.5);
		const shadow = light.shadow.camera;
		shadow.left = shadow.bottom = -r * 1.5;
		shadow.right = shadow.top = r * 1.5;
		shadow.near = r * 0.5;
		shadow.far = r * 10;
		shadow.updateProjectionMatrix();
		floor.scale.setScalar(r * 6);
		dirty = true;
	}

	(async () => {
		try {
			const data = await download(src, abort.signal, callbacks.onprogress);
			const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
			performance.mark('model-viewer:downloaded');
			const gltf = await loader.parseAsync(data, '');
			performance.mark('model-viewer:parsed');
			if (disposed) return disposeTree(gltf.scene);
			gltf.scene.traverse((o) => {
				if ((o as Mesh).isMesh) o.castShadow = o.receiveShadow = true;
			});
			model = gltf.scene;
			frameModel(model);
			scene.add(model);
		} catch (e) {
			if (disposed || (e as Error).name === 'AbortError') return;
			console.error(e);
			callbacks.onerror?.(e instanceof Error && e.message.startsWith('The 3D model') ? e.message : 'The 3D model could not be shown.');
		}
	})();

	return {
		reset() {
			controls.autoRotate = false;
			controls.reset();
		},
		dispose() {
			disposed = true;
			abort.abort();
			cancelAnimationFrame(frame);
			observer.disconnect();
			controls.removeEventListener('start', stopAutoRotate);
			controls.removeEventListener('change', markDirty);
			controls.dispose();
			disposeTree(scene);
			environment.dispose();
			pmrem.dispose();
			light.shadow.dispose();
			renderer.renderLists.dispose();
			renderer.dispose();
			renderer.forceContextLoss();
		}
	};
}

// The decoder compiles WebAssembly once, on import; a refusal (a strict CSP) is reported when a
// compressed model needs it, not as an unhandled rejection on every page that opens the viewer.
MeshoptDecoder.ready.catch(() => {});
