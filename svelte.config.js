import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		alias: { $pim: 'pim', '$pim/*': 'pim/*' },
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../pim/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts', '../tests/**/*.ts');
				return tsconfig;
			}
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				// blob: for the textures three.js unpacks from a .glb.
				'connect-src': ['self', 'blob:'],
				// The meshopt decoder of compressed 3D models is WebAssembly.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
