/**
 * Reads a product's essentials aloud with the browser's speech synthesis. Browser-only:
 * the page builds the (already translated) sentences, this module joins and speaks them.
 */

export interface ReadAloudParts {
	name: string;
	/** e.g. "Chosen: Red, M". */
	variant?: string | null;
	/** e.g. "Price: $19.00". */
	price?: string | null;
	/** e.g. "In stock here: 4. Aisle 3, bay 2". */
	availability?: string | null;
	/** e.g. "Rated 4.5 out of 5 from 12 reviews". */
	rating?: string | null;
}

/** The text handed to the speech engine: the parts in a fixed order, one sentence each. */
export function readAloudText(parts: ReadAloudParts): string {
	return [parts.name, parts.variant, parts.price, parts.availability, parts.rating]
		.map((p) => p?.trim().replace(/[.。]+$/u, ''))
		.filter((p): p is string => !!p)
		.join('. ')
		.concat('.');
}

/** What `speak` needs from the browser; tests pass fakes. */
export interface SpeechDeps {
	synth: Pick<SpeechSynthesis, 'speak' | 'cancel' | 'getVoices' | 'speaking'>;
	Utterance: new (text: string) => SpeechSynthesisUtterance;
}

function browserSpeech(): SpeechDeps | null {
	if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return null;
	return { synth: window.speechSynthesis, Utterance: SpeechSynthesisUtterance };
}

/** Whether this browser can speak. */
export function canSpeak(deps: SpeechDeps | null = browserSpeech()): boolean {
	return deps !== null;
}

/**
 * Speaks `text` in `locale` (a voice of that language when one is installed) and calls
 * `onEnd` when it finishes or is stopped. Returns a function that stops it.
 */
export function speak(text: string, locale: string, onEnd: () => void = () => {}, deps: SpeechDeps | null = browserSpeech()): () => void {
	if (!deps) {
		onEnd();
		return () => {};
	}
	const { synth, Utterance } = deps;
	synth.cancel();
	const utterance = new Utterance(text);
	utterance.lang = locale;
	const language = locale.split('-')[0].toLowerCase();
	const voices = synth.getVoices();
	const voice =
		voices.find((v) => v.lang.toLowerCase() === locale.toLowerCase()) ??
		voices.find((v) => v.lang.toLowerCase().startsWith(language));
	if (voice) utterance.voice = voice;
	let ended = false;
	const finish = () => {
		if (ended) return;
		ended = true;
		onEnd();
	};
	utterance.onend = finish;
	utterance.onerror = finish;
	synth.speak(utterance);
	return () => {
		synth.cancel();
		finish();
	};
}
