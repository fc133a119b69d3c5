// Sends one file to the PIM's upload endpoint. XMLHttpRequest rather than fetch: only it
// reports upload progress.
import type { EditorMedia, UploadRefusal } from '$lib/pim-types';

/** Why an upload did not give a media item, in words for the merchandiser. */
export class UploadError extends Error {
	override name = 'UploadError';
}

function messageOf(xhr: XMLHttpRequest): string {
	try {
		const body = JSON.parse(xhr.responseText) as Partial<UploadRefusal>;
		if (typeof body.message === 'string' && body.message) return body.message;
	} catch {
		// Not JSON: a proxy or the server's own body limit answered; fall through to the status.
	}
	if (xhr.status === 413) return 'The file is larger than the server accepts.';
	if (xhr.status === 401 || xhr.status === 403) return 'Your session has ended or does not allow uploads: sign in again.';
	return `The server could not take the file (HTTP ${xhr.status}). Please try again.`;
}

/** Uploads `file` as `kind`; resolves with the stored media, rejects with an UploadError. */
export function uploadMedia(file: File, kind: EditorMedia['role'], onprogress: (ratio: number) => void, signal?: AbortSignal): Promise<EditorMedia> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		const body = new FormData();
		body.set('kind', kind);
		body.set('file', file);
		xhr.open('POST', '/pim/media');
		xhr.setRequestHeader('accept', 'application/json');
		xhr.responseType = 'text';
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) onprogress(e.loaded / e.total);
		};
		xhr.onload = () => {
			if (xhr.status !== 200) return reject(new UploadError(messageOf(xhr)));
			let item: EditorMedia;
			try {
				item = JSON.parse(xhr.responseText) as EditorMedia;
			} catch {
				return reject(new UploadError('The server answered with something unexpected. Please try again.'));
			}
			if (!item.usdzTexturesDropped) return resolve(item);
			// A textured model: this browser makes the iPhone AR file with its textures.
			import('./textured-usdz.ts')
				.then(({ sendTexturedUsdz }) => sendTexturedUsdz(item.media, item.url))
				.then((problem) => {
					if (problem) item.warnings = [...(item.warnings ?? []), `The iPhone AR version shows colours but no textures: ${problem}`];
					resolve(item);
				})
				.catch(() => resolve(item));
		};
		xhr.onerror = () => reject(new UploadError('The upload failed: check the connection and try again.'));
		xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
		signal?.addEventListener('abort', () => xhr.abort(), { once: true });
		xhr.send(body);
	});
}

/** One file on its way up, or refused. */
export interface Upload {
	id: number;
	name: string;
	/** 0–1. */
	progress: number;
	/** Why it was refused; undefined while it is running. */
	error?: string;
}
