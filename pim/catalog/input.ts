import { z } from 'zod';
import { gtinSchema } from './gtin.ts';

/** Codes of attributes, families, categories, options, locales and channels. */
export const codeSchema = z
	.string()
	.trim()
	.min(1, 'Required')
	.max(100, 'At most 100 characters')
	.regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'Letters, digits, _ . and - only');

/** A SKU or product code: what is printed on labels and typed by staff. */
export const skuSchema = z
	.string()
	.trim()
	.min(1, 'Required')
	.max(64, 'At most 64 characters')
	.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Letters, digits, _ . and - only');

export const localeCodeSchema = z
	.string()
	.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a locale code such as en or zh-CN');

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Three capital letters, e.g. USD');

const isoDate = z.iso.date('Use YYYY-MM-DD');

export const localizedTextSchema = z.record(localeCodeSchema, z.string().trim().max(500));

/** Raw values: attribute → channel or '*' → locale or '*' → data (checked per type later). */
export const rawValuesSchema = z.record(
	codeSchema,
	z.record(z.string(), z.record(z.string(), z.unknown()))
);

export const priceInputSchema = z
	.object({
		amount: z.number().int('Whole minor units (cents)').min(0).max(100_000_000),
		sale: z
			.object({
				amount: z.number().int().min(0).max(100_000_000),
				start: isoDate.nullable().default(null),
				end: isoDate.nullable().default(null)
			})
			.nullable()
			.default(null)
	})
	.superRefine((p, ctx) => {
		if (p.sale && p.sale.amount >= p.amount)
			ctx.addIssue({ code: 'custom', path: ['sale', 'amount'], message: 'Sale price must be below the price' });
		if (p.sale?.start && p.sale.end && p.sale.end < p.sale.start)
			ctx.addIssue({ code: 'custom', path: ['sale', 'end'], message: 'Sale ends before it starts' });
	});

/** Whether a dated sale price applies on `today` (YYYY-MM-DD); open ends always do. */
export function isSaleActive(sale: { start: string | null; end: string | null } | null, today: string): boolean {
	return !!sale && (!sale.start || sale.start <= today) && (!sale.end || sale.end >= today);
}

const leafVariantSchema = z.object({
	code: skuSchema,
	axes: z.record(codeSchema, codeSchema).default({}),
	values: rawValuesSchema.default({}),
	gtin: gtinSchema.nullable().default(null),
	prices: z.record(currencySchema, priceInputSchema).default({})
});

const variantSchema = leafVariantSchema.extend({
	children: z.array(leafVariantSchema).max(500).default([])
});

export const productStatusSchema = z.enum(['draft', 'published', 'archived']);

/** A whole product as the PIM saves it: root values, categories and the variant tree. */
export const productInputSchema = z.object({
	code: skuSchema,
	family: codeSchema,
	status: productStatusSchema.default('draft'),
	categories: z.array(codeSchema).max(50).default([]),
	values: rawValuesSchema.default({}),
	variants: z.array(variantSchema).min(1, 'A product needs at least one variant').max(500),
	/** Images and 3D models, in display order; `variant` ties one to a variant (e.g. a colour). */
	media: z
		.array(
			z.object({
				media: z.number().int().positive(),
				role: z.enum(['image', 'model3d']),
				variant: skuSchema.nullable().default(null),
				alt: localizedTextSchema.default({})
			})
		)
		.max(100)
		.default([]),
	/** The revision the editor started from; a save over a newer one is refused. */
	expectedRevision: z.number().int().positive().optional()
});

export type ProductInput = z.input<typeof productInputSchema>;
export type ProductData = z.output<typeof productInputSchema>;
export type VariantData = z.output<typeof variantSchema>;
export type LeafVariantData = z.output<typeof leafVariantSchema>;
export type PriceData = z.output<typeof priceInputSchema>;

export const attributeTypes = [
	'text',
	'richtext',
	'number',
	'boolean',
	'select',
	'multiselect',
	'price',
	'measurement',
	'date',
	'image',
	'model3d'
] as const;
export type AttributeType = (typeof attributeTypes)[number];

export const attributeInputSchema = z.object({
	code: codeSchema,
	type: z.enum(attributeTypes),
	label: localizedTextSchema,
	localizable: z.boolean().default(false),
	perChannel: z.boolean().default(false),
	unit: z.string().max(30).nullable().default(null),
	options: z
		.array(
			z.object({
				code: codeSchema,
				label: localizedTextSchema,
				hex: z
					.string()
					.regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #1a2b3c')
					.nullable()
					.default(null)
			})
		)
		.max(2000)
		.default([])
});
export type AttributeInput = z.input<typeof attributeInputSchema>;

export const familyInputSchema = z.object({
	code: codeSchema,
	label: localizedTextSchema,
	attributes: z.array(codeSchema).min(1),
	required: z.record(codeSchema, z.array(codeSchema)).default({}),
	variantLevels: z
		.array(z.object({ axes: z.array(codeSchema).min(1).max(5), attributes: z.array(codeSchema) }))
		.max(2, 'At most two variant levels')
		.default([])
});
export type FamilyInput = z.input<typeof familyInputSchema>;

export const categoryInputSchema = z.object({
	code: codeSchema,
	parent: codeSchema.nullable().default(null),
	label: localizedTextSchema
});
export type CategoryInput = z.input<typeof categoryInputSchema>;

export const localeInputSchema = z.object({
	code: localeCodeSchema,
	label: z.string().trim().min(1).max(60),
	fallback: z.boolean().default(false)
});

export const channelInputSchema = z.object({
	code: codeSchema,
	label: localizedTextSchema,
	locales: z.array(localeCodeSchema).min(1),
	currencies: z.array(currencySchema).min(1)
});

/** Schemas for the data of each attribute type, used for every value written. */
export const valueSchemas: Record<AttributeType, z.ZodType> = {
	text: z.string().max(2000, 'At most 2,000 characters'),
	richtext: z.string().max(50_000, 'At most 50,000 characters'),
	number: z.number().finite(),
	boolean: z.boolean(),
	select: codeSchema,
	multiselect: z.array(codeSchema).max(100),
	price: z.record(currencySchema, z.number().int().min(0)),
	measurement: z.object({ amount: z.number().finite(), unit: z.string().min(1).max(30) }),
	date: isoDate,
	image: z.string().min(1).max(300),
	model3d: z.string().min(1).max(300)
};
