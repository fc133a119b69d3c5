export { MESSAGE_KINDS, MAIL_LOCALES, mailLocale, type MessageKind, type MailLocale } from './copy.ts';
export { renderOrderMessage, messageSubject, type RenderedMessage, type MessageContext } from './templates.ts';
export { createMailTransport, type MailConfig, type MailTransport, type OutgoingMail, type MailResult } from './transport.ts';
export { MailWorker, type MailWorkerDeps, type MailWorkerOptions } from './worker.ts';
