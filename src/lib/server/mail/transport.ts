import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** Where messages go: an SMTP server, or with none configured `.eml` files in the outbox directory. */
export interface MailConfig {
	/** smtp://user:pass@host:port or smtps://…; null writes files instead. */
	smtpUrl: string | null;
	/** The From header, e.g. "Aisle <orders@aisle.local>". */
	from: string;
	/** Directory for `.eml` files when there is no SMTP server (`<dataDir>/mail`). */
	outboxDir: string;
}

/** One message to one customer. */
export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Names the file in the outbox (the outgoing_message row id). */
	ref?: string | number;
}

/** What became of a message: handed to the SMTP server ('sent') or written to a file ('written'). */
export interface MailResult {
	status: 'sent' | 'written';
	messageId: string;
	/** The file written, for 'written'. */
	file?: string;
}

/** Sends customer messages; `close` ends SMTP connections. */
export interface MailTransport {
	readonly kind: 'smtp' | 'file';
	send(mail: OutgoingMail): Promise<MailResult>;
	/** Deletes written files older than `before` (they hold personal data); returns how many. */
	prune(before: Date): number;
	/** Deletes the written files of these outgoing_message rows (a customer's erasure request); returns how many. */
	forget(refs: (string | number)[]): number;
	close(): void;
}

// Nothing we send refers to files or URLs; refusing them keeps message content from reading either.
const SAFE = { disableFileAccess: true, disableUrlAccess: true } as const;

function fileStamp(d: Date) {
	return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * Creates the transport the configuration asks for: nodemailer's SMTP transport for an
 * smtp:// or smtps:// URL (short timeouts, so a dead server fails an attempt instead of
 * holding the worker), else a transport that writes each message atomically to
 * `<outboxDir>/<timestamp>-<ref>.eml`.
 */
export function createMailTransport(config: MailConfig): MailTransport {
	if (config.smtpUrl) {
		if (!/^smtps?:\/\//i.test(config.smtpUrl)) throw new Error('AISLE_SMTP_URL must start with smtp:// or smtps://');
		const smtp = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, ...SAFE });
		return {
			kind: 'smtp',
			async send(mail) {
				const info = await smtp.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
				return { status: 'sent', messageId: info.messageId };
			},
			prune: () => 0,
			forget: () => 0,
			close: () => smtp.close()
		};
	}
	const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...SAFE });
	return {
		kind: 'file',
		async send(mail) {
			const info = await stream.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
			mkdirSync(config.outboxDir, { recursive: true });
			const ref = String(mail.ref ?? randomUUID()).replace(/[^\w-]/g, '');
			const file = join(config.outboxDir, `${fileStamp(new Date())}-${ref}.eml`);
			// Written beside, then renamed: a reader never sees half a message.
			const tmp = `${file}.${process.pid}.tmp`;
			writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
			renameSync(tmp, file);
			return { status: 'written', messageId: info.messageId, file };
		},
		prune: (before) => removeWritten(config.outboxDir, (name) => statSync(join(config.outboxDir, name)).mtimeMs < before.getTime()),
		forget(refs) {
			const ends = new Set(refs.map((r) => `-${r}.eml`));
			return removeWritten(config.outboxDir, (name) => ends.has(name.slice(name.lastIndexOf('-'))));
		},
		close: () => stream.close()
	};
}

function removeWritten(dir: string, doomed: (name: string) => boolean): number {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return 0;
	}
	let n = 0;
	for (const name of names) {
		if (!name.endsWith('.eml') || !doomed(name)) continue;
		unlinkSync(join(dir, name));
		n++;
	}
	return n;
}
