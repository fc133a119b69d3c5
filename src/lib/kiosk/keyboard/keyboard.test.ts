import { describe, expect, it, vi } from 'vitest';
import english from 'simple-keyboard-layouts/build/layouts/english';
import russian from 'simple-keyboard-layouts/build/layouts/russian';
import { KeyboardState, applyKey, nextLayout, type KeyboardTarget } from './keyboard.svelte';
import { DEFAULT_KEY_LABELS, buildLayouts, keyAttributes, keyDisplay } from './layouts';

describe('applyKey', () => {
	it('inserts a character at the caret, not at the end', () => {
		expect(applyKey('helo', 3, 3, 'l')).toEqual({ value: 'hello', caret: 4, changed: true });
	});

	it('replaces the selection', () => {
		expect(applyKey('red shoes', 0, 3, 'b')).toEqual({ value: 'b shoes', caret: 1, changed: true });
	});

	it('types at the end of a field without a selection API (type=email)', () => {
		expect(applyKey('ann', null, null, '@')).toEqual({ value: 'ann@', caret: 4, changed: true });
	});

	it('deletes the character before the caret on backspace', () => {
		expect(applyKey('boots', 3, 3, '{bksp}')).toEqual({ value: 'bots', caret: 2, changed: true });
	});

	it('deletes only the selection on backspace when there is one', () => {
		expect(applyKey('blue boots', 0, 5, '{bksp}')).toEqual({ value: 'boots', caret: 0, changed: true });
	});

	it('does nothing on backspace at the start of the field', () => {
		expect(applyKey('boots', 0, 0, '{bksp}')).toMatchObject({ value: 'boots', changed: false });
	});

	it('deletes a whole emoji, not half of it', () => {
		expect(applyKey('hi👟', 4, 4, '{bksp}')).toEqual({ value: 'hi', caret: 2, changed: true });
	});

	it('refuses to type past maxlength, but may replace a selection', () => {
		expect(applyKey('abc', 3, 3, 'd', false, 3)).toMatchObject({ value: 'abc', changed: false });
		expect(applyKey('abc', 1, 2, 'x', false, 3)).toEqual({ value: 'axc', caret: 2, changed: true });
		expect(applyKey('ab', 2, 2, 'c', false, 3)).toMatchObject({ value: 'abc', changed: true });
	});

	it('capitalises letters with shift, and leaves digits alone', () => {
		expect(applyKey('', 0, 0, 'q', true).value).toBe('Q');
		expect(applyKey('', 0, 0, '7', true).value).toBe('7');
	});

	it('types Cyrillic letters, capitalised with shift', () => {
		expect(applyKey('мо', 2, 2, 'й').value).toBe('мой');
		expect(applyKey('', 0, 0, 'ё', true).value).toBe('Ё');
	});

	it('types a space for {space} and nothing for other commands', () => {
		expect(applyKey('red', 3, 3, '{space}')).toEqual({ value: 'red ', caret: 4, changed: true });
		expect(applyKey('red', 3, 3, '{shift}')).toMatchObject({ value: 'red', changed: false });
	});
});

/** Just enough of an <input> for KeyboardState: Vitest runs in node, without a DOM. */
function fakeField(value = '', { tagName = 'INPUT', maxLength = -1 } = {}) {
	const attributes = new Map<string, string>();
	const events: Event[] = [];
	const form = { requestSubmit: vi.fn() };
	const field = {
		tagName,
		value,
		selectionStart: value.length as number | null,
		selectionEnd: value.length as number | null,
		maxLength,
		form,
		setSelectionRange(start: number, end: number) {
			field.selectionStart = start;
			field.selectionEnd = end;
		},
		dispatchEvent: (event: Event) => events.push(event) > 0,
		focus: vi.fn(),
		blur: vi.fn(),
		getAttribute: (name: string) => attributes.get(name) ?? null,
		setAttribute: (name: string, v: string) => void attributes.set(name, v),
		removeAttribute: (name: string) => void attributes.delete(name)
	};
	return { field, events, form, el: field as unknown as KeyboardTarget };
}

function openOn(el: KeyboardTarget) {
	const keyboard = new KeyboardState();
	keyboard.show(el);
	return keyboard;
}

describe('KeyboardState', () => {
	it('types at the caret, moves the caret and tells bind:value with a bubbling input event', () => {
		const { field, events, el } = fakeField('helo');
		field.setSelectionRange(3, 3);
		openOn(el).press('l');
		expect(field.value).toBe('hello');
		expect([field.selectionStart, field.selectionEnd]).toEqual([4, 4]);
		expect(events).toHaveLength(1);
		expect(events[0].type).toBe('input');
		expect(events[0].bubbles).toBe(true);
	});

	it('sends no input event when a key changes nothing (maxlength reached)', () => {
		const { field, events, el } = fakeField('12345', { maxLength: 5 });
		openOn(el).press('6');
		expect(field.value).toBe('12345');
		expect(events).toHaveLength(0);
	});

	it('releases shift after one letter', () => {
		const { field, el } = fakeField();
		const keyboard = openOn(el);
		keyboard.press('{shift}');
		expect(keyboard.shift).toBe(true);
		keyboard.press('n');
		keyboard.press('i');
		expect(field.value).toBe('Ni');
		expect(keyboard.shift).toBe(false);
	});

	it('switches between Latin and Cyrillic with {lang}', () => {
		const { el } = fakeField();
		const keyboard = openOn(el);
		keyboard.press('{lang}');
		expect(keyboard.layout).toBe('cyrillic');
		keyboard.press('{lang}');
		expect(keyboard.layout).toBe('latin');
		expect(new KeyboardState({ layout: 'cyrillic' }).layout).toBe('cyrillic');
	});

	it('hides the device keyboard while attached and restores the field afterwards', () => {
		const { field, el } = fakeField();
		field.setAttribute('inputmode', 'search');
		const keyboard = openOn(el);
		expect(field.getAttribute('inputmode')).toBe('none');
		keyboard.detach();
		expect(field.getAttribute('inputmode')).toBe('search');
		expect(keyboard.target).toBeNull();
		expect(keyboard.open).toBe(false);
	});

	it('submits the form on {enter} and gets out of the way', () => {
		const { field, form, el } = fakeField('boots');
		const keyboard = openOn(el);
		keyboard.press('{enter}');
		expect(form.requestSubmit).toHaveBeenCalledOnce();
		expect(field.blur).toHaveBeenCalled();
		expect(keyboard.open).toBe(false);
		expect(field.value).toBe('boots');
	});

	it('starts a new line on {enter} in a textarea', () => {
		const { field, form, el } = fakeField('line', { tagName: 'TEXTAREA' });
		openOn(el).press('{enter}');
		expect(field.value).toBe('line\n');
		expect(form.requestSubmit).not.toHaveBeenCalled();
	});

	it('closes on {close}, and keys do nothing once closed', () => {
		const { field, events, el } = fakeField('a');
		const keyboard = openOn(el);
		keyboard.press('{close}');
		expect(keyboard.open).toBe(false);
		expect(field.blur).toHaveBeenCalled();
		keyboard.press('b');
		expect(field.value).toBe('a');
		expect(events).toHaveLength(0);
	});

	it('keeps focus on the field while typing', () => {
		const { field, el } = fakeField();
		openOn(el).press('{space}');
		expect(field.value).toBe(' ');
		expect(field.focus).toHaveBeenCalledWith({ preventScroll: true });
	});
});

describe('kiosk layouts', () => {
	const layouts = buildLayouts({ latin: english.layout.default, cyrillic: russian.layout.default });

	it('has a digits row, the letter rows and the kiosk bottom row', () => {
		expect(layouts.latin).toEqual([
			'1 2 3 4 5 6 7 8 9 0 -',
			'q w e r t y u i o p',
			'a s d f g h j k l',
			'{shift} z x c v b n m . @ {enter}',
			'{lang} {space} {bksp} {close}'
		]);
		expect(layouts.cyrillic[1]).toBe('й ц у к е н г ш щ з х ъ');
		expect(layouts.cyrillic[4]).toBe('{lang} {space} {bksp} {close}');
		expect(layouts['cyrillic-shift'][0]).toMatch(/^Ё 1 2/);
	});

	it('names every key for a screen reader, the language key after the layout it switches to', () => {
		const attributes = keyAttributes(layouts, DEFAULT_KEY_LABELS, 'latin', false);
		const label = (key: string) => attributes.find((a) => a.attribute === 'aria-label' && a.buttons === key)?.value;
		expect(label('й')).toBe('й');
		expect(label('Q')).toBe('Q');
		expect(label('{bksp}')).toBe('Backspace');
		expect(label('{lang}')).toBe('Русский');
		expect(keyDisplay(DEFAULT_KEY_LABELS, nextLayout('cyrillic'))['{lang}']).toBe('Русский');
		expect(keyDisplay(DEFAULT_KEY_LABELS, 'cyrillic')['{lang}']).toBe('English');
	});

	it('escapes labels, which simple-keyboard renders as HTML', () => {
		expect(keyDisplay({ ...DEFAULT_KEY_LABELS, enter: '<b>Go</b>' }, 'latin')['{enter}']).toBe('&#60;b&#62;Go&#60;/b&#62;');
	});
});
