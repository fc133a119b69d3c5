import type { Attachment } from 'svelte/attachments';
import type { KeyboardState, KeyboardTarget } from './keyboard.svelte';

/** The fields that get the on-screen keyboard when a whole container is wired with `keyboardFields`. */
export const TEXT_FIELD_SELECTOR =
	'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], textarea';

/** Put on a field (`data-keyboard="off"`) to keep `keyboardFields` away from it. */
const OPT_OUT = 'data-keyboard';

/** Grace before closing on blur, so moving from one field to the next doesn't flicker the panel. */
const CLOSE_DELAY_MS = 150;

/**
 * Wires one field to the keyboard: focus opens it for this field, a tap on the field reopens it
 * after the shopper hid it, and leaving the field closes it unless focus went to the panel.
 * The device's own keyboard is suppressed from the start (`inputmode="none"`), because by the time
 * a focus handler runs, a tablet may already have decided to show it. Returns the cleanup.
 */
function wireField(keyboard: KeyboardState, el: KeyboardTarget): () => void {
	const previousMode = el.getAttribute('inputmode');
	const previousOptOut = el.getAttribute(OPT_OUT);
	el.setAttribute('inputmode', 'none');
	el.setAttribute(OPT_OUT, 'on');
	let timer: ReturnType<typeof setTimeout> | undefined;

	const usable = () => !el.readOnly && !el.disabled;
	const open = () => {
		clearTimeout(timer);
		if (usable()) keyboard.show(el);
	};
	const reopen = () => {
		if (document.activeElement === el && !keyboard.open) open();
	};
	const leave = (event: FocusEvent) => {
		clearTimeout(timer);
		const into = event.relatedTarget;
		timer = setTimeout(() => {
			if (keyboard.target !== el || document.activeElement === el) return;
			// A tap on a key can move focus to the page for an instant: take it back.
			if (keyboard.open && keyboard.isTypingOnPanel(into)) el.focus({ preventScroll: true });
			else keyboard.close();
		}, CLOSE_DELAY_MS);
	};

	// The union of element types loses addEventListener's typed overloads; both are HTMLElements.
	const node: HTMLElement = el;
	node.addEventListener('focus', open);
	node.addEventListener('click', reopen);
	node.addEventListener('blur', leave);
	if (document.activeElement === el) open();

	return () => {
		clearTimeout(timer);
		node.removeEventListener('focus', open);
		node.removeEventListener('click', reopen);
		node.removeEventListener('blur', leave);
		if (keyboard.target === el) keyboard.detach();
		restoreAttribute(el, 'inputmode', previousMode);
		restoreAttribute(el, OPT_OUT, previousOptOut);
	};
}

function restoreAttribute(el: Element, name: string, value: string | null) {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, value);
}

/**
 * Gives one field the on-screen keyboard: `<input {@attach keyboardTarget(keyboard)} …>`.
 */
export function keyboardTarget(keyboard: KeyboardState): Attachment<KeyboardTarget> {
	// A field inside `keyboardFields` may already be wired: once is enough.
	return (el) => (el.getAttribute(OPT_OUT) === 'on' ? undefined : wireField(keyboard, el));
}

/**
 * Gives every text field inside a container the on-screen keyboard, including fields that
 * appear later (`<div {@attach keyboardFields(keyboard)}>` around the kiosk's pages). Fields
 * with `data-keyboard="off"`, or already wired with `keyboardTarget`, are left alone.
 */
export function keyboardFields(keyboard: KeyboardState, selector = TEXT_FIELD_SELECTOR): Attachment<HTMLElement> {
	return (container) => {
		const wired = new Map<KeyboardTarget, () => void>();
		const scan = () => {
			for (const [el, unwire] of wired) {
				if (!el.isConnected || !el.matches(selector)) {
					unwire();
					wired.delete(el);
				}
			}
			for (const el of container.querySelectorAll<KeyboardTarget>(selector)) {
				if (!wired.has(el) && !el.hasAttribute(OPT_OUT)) wired.set(el, wireField(keyboard, el));
			}
		};
		scan();
		const observer = new MutationObserver(scan);
		observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['type'] });
		return () => {
			observer.disconnect();
			for (const unwire of wired.values()) unwire();
			wired.clear();
		};
	};
}

/**
 * For the keyboard's panel (used by OnScreenKeyboard): the keyboard knows it, so focus moving
 * there is not leaving the field, and touching it, keys or the gaps between them, never takes
 * focus from the field.
 */
export function keyboardPanel(keyboard: KeyboardState): Attachment<HTMLElement> {
	return (panel) => {
		let lastPointerDown = -Infinity;
		const holdFocus = (event: Event) => {
			event.preventDefault();
			keyboard.notePanelTouch();
			if (event.type === 'pointerdown') lastPointerDown = Date.now();
		};
		// simple-keyboard types on pointerdown; a screen reader's double tap sends only a click.
		const pressOnAssistiveClick = (event: MouseEvent) => {
			if (Date.now() - lastPointerDown < 1000) return;
			const key = (event.target as Element | null)?.closest('[data-skbtn]')?.getAttribute('data-skbtn');
			if (key) keyboard.press(key);
		};
		keyboard.panel = panel;
		panel.addEventListener('pointerdown', holdFocus, { capture: true });
		panel.addEventListener('mousedown', holdFocus, { capture: true });
		panel.addEventListener('click', pressOnAssistiveClick);
		return () => {
			if (keyboard.panel === panel) keyboard.panel = null;
			panel.removeEventListener('pointerdown', holdFocus, { capture: true });
			panel.removeEventListener('mousedown', holdFocus, { capture: true });
			panel.removeEventListener('click', pressOnAssistiveClick);
		};
	};
}
