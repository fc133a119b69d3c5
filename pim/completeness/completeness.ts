import type { RawValues } from '../catalog/catalog.schema.ts';
import type { CatalogDefinition, FamilyDef } from '../catalog/definition.ts';
import { ALL, isFilled, readValue } from '../catalog/values.ts';

/** What completeness needs of a product: its values on each level and whether it has images. */
export interface CompletenessInput {
	values: RawValues;
	/** Level-1 variant values, and level-2 values of each level-1 variant's children. */
	variants: { values: RawValues; children: { values: RawValues }[] }[];
	imageCount: number;
}

export interface CompletenessRow {
	channel: string;
	locale: string;
	required: number;
	ratio: number;
	missing: string[];
}

/**
 * Required values present ÷ required, per channel and locale. An attribute that lives on
 * a variant level counts as present only when every variant of that level has it.
 */
export function computeCompleteness(
	def: CatalogDefinition,
	fam: FamilyDef,
	p: CompletenessInput
): CompletenessRow[] {
	const rows: CompletenessRow[] = [];
	const level1 = p.variants.map((v) => v.values);
	const level2 = p.variants.flatMap((v) => v.children.map((c) => c.values));
	for (const ch of def.channels.values()) {
		const required = fam.required.get(ch.code) ?? [];
		for (const loc of ch.locales) {
			const missing: string[] = [];
			for (const code of required) {
				const attr = def.attributes.get(code);
				if (!attr) continue;
				const level = fam.levels.get(code) ?? 0;
				const nodes = level === 0 ? [p.values] : level === 1 ? level1 : level2;
				const channelKey = attr.perChannel ? ch.code : ALL;
				const localeKey = attr.localizable ? loc : ALL;
				const present =
					(attr.type === 'image' && level === 0 && p.imageCount > 0) ||
					(nodes.length > 0 && nodes.every((v) => isFilled(readValue(v, code, channelKey, localeKey))));
				if (!present) missing.push(code);
			}
			const ratio = required.length === 0 ? 100 : Math.floor(((required.length - missing.length) * 100) / required.length);
			rows.push({ channel: ch.code, locale: loc, required: required.length, ratio, missing });
		}
	}
	return rows;
}
