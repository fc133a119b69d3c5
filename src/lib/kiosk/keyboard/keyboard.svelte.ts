import { createContext } from 'svelte';

/** The two letter layouts the kiosk offers; `{lang}` cycles through them in this order. */
export const KEYBOARD_LAYOUTS = ['latin', 'cyrillic'] as const;
export type KeyboardLayoutId = (typeof KEYBOARD_LAYOUTS)[number];

/** A field the on-screen keyboard can type into. */
export type KeyboardTarget = HTMLInputElement | HTMLTextAreaElement;

export interface EditResult {
	value: string;
	/** Where the caret goes after the edit. */
	caret: number;
	/** False when the key left the value as it was (full field, backspace at the start…). */
	changed: boolean;
}

/** Keys that are commands rather than text: `{bksp}`, `{shift}`… */
export function isCommandKey(key: string): boolean {
	return key.length > 2 && key.startsWith('{') && key.endsWith('}');
}

/** A key that produces a letter (so that shift applies to it and then releases). */
export function isLetterKey(key: string): boolean {
	return !isCommandKey(key) && key.toLocaleLowerCase() !== key.toLocaleUpperCase();
}

export function nextLayout(layout: KeyboardLayoutId): KeyboardLayoutId {
	return KEYBOARD_LAYOUTS[(KEYBOARD_LAYOUTS.indexOf(layout) + 1) % KEYBOARD_LAYOUTS.length];
}

/**
 * What a text key does to `value` with the given selection, as a browser would: replaces the
 * selection or inserts at the caret; `{bksp}` deletes the selection or the character before the
 * caret; `{space}` inserts a space and `{newline}` a line break. Never makes the value longer
 * than `maxLength` (the element's `maxLength`, -1 for none). A null selection (an
 * `<input type=email>` has none) means the end. Other command keys leave the value unchanged.
 */
export function applyKey(
	value: string,
	selectionStart: number | null,
	selectionEnd: number | null,
	key: string,
	shift = false,
	maxLength = -1
): EditResult {
	const clamp = (n: number) => Math.min(Math.max(n, 0), value.length);
	const a = clamp(selectionStart ?? value.length);
	const b = clamp(selectionEnd ?? a);
	const [start, end] = a <= b ? [a, b] : [b, a];
	const unchanged = { value, caret: end, changed: false };

	if (key === '{bksp}') {
		if (start !== end) return { value: value.slice(0, start) + value.slice(end), caret: start, changed: true };
		if (start === 0) return unchanged;
		// Don't split an emoji or other astral character in half.
		const width = start > 1 && isLowSurrogate(value.charCodeAt(start - 1)) && isHighSurrogate(value.charCodeAt(start - 2)) ? 2 : 1;
		return { value: value.slice(0, start - width) + value.slice(start), caret: start - width, changed: true };
	}

	let text: string;
	if (key === '{space}') text = ' ';
	else if (key === '{newline}') text = '\n';
	else if (isCommandKey(key)) return unchanged;
	else text = shift && isLetterKey(key) ? key.toLocaleUpperCase() : key;

	if (maxLength >= 0) {
		const room = maxLength - (value.length - (end - start));
		if (room < text.length) return unchanged;
	}
	return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length, changed: true };
}

function isHighSurrogate(code: number) {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number) {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** Puts the caret at `caret`; inputs without a selection API (type=email) would throw. */
function setCaret(el: KeyboardTarget, caret: number) {
	try {
		el.setSelectionRange(caret, caret);
	} catch {
		// No caret to place: the value was still edited, at the end.
	}
}

export interface KeyboardStateOptions {
	/** The letters shown first, e.g. 'cyrillic' when the kiosk speaks Russian. */
	layout?: KeyboardLayoutId;
}

/** How long after a touch on the panel a blur of the field still counts as "typing on it". */
const PANEL_TOUCH_GRACE_MS = 600;

/**
 * The on-screen keyboard of one kiosk screen: which field it types into, which letters it
 * shows, and whether it is open. Created by the kiosk layout and passed by context
 * (`setKeyboardContext`), never a module-level singleton: the server renders for every shopper.
 */
export class KeyboardState {
	target = $state<KeyboardTarget | null>(null);
	layout = $state<KeyboardLayoutId>('latin');
	/** One-shot: released after the next letter. */
	shift = $state(false);
	open = $state(false);

	/** The panel element, registered by OnScreenKeyboard: focus moving into it is not leaving the field. */
	panel: HTMLElement | null = null;
	#panelTouchedAt = -Infinity;
	#previousInputMode: string | null = null;

	constructor(options: KeyboardStateOptions = {}) {
		if (options.layout) this.layout = options.layout;
	}

	/** Makes `el` the field the keys type into; its device keyboard stays hidden meanwhile. */
	attach(el: KeyboardTarget) {
		if (this.target === el) return;
		this.detach();
		this.#previousInputMode = el.getAttribute('inputmode');
		el.setAttribute('inputmode', 'none');
		this.target = el;
	}

	/** Lets go of the field (restoring its `inputmode`) and closes the keyboard. */
	detach() {
		const el = this.target;
		this.open = false;
		this.shift = false;
		if (!el) return;
		if (this.#previousInputMode === null) el.removeAttribute('inputmode');
		else el.setAttribute('inputmode', this.#previousInputMode);
		this.#previousInputMode = null;
		this.target = null;
	}

	/** Opens the keyboard for `el` (or the field already attached). */
	show(el?: KeyboardTarget) {
		if (el) this.attach(el);
		if (this.target) this.open = true;
	}

	/** Hides the keyboard: the field loses focus first, so restoring its inputmode can't pop up the device's keyboard. */
	close() {
		this.target?.blur();
		this.detach();
	}

	/** One key from the panel: `q`, `й`, `{bksp}`, `{space}`, `{enter}`, `{shift}`, `{lang}`, `{close}`. */
	press(key: string) {
		const el = this.target;
		if (!el) return;
		switch (key) {
			case '{shift}':
				this.shift = !this.shift;
				break;
			case '{lang}':
				this.layout = nextLayout(this.layout);
				this.shift = false;
				break;
			case '{close}':
				this.close();
				return;
			case '{enter}':
				if (!isTextarea(el)) return this.#submit(el);
				this.#edit(el, '{newline}');
				break;
			default:
				this.#edit(el, key);
		}
		this.#keepFocus(el);
	}

	/** Called by the panel on every touch, so the field's blur handler knows focus is staying. */
	notePanelTouch() {
		this.#panelTouchedAt = Date.now();
	}

	/** True if `node` is part of the keyboard panel, or the panel was touched a moment ago. */
	isTypingOnPanel(node?: EventTarget | null): boolean {
		if (this.panel && typeof Node !== 'undefined' && node instanceof Node && this.panel.contains(node)) return true;
		return Date.now() - this.#panelTouchedAt < PANEL_TOUCH_GRACE_MS;
	}

	#edit(el: KeyboardTarget, key: string) {
		const result = applyKey(el.value, el.selectionStart, el.selectionEnd, key, this.shift, el.maxLength);
		if (!result.changed) return;
		el.value = result.value;
		setCaret(el, result.caret);
		// bind:value and oninput handlers listen for this, as they would for real typing.
		el.dispatchEvent(new Event('input', { bubbles: true }));
		if (this.shift && isLetterKey(key)) this.shift = false;
	}

	/** Enter on a one-line field: submit its form as the device's keyboard would, then get out of the way. */
	#submit(el: KeyboardTarget) {
		const form = el.form;
		this.close();
		form?.requestSubmit();
	}

	#keepFocus(el: KeyboardTarget) {
		if (el.ownerDocument?.activeElement !== el) el.focus({ preventScroll: true });
	}
}

function isTextarea(el: KeyboardTarget): el is HTMLTextAreaElement {
	return el.tagName === 'TEXTAREA';
}

const [getKeyboard, setKeyboard, hasKeyboard] = createContext<KeyboardState>();

/** Provides the screen's keyboard to the components below (called once, by the kiosk layout). */
export function setKeyboardContext(keyboard: KeyboardState): KeyboardState {
	return setKeyboard(keyboard);
}

/** The screen's keyboard, as provided by the kiosk layout; throws outside it. */
export function getKeyboardContext(): KeyboardState {
	return getKeyboard();
}

/** The screen's keyboard if there is one: shared components also render on the phone pages, which have none. */
export function findKeyboardContext(): KeyboardState | undefined {
	return hasKeyboard() ? getKeyboard() : undefined;
}
