import type { KeyboardButtonAttributes, KeyboardLayoutObject } from 'simple-keyboard';
import { KEYBOARD_LAYOUTS, isCommandKey, nextLayout, type KeyboardLayoutId } from './keyboard.svelte';

/** Names of the command keys, in the kiosk's current language (the layout passes its messages). */
export interface KeyLabels {
	backspace: string;
	space: string;
	shift: string;
	enter: string;
	close: string;
	/** Optional prefix of the layout key's name ("Keyboard language" → "Keyboard language: Русский"). */
	language: string;
	/** Each layout's name in its own language, shown on the key that switches to it. */
	languageName: Record<KeyboardLayoutId, string>;
}

export const DEFAULT_KEY_LABELS: KeyLabels = {
	backspace: 'Backspace',
	space: 'Space',
	shift: 'Shift',
	enter: 'Enter',
	close: 'Hide keyboard',
	language: '',
	languageName: { latin: 'English', cyrillic: 'Русский' }
};

/** Language of each layout's name, so a screen reader pronounces "Русский" as Russian. */
const LAYOUT_LANG: Record<KeyboardLayoutId, string> = { latin: 'en', cyrillic: 'ru' };

const BOTTOM_ROW = '{lang} {space} {bksp} {close}';

/**
 * The kiosk's rows from a simple-keyboard-layouts layout's `default` rows: its digits (and, for
 * ЙЦУКЕН, its ё) then its three letter rows, without tab, caps lock or the punctuation a
 * shopper never needs; plus the few symbols a product code or an e-mail address does.
 */
export function kioskRows(source: readonly string[]): string[] {
	const keys = (row: string | undefined, keep: RegExp) => (row ?? '').split(' ').filter((key) => keep.test(key));
	const letter = /^\p{L}$/u;
	return [
		[...keys(source[0], /^[\p{L}\p{Nd}]$/u), '-'].join(' '),
		keys(source[1], letter).join(' '),
		keys(source[2], letter).join(' '),
		['{shift}', ...keys(source[3], letter), '.', '@', '{enter}'].join(' '),
		BOTTOM_ROW
	];
}

/** The simple-keyboard `layoutName` for a layout and shift state. */
export function layoutName(layout: KeyboardLayoutId, shift: boolean): string {
	return shift ? `${layout}-shift` : layout;
}

/** Every kiosk layout, lower and upper case, from the library's `default` rows of each. */
export function buildLayouts(sources: Record<KeyboardLayoutId, readonly string[]>): KeyboardLayoutObject {
	const layouts: KeyboardLayoutObject = {};
	for (const id of KEYBOARD_LAYOUTS) {
		const rows = kioskRows(sources[id]);
		layouts[layoutName(id, false)] = rows;
		layouts[layoutName(id, true)] = rows.map((row) =>
			row
				.split(' ')
				.map((key) => (isCommandKey(key) ? key : key.toLocaleUpperCase()))
				.join(' ')
		);
	}
	return layouts;
}

const ICONS = {
	backspace:
		'<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path d="M9 5h11a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H9l-6-7z M12 9l6 6 M18 9l-6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/></svg>',
	shift:
		'<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path d="M12 3l8 9h-4.5v8h-7v-8H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>'
};

/** What the command keys show (simple-keyboard renders these as HTML, hence the escaping). */
export function keyDisplay(labels: KeyLabels, layout: KeyboardLayoutId): Record<string, string> {
	return {
		'{bksp}': ICONS.backspace,
		'{shift}': ICONS.shift,
		'{space}': escapeHtml(labels.space),
		'{enter}': escapeHtml(labels.enter),
		'{close}': escapeHtml(labels.close),
		'{lang}': escapeHtml(labels.languageName[nextLayout(layout)])
	};
}

/**
 * Attributes that make every key a button with a name, as a screen reader (and an end-to-end
 * test) finds it: a character key is named by its character, a command key by its label.
 */
export function keyAttributes(
	layouts: KeyboardLayoutObject | null,
	labels: KeyLabels,
	layout: KeyboardLayoutId,
	shift: boolean
): KeyboardButtonAttributes[] {
	const next = nextLayout(layout);
	const name = labels.languageName[next];
	const attributes: KeyboardButtonAttributes[] = [
		{ attribute: 'role', value: 'button' },
		{ attribute: 'aria-label', value: labels.backspace || 'Backspace', buttons: '{bksp}' },
		{ attribute: 'aria-label', value: labels.space || 'Space', buttons: '{space}' },
		{ attribute: 'aria-label', value: labels.shift || 'Shift', buttons: '{shift}' },
		{ attribute: 'aria-pressed', value: String(shift), buttons: '{shift}' },
		{ attribute: 'aria-label', value: labels.enter || 'Enter', buttons: '{enter}' },
		{ attribute: 'aria-label', value: labels.close || 'Close', buttons: '{close}' },
		{ attribute: 'aria-label', value: labels.language ? `${labels.language}: ${name}` : name, buttons: '{lang}' }
	];
	if (!labels.language) attributes.push({ attribute: 'lang', value: LAYOUT_LANG[next], buttons: '{lang}' });
	const characters = new Set(
		Object.values(layouts ?? {})
			.flatMap((rows) => rows.flatMap((row) => row.split(' ')))
			.filter((key) => key && !isCommandKey(key))
	);
	for (const key of characters) attributes.push({ attribute: 'aria-label', value: key, buttons: key });
	return attributes;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
