// What live changes tell screen readers: the page's one polite live region (layout.xhtml,
// #liveAnnouncement), visually hidden. A reader hears "New comment by Ana" without losing their place.

/** Says `text` politely through the page's live region, if it has one. */
export function announce(text, page = document) {
    const region = page.getElementById('liveAnnouncement');
    if (!region) {
        return;
    }
    // Emptied first and filled a moment later, so that the same words twice are announced twice.
    region.textContent = '';
    setTimeout(() => {
        region.textContent = text;
    }, 100);
}
