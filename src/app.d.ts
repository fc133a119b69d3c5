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
			/** The signed-in member of staff, if any. */
			user: import('$lib/server/auth').SessionUser | null;
			/** The session cookie's token, to sign out. */
			sessionToken: string | null;
		}
	}
}

export {};
