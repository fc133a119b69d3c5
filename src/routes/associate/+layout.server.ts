import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	return { user: { name: user.name, email: user.email, role: user.role, homeStore: user.homeStoreCode } };
};
