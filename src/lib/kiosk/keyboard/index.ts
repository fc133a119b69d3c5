export {
	KeyboardState,
	KEYBOARD_LAYOUTS,
	applyKey,
	isCommandKey,
	isLetterKey,
	nextLayout,
	setKeyboardContext,
	getKeyboardContext,
	findKeyboardContext,
	type EditResult,
	type KeyboardLayoutId,
	type KeyboardStateOptions,
	type KeyboardTarget
} from './keyboard.svelte';
export { DEFAULT_KEY_LABELS, buildLayouts, kioskRows, type KeyLabels } from './layouts';
export { keyboardTarget, keyboardFields, TEXT_FIELD_SELECTOR } from './attach-keyboard';
export { default as OnScreenKeyboard } from './OnScreenKeyboard.svelte';
