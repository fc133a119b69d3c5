/** What only the screen needs to know about the current shopper's display choices. */
export class DisplayPreferences {
	largeText = $state(false);
	highContrast = $state(false);
	lowReach = $state(false);
	panelOpen = $state(false);

	/** Class names for the kiosk's root element. */
	classes = $derived(
		[this.largeText && 'large-text', this.highContrast && 'high-contrast', this.lowReach && 'low-reach'].filter(Boolean).join(' ')
	);
}
