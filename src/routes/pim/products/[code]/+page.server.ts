import { error, fail } from '@sveltejs/kit';
import { ConflictError, NotFoundError, setProductStatus, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { editorMedia } from '$lib/server/pim-media';
import { loadEditor, saveDraft, setProductStock, type EditorPageData } from '$lib/server/pim-editor';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['merchandiser', 'admin'] as const;

export const load: PageServerLoad = async (event): Promise<EditorPageData> => {
	requireRole(event, ...ROLES);
	const { db, config } = app();
	const editor = loadEditor(db, event.params.code);
	if (!editor) error(404, 'Product not found');
	return { ...editor, media: editorMedia(db, editor.product.id, config.mediaDir) };
};

/** A refused change as the editor shows it: the message on top, each issue next to its field. */
function refusal(e: unknown) {
	if (e instanceof ValidationError) return fail(400, { message: e.message, issues: e.issues });
	if (e instanceof ConflictError) return fail(409, { message: e.message, issues: e.issues });
	if (e instanceof NotFoundError) return fail(404, { message: e.message, issues: [] });
	throw e; // unexpected: logged by handleError
}

/** Draft → published → archived, each through the domain, which enforces the publishing rule. */
function changeStatus(status: 'draft' | 'published' | 'archived') {
	return async (event: { locals: App.Locals; url: URL; params: { code: string } }) => {
		const user = requireRole(event, ...ROLES);
		try {
			return { revision: setProductStatus(app().db, event.params.code, status, authorOf(user)).revision };
		} catch (e) {
			return refusal(e);
		}
	};
}

export const actions = {
	save: async (event) => {
		const user = requireRole(event, ...ROLES);
		const form = await event.request.formData();
		const revision = Number(form.get('expectedRevision'));
		try {
			const saved = saveDraft(app().db, event.params.code, String(form.get('product') ?? ''), Number.isInteger(revision) && revision > 0 ? revision : null, authorOf(user));
			return { revision: saved.revision };
		} catch (e) {
			return refusal(e);
		}
	},
	publish: changeStatus('published'),
	unpublish: changeStatus('draft'),
	archive: changeStatus('archived'),
	stock: async (event) => {
		requireRole(event, ...ROLES);
		const form = await event.request.formData();
		const field = (name: string) => String(form.get(name) ?? '');
		try {
			setProductStock(app().db, event.params.code, { sku: field('sku'), location: field('location'), onHand: field('onHand') });
		} catch (e) {
			// The stock form has one field: its issues read as one message beside it.
			if (e instanceof ValidationError) return fail(400, { message: e.issues.map((i) => i.message).join('; ') || e.message, issues: e.issues });
			return refusal(e);
		}
		return { stocked: field('sku') };
	}
} satisfies Actions;
