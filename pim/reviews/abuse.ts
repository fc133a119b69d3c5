/**
 * The abuse rules for shoppers' reviews: what a review may not contain, each as a problem
 * code the shop's pages turn into a kind, translated sentence next to the field.
 */

/** Something a review's text may not contain. */
export const ABUSE_PROBLEMS = ['link', 'contact', 'profanity', 'shouting', 'repeated', 'symbols'] as const;
/** One of ABUSE_PROBLEMS. */
export type AbuseProblem = (typeof ABUSE_PROBLEMS)[number];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const LINK_PREFIX = /https?:\/\/|www\./i;
// Lower case only: "Great chair.Top quality" is a missing space, "shop.com" is a link.
const BARE_DOMAIN = /(?<![\p{L}\p{N}])[a-z0-9-]+\.(?:com|net|org|info|biz|io|co|me|ly|xyz|ru|su|cn|рф)(?![\p{L}\p{N}])/u;
// Nine digits or more, with at most two separators between them: "+1 (206) 555-0142", "138 0013 8000".
const PHONE = /\+?\d(?:[\s\-.()/]{0,2}\d){8,}/;
const REPEATED = /(\S)\1{7,}/u;

// A few common ones per language, matched as whole words so "Scunthorpe" or "assess" pass.
const RUDE_WORDS = [
	'fuck', 'fucking', 'fucked', 'shit', 'shitty', 'bullshit', 'bitch', 'asshole', 'cunt',
	'блять', 'блядь', 'сука', 'хуй', 'пизда', 'пиздец', 'мудак'
];
const RUDE_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${RUDE_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
// Chinese has no spaces between words: these are matched anywhere, so each must never occur inside a harmless phrase.
const RUDE_CHINESE = ['傻逼', '他妈的', '操你妈', '王八蛋'];

/** Letters with case above this many, mostly capitals, read as shouting. */
const SHOUTING_LETTERS = 20;
const SHOUTING_SHARE = 0.7;
/** Below this share of letters among the visible characters, a text is mostly symbols. */
const LETTER_SHARE = 0.5;

/**
 * The text as the rules see it: compatibility forms folded (full-width "ｆｕｃｋ" is "fuck"),
 * invisible characters that could split a word removed, and "ё" read as "е".
 */
function normalize(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
		.replace(/ё/g, 'е')
		.replace(/Ё/g, 'Е');
}

function count(text: string, pattern: RegExp): number {
	return text.match(pattern)?.length ?? 0;
}

const RULES: Record<AbuseProblem, (text: string) => boolean> = {
	link: (t) => LINK_PREFIX.test(t) || BARE_DOMAIN.test(t),
	contact: (t) => EMAIL.test(t) || PHONE.test(t),
	profanity: (t) => RUDE_WORD.test(t) || RUDE_CHINESE.some((w) => t.includes(w)),
	shouting: (t) => {
		const upper = count(t, /\p{Lu}/gu);
		const cased = upper + count(t, /\p{Ll}/gu);
		return cased > SHOUTING_LETTERS && upper / cased > SHOUTING_SHARE;
	},
	repeated: (t) => REPEATED.test(t),
	symbols: (t) => {
		const visible = count(t, /\S/gu);
		return visible > 0 && count(t, /[\p{L}\p{M}]/gu) / visible < LETTER_SHARE;
	}
};

// An e-mail address is also a domain: name it as personal data, the more useful message.
const ORDER: AbuseProblem[] = ['contact', 'link', 'profanity', 'shouting', 'repeated', 'symbols'];

/** The first rule among `checks` that `text` breaks, or null when it breaks none. */
export function findAbuse(text: string, checks: readonly AbuseProblem[] = ABUSE_PROBLEMS): AbuseProblem | null {
	const t = normalize(text);
	return ORDER.find((problem) => checks.includes(problem) && RULES[problem](t)) ?? null;
}
