import { SvelteSet } from 'svelte/reactivity';

/** The products chosen for a bulk action: some rows, or every product matching the filters. */
export class ListSelection {
	readonly ids = new SvelteSet<number>();
	/** Whether `ids` holds every product matching the filters (from "Select all matching"). */
	allMatching = $state(false);

	get size() {
		return this.ids.size;
	}

	has = (id: number) => this.ids.has(id);

	/** Adds or removes rows, e.g. one checkbox or a whole page. */
	set = (ids: number[], on: boolean) => {
		for (const id of ids) {
			if (on) this.ids.add(id);
			else this.ids.delete(id);
		}
		if (!on) this.allMatching = false;
	};

	/** Replaces the selection with every product matching the filters. */
	selectAll(ids: number[]) {
		this.ids.clear();
		for (const id of ids) this.ids.add(id);
		this.allMatching = true;
	}

	clear = () => {
		this.ids.clear();
		this.allMatching = false;
	};
}
