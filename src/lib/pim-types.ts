/** Types the PIM's browser code shares with its server code; nothing here runs. */

/** One image or 3D model in the product editor's draft, as the media panel shows it. */
export interface EditorMedia {
	media: number;
	role: 'image' | 'model3d';
	/** Code of the variant (e.g. a colour) the media is shown for; null for every variant. */
	variant: string | null;
	/** Locale code → alt text. */
	alt: Record<string, string>;
	/** A 320 px WebP for images, the .glb itself for models. */
	url: string;
	/** Stored size: for models the file kiosks download. */
	bytes: number;
	width: number | null;
	height: number | null;
	/** Whether a model is stored meshopt-compressed; null for images, or when unknown. */
	compressed: boolean | null;
	/** For a model just uploaded: textures the server's USDZ (iPhone AR) could not carry, which the browser then adds. */
	usdzTexturesDropped?: number | null;
	/** Remarks of the glTF validator on a fresh upload: worth a look, not a reason to refuse. */
	warnings?: string[];
}

/** What the upload endpoint answers when it refuses a file. */
export interface UploadRefusal {
	message: string;
	issues: { path: string; message: string }[];
}
