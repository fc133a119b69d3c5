import { ensureArFiles, isMeshoptCompressed } from '$pim';

export type Platform = 'android' | 'ios' | 'other';

/** Which AR viewer the phone has: Scene Viewer on Android, Quick Look on iPhone and iPad. */
export function platformOf(userAgent: string): Platform {
	if (/android/i.test(userAgent)) return 'android';
	// iPadOS reports itself as a Mac; a Mac with touch is an iPad.
	if (/iphone|ipad|ipod/i.test(userAgent) || (/macintosh/i.test(userAgent) && /mobile/i.test(userAgent))) return 'ios';
	return 'other';
}

export interface ArLinks {
	/** Android intent that opens Scene Viewer in AR at real size, falling back to this page. */
	sceneViewer: string;
	/** The USDZ for Quick Look (`<a rel="ar">`), at real size (no scaling). */
	quickLook: string;
	/** The glTF binary the in-page viewer shows. */
	model: string;
}

/**
 * The AR files of a stored model (made on first use and cached) and the links that open them.
 * `origin` is where phones reach this server.
 */
export async function arLinksFor(mediaDir: string, file: string, origin: string, title: string, pageUrl: string): Promise<ArLinks> {
	const files = await ensureArFiles(mediaDir, file, isMeshoptCompressed(mediaDir, file));
	const glb = `${origin}/media/${files.glb}`;
	const query = new URLSearchParams({ file: glb, mode: 'ar_preferred', resizable: 'false', title, link: pageUrl });
	const sceneViewer = `intent://arvr.google.com/scene-viewer/1.0?${query}#Intent;scheme=https;package=com.google.ar.core;action=android.intent.action.VIEW;S.browser_fallback_url=${encodeURIComponent(pageUrl)};end;`;
	return { sceneViewer, quickLook: `${origin}/media/${files.usdz}#allowsContentScaling=0`, model: `/media/${files.glb}` };
}
