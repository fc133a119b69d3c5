/** A problem with one field of an input, as forms and imports report it. */
export interface Issue {
	path: string;
	message: string;
}

/** Base of the errors the domain throws; routes map them to HTTP answers. */
export class DomainError extends Error {
	override name = 'DomainError';
}

/** The thing asked for does not exist. */
export class NotFoundError extends DomainError {
	override name = 'NotFoundError';
}

/** The change clashes with the current state (a duplicate code, a stale revision). */
export class ConflictError extends DomainError {
	override name = 'ConflictError';
	constructor(
		message: string,
		readonly issues: Issue[] = []
	) {
		super(message);
	}
}

/** The input breaks a rule; `issues` says which fields and why. */
export class ValidationError extends DomainError {
	override name = 'ValidationError';
	constructor(
		message: string,
		readonly issues: Issue[]
	) {
		super(message);
	}
}

/** Turns a zod error into our issues, with dotted paths. */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): Issue[] {
	return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Too many attempts in a short time; `retryAfter` says how many seconds to wait. */
export class RateLimitedError extends DomainError {
	override name = 'RateLimitedError';
	constructor(
		message: string,
		readonly retryAfter: number
	) {
		super(message);
	}
}
