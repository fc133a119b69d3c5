import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { GalleryImage, Sellable } from '$lib/server/product-page';

/** The chosen colour's (or SKU's) images first, then the product's, then the other colours'. */
export function imagesFor(all: GalleryImage[], s: Sellable | null): GalleryImage[] {
	const mine = (i: GalleryImage) => i.variant !== null && (i.variant === s?.sku || i.variant === s?.parent);
	return [...all.filter(mine), ...all.filter((i) => i.variant === null), ...all.filter((i) => i.variant !== null && !mine(i))];
}

/**
 * The variant a shopper has chosen on a product page (kiosk or phone), its images, and the
 * `?v=` in the address kept in step without a navigation.
 */
export class VariantChoice {
	sku = $state('');
	sellable = $derived.by(() => {
		const { sellables } = this.product();
		return sellables.find((s) => s.sku === this.sku) ?? sellables[0] ?? null;
	});
	images = $derived.by(() => imagesFor(this.product().images, this.sellable));

	constructor(
		private product: () => { sellables: Sellable[]; images: GalleryImage[] },
		sku: string
	) {
		this.sku = sku;
	}

	select(next: string) {
		this.sku = next;
		const url = new URL(page.url);
		url.searchParams.set('v', next);
		replaceState(url, page.state);
	}
}
