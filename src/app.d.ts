// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** The store this screen is bound to by its setup link, if any. */
			kiosk: { deviceId: number; storeId: number; storeCode: string } | null;
		}
	}
}

export {};
