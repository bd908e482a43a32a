// The badge in the header that says whether the page is live (layout.xhtml, #liveStatus). It is a
// polite status region: a screen reader hears "Live updates: reconnecting…" when it changes. Its
// data-state is what the browser tests wait for.

const LOOKS = {
    connecting: ['connecting…', 'text-bg-secondary'],
    live: ['live', 'text-bg-success'],
    reconnecting: ['reconnecting…', 'text-bg-warning'],
};

/** Shows `state` ('connecting', 'live' or 'reconnecting') on `badge`, if the page has one. */
export function showLiveStatus(badge, state) {
    if (!badge) {
        return;
    }
    const [text, style] = LOOKS[state];
    badge.hidden = false;
    // The text beside the words for screen readers ("Live updates: "), which the badge keeps.
    badge.querySelector('.live-status-text').textContent = text;
    badge.dataset.state = state;
    badge.className = `badge ${style} me-3`;
}
