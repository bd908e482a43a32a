// The entry module of every page (WEB-INF/templates/layout.xhtml): live updates (protocol:
// docs/live-protocol.md) and the note page's comment forms. It only wires the modules together:
//   live-socket.js      the socket to /live: subscribing, ping, reconnection (reconnect.js), resync
//   live-topics.js      each topic's snapshot first, then the events it does not cover
//   live-status.js      the "live" / "reconnecting…" badge
//   home-list.js        the home page's list of notes (home-list-model.js decides)
//   note-view.js        a note's page; its comments in comment-list.js (comment-list-model.js
//                       decides, comment-permissions.js applies what the server says the viewer may do)
//   note-edit.js        the edit page's warnings
//   comment-form.js     adding and deleting comments without a reload
// Elements with a data-live-topic attribute name what the page shows ("home", "note:<key>").
// User content only ever goes into the page with textContent and attributes, into clones of the
// page's <template>s; a note's text is the server's sanitised HTML (server-html.js).

import { enhanceCommentForms } from './comment-form.js';
import { commentListRenderer } from './comment-list.js';
import { homeListRenderer } from './home-list.js';
import { openLiveSocket } from './live-socket.js';
import { showLiveStatus } from './live-status.js';
import { TopicFeeds } from './live-topics.js';
import { noteEditRenderer } from './note-edit.js';
import { noteViewRenderer } from './note-view.js';

const contextRoot = new URL('../../', import.meta.url);

/** Where a note's comments are added, listed in older slices and deleted. */
function commentsApi(key) {
    return new URL(`api/notes/${encodeURIComponent(key)}/comments`, contextRoot);
}

function rendererFor(element) {
    if (element.dataset.liveTopic === 'home') {
        return homeListRenderer(element);
    }
    if (element.id === 'note') {
        return noteViewRenderer(element, commentListRenderer({ contextRoot, key: element.dataset.key, api: commentsApi(element.dataset.key) }));
    }
    return noteEditRenderer(element);
}

const followed = document.querySelectorAll('[data-live-topic]');
const feeds = new TopicFeeds({ homeFrom: document.querySelector('[data-live-topic="home"]')?.dataset.liveFrom || null });
for (const element of followed) {
    feeds.add(element.dataset.liveTopic, rendererFor(element));
}
if (feeds.size > 0) {
    const url = new URL('live', contextRoot);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const badge = document.getElementById('liveStatus');
    openLiveSocket({ url, feeds, showStatus: (state) => showLiveStatus(badge, state) });
}

const note = document.getElementById('note');
if (note) {
    enhanceCommentForms({ api: commentsApi(note.dataset.key) });
}
