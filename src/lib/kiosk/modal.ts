import type { Attachment } from 'svelte/attachments';

/** Opens a <dialog> as a modal while it is on the page (focus moves in, the page behind is inert) and closes it when it goes. */
export const modal: Attachment<HTMLDialogElement> = (dialog) => {
	dialog.showModal();
	return () => dialog.close();
};
