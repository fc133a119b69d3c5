// The camera and the decoder. @zxing is heavy, so it is loaded only when a scanner opens.

/** A decoded code: its text and, for UPC-E, the symbology (its 8 digits read differently from EAN-8). */
export interface Decoded {
	text: string;
	format?: 'upc-e';
}

/** Why the camera could not start: none on this screen, or the browser refused it. */
export type CameraProblem = 'no-camera' | 'denied';

/**
 * Opens the back (or only) camera into `video` and decodes continuously QR, EAN-13, EAN-8,
 * UPC-A, UPC-E, Code 128 and Data Matrix, calling `onDecode` for every read. Resolves to a
 * function that stops decoding and releases the camera.
 */
export async function startReader(video: HTMLVideoElement, onDecode: (code: Decoded) => void): Promise<() => void> {
	if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('No camera API', 'NotFoundError');
	const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
	const formats = [
		BarcodeFormat.QR_CODE,
		BarcodeFormat.EAN_13,
		BarcodeFormat.EAN_8,
		BarcodeFormat.UPC_A,
		BarcodeFormat.UPC_E,
		BarcodeFormat.CODE_128,
		BarcodeFormat.DATA_MATRIX
	];
	const hints = new Map<unknown, unknown>([[DecodeHintType.POSSIBLE_FORMATS, formats]]);
	const reader = new BrowserMultiFormatReader(hints as ConstructorParameters<typeof BrowserMultiFormatReader>[0], {
		delayBetweenScanAttempts: 100,
		delayBetweenScanSuccess: 500
	});
	const controls = await reader.decodeFromConstraints(
		{ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } },
		video,
		(result) => {
			if (result) onDecode({ text: result.getText(), format: result.getBarcodeFormat() === BarcodeFormat.UPC_E ? 'upc-e' : undefined });
		}
	);
	return () => {
		controls.stop();
		// Belt and braces: the camera light must go off even if the reader kept a track.
		const stream = video.srcObject;
		if (stream instanceof MediaStream) for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
}

/** Sorts a getUserMedia failure into what the shopper is told. */
export function cameraProblem(error: unknown): CameraProblem {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	return name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError' ? 'denied' : 'no-camera';
}
