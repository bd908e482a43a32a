// Times in the reader's time zone and language (layout.xhtml loads this on every page).
//
// The server writes each time as <time datetime="ISO instant">UTC text</time>: the text is what a
// reader without JavaScript sees. Here the text becomes the reader's local date and time
// (Intl.DateTimeFormat, languages from navigator.languages), or for a time of the last 24 hours a
// relative one ("3 minutes ago", Intl.RelativeTimeFormat) that is refreshed every minute, with the
// full local date and time in the title. The live renderers add and update <time> elements the
// same way (dateTime, then the UTC text): a MutationObserver formats those as they come.

const MINUTE_MILLIS = 60_000;
const HOUR_MILLIS = 60 * MINUTE_MILLIS;
/** Younger than this, a time reads as relative ("5 hours ago"); older, as a date and time. */
const RELATIVE_LIMIT_MILLIS = 24 * HOUR_MILLIS;

const languages = navigator.languages?.length ? [...navigator.languages] : undefined;
// Formatters are costly to build and cheap to use: one of each for the page.
const shortFormat = new Intl.DateTimeFormat(languages, { dateStyle: 'medium', timeStyle: 'short' });
const fullFormat = new Intl.DateTimeFormat(languages, { dateStyle: 'full', timeStyle: 'long' });
const relativeFormat = new Intl.RelativeTimeFormat(languages, { numeric: 'auto' });
const language = shortFormat.resolvedOptions().locale;

/**
 * What this module last wrote into each element: a mutation that leaves an element so is this
 * module's own doing, and is not formatted again (the observer would otherwise call itself forever).
 */
const written = new WeakMap();
/** The elements now showing a relative time: the only ones the minute's refresh touches. */
const relative = new Set();

/** Whether a time this old (negative: ahead of this clock) reads as relative. */
function isRecent(age) {
    return age >= -MINUTE_MILLIS && age < RELATIVE_LIMIT_MILLIS;
}

function text(age, instant) {
    if (!isRecent(age)) {
        return shortFormat.format(instant);
    }
    if (age < MINUTE_MILLIS) {
        return relativeFormat.format(0, 'second'); // "now"
    }
    if (age < HOUR_MILLIS) {
        return relativeFormat.format(-Math.floor(age / MINUTE_MILLIS), 'minute');
    }
    return relativeFormat.format(-Math.floor(age / HOUR_MILLIS), 'hour');
}

/** Whether this module wrote the element's present time and text (and so has nothing to do). */
function isAsWritten(time) {
    const last = written.get(time);
    return last !== undefined && last.iso === time.dateTime && last.text === time.textContent;
}

function format(time, now = Date.now()) {
    const instant = Date.parse(time.dateTime);
    if (Number.isNaN(instant)) {
        return; // no machine-readable time: the server's text stays
    }
    const age = now - instant;
    const shown = text(age, instant);
    const full = fullFormat.format(instant);
    // Only what differs is written: the minute's refresh leaves most elements as they are.
    if (time.textContent !== shown) {
        time.textContent = shown;
    }
    if (time.title !== full) {
        time.title = full;
    }
    if (time.lang !== language) {
        time.lang = language;
    }
    written.set(time, { iso: time.dateTime, text: shown });
    if (isRecent(age)) {
        relative.add(time);
    } else {
        relative.delete(time);
    }
}

function formatWithin(node) {
    if (node instanceof HTMLTimeElement) {
        if (!isAsWritten(node)) {
            format(node);
        }
    } else if (node instanceof Element && node.childElementCount > 0) {
        for (const time of node.querySelectorAll('time[datetime]')) {
            if (!isAsWritten(time)) {
                format(time);
            }
        }
    }
}

/** The <time> element a mutation happened in, if any: its own attribute, its text, or a text node of it. */
function timeOf(node) {
    const element = node instanceof Element ? node : node.parentElement;
    return element?.closest('time[datetime]') ?? null;
}

function changed(mutations) {
    for (const mutation of mutations) {
        const time = timeOf(mutation.target);
        if (time) {
            // A renderer gave this element a new time or its UTC text, unless this module's own
            // writing is what changed it.
            if (!isAsWritten(time)) {
                format(time);
            }
        } else {
            for (const added of mutation.addedNodes) {
                formatWithin(added);
            }
        }
    }
}

function refreshRelative() {
    const now = Date.now();
    for (const time of relative) {
        if (time.isConnected) {
            format(time, now);
        } else {
            relative.delete(time); // removed from the page: nothing to keep up to date
        }
    }
}

formatWithin(document.body);
new MutationObserver(changed).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['datetime'],
});
// Only relative times change with the clock; a hidden page catches up when it is shown again.
setInterval(() => {
    if (document.visibilityState === 'visible') {
        refreshRelative();
    }
}, MINUTE_MILLIS);
document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
        refreshRelative();
    }
});
