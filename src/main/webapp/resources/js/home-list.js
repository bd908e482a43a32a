// The home page's list of notes (index.xhtml, #notes): mirrors HomeListModel, which decides where a
// note goes, in the page. New items are clones of the page's #noteItemTemplate, filled with
// textContent and attributes.

import { announce } from './announce.js';
import { HomeListModel } from './home-list-model.js';

/** The renderer of the 'home' topic for `list` (the page's #notes). */
export function homeListRenderer(list) {
    const page = list.ownerDocument;
    const empty = page.getElementById('noNotes');
    const count = page.getElementById('noteCount');
    const hint = page.getElementById('newNotesHint');
    const template = page.getElementById('noteItemTemplate');
    const model = new HomeListModel({ firstPage: !list.dataset.liveFrom });

    function itemOf(key) {
        return [...list.querySelectorAll('a.note-link')].find((a) => a.dataset.key === key)?.closest('li');
    }

    function newItem(note) {
        const item = template.content.firstElementChild.cloneNode(true);
        const link = item.querySelector('a.note-link');
        link.dataset.key = note.key;
        link.href = `${link.getAttribute('href')}?key=${encodeURIComponent(note.key)}`;
        link.textContent = note.title;
        return item;
    }

    // Which notes the reader recently viewed is the reader's own session state, so new notes never join them here.
    function updateRecentlyViewed({ key, title }) {
        for (const link of page.querySelectorAll('a.recent-link')) {
            if (link.dataset.key !== key) {
                continue;
            }
            if (title === null) {
                link.closest('li').remove();
            } else {
                link.textContent = title;
            }
        }
    }

    function showCountAndEmpty() {
        empty?.classList.toggle('d-none', !model.empty);
        if (count) {
            count.textContent = String(model.total);
        }
    }

    return {
        snapshot(message) {
            model.snapshot(message);
            list.replaceChildren(...model.notes.map(newItem));
            showCountAndEmpty();
            for (const note of model.notes) {
                updateRecentlyViewed(note);
            }
        },
        event(message) {
            const change = model.apply(message);
            if (change.removed !== null) {
                itemOf(change.removed)?.remove();
            }
            if (change.inserted) {
                const before = change.inserted.beforeKey === null ? null : itemOf(change.inserted.beforeKey);
                list.insertBefore(newItem(change.inserted.note), before ?? null);
                announce(`New note: ${change.inserted.note.title}`, page);
            }
            if (change.hint && hint) {
                hint.hidden = false;
            }
            if (change.recent) {
                updateRecentlyViewed(change.recent);
            }
            showCountAndEmpty();
        },
    };
}
