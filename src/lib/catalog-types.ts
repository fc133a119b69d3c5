/** A category to browse, as the kiosk shows it. */
export interface CategoryCard {
	id: number;
	label: string;
	count: number | null;
	/** A picture of one of the category's products, as a media file base name. */
	image: string | null;
	hasChildren: boolean;
}
