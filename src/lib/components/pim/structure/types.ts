/** A locale the PIM offers for labels, as the locale table lists it. */
export interface LocaleChoice {
	code: string;
	label: string;
}

/** An option row of a select attribute as the options editor shows it. */
export interface OptionRow {
	code: string;
	label: Record<string, string>;
	hex: string | null;
	/** Stored already: its code is fixed. */
	saved: boolean;
	/** Products using it (saved options only). */
	used: number;
}

/** What an action answered: which form it was for, field errors by path, and a sentence. */
export interface FormResult {
	form?: string;
	message?: string;
	success?: string;
	errors?: Record<string, string>;
}

/** How each attribute type is named in the PIM. */
export const ATTRIBUTE_TYPE_LABELS: Record<string, string> = {
	text: 'Text',
	richtext: 'Rich text',
	number: 'Number',
	boolean: 'Yes / no',
	select: 'Simple select',
	multiselect: 'Multi select',
	price: 'Price',
	measurement: 'Measurement',
	date: 'Date',
	image: 'Image',
	model3d: '3D model'
};

/** Whether an attribute type has options. */
export const hasOptions = (type: string) => type === 'select' || type === 'multiselect';

/** An attribute as a family's editor lists it. */
export interface FamilyAttributeItem {
	code: string;
	label: string;
	/** Level it lives on in this family (0 = product), or null when not in the family. */
	level: number | null;
	axis: boolean;
	/** Channels that require it. */
	required: string[];
}

/** A channel with its display name. */
export interface ChannelChoice {
	code: string;
	label: string;
}

/** A category in the tree view, with the products filed directly in it. */
export interface CategoryNode {
	code: string;
	label: string;
	products: number;
	children: CategoryNode[];
}
