/** The messages for a field and for anything under it (`stopWords` also shows `stopWords.3`'s), as one line. */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
	const messages = Object.entries(errors)
		.filter(([key]) => key === path || key.startsWith(`${path}.`))
		.map(([, message]) => message);
	return messages.length ? messages.join(' ') : undefined;
}
