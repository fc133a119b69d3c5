// Makes the textured USDZ (for iPhone and iPad AR) of a just-uploaded model in the
// merchandiser's browser, which has the canvas that three's USDZExporter needs to re-encode
// textures; the server's own copy has colours but no textures. three is loaded only here.

/** Converts the stored model at `url` and sends the USDZ back for media `id`; resolves with an error message or null. */
export async function sendTexturedUsdz(id: number, url: string): Promise<string | null> {
	try {
		const [{ GLTFLoader }, { USDZExporter }, { MeshoptDecoder }] = await Promise.all([
			import('three/examples/jsm/loaders/GLTFLoader.js'),
			import('three/examples/jsm/exporters/USDZExporter.js'),
			import('three/examples/jsm/libs/meshopt_decoder.module.js')
		]);
		const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).loadAsync(url);
		const usdz = await new USDZExporter().parseAsync(gltf.scene, {
			quickLookCompatible: true,
			ar: { anchoring: { type: 'plane' }, planeAnchoring: { alignment: 'horizontal' } }
		});
		const body = new FormData();
		body.set('media', String(id));
		body.set('file', new Blob([usdz], { type: 'model/vnd.usdz+zip' }), 'model.usdz');
		const res = await fetch('/pim/media/usdz', { method: 'POST', body, headers: { accept: 'application/json' } });
		if (res.ok) return null;
		const answer = (await res.json().catch(() => ({}))) as { message?: string };
		return answer.message ?? `HTTP ${res.status}`;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}
