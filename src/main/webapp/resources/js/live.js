// Live updates for the Notes pages (protocol: docs/live-protocol.md).
//
// Elements with a data-live-topic attribute name what the page shows ("home", "note:<key>"). The
// script subscribes to those topics over /live, renders each topic's snapshot, then applies events.
// The home page shows one page of the list: its subscription names where the page starts
// (data-live-from), and the script decides from each event's title whether the note is on it.
// Every handler is idempotent (upsert by key or id, remove if present), because an event may also
// be reflected in a snapshot. User content is only ever inserted with textContent. A note's
// comments are handled by comments.js.

import { noteComments } from './comments.js';

const PING_MILLIS = 25_000;
const RECONNECT_MIN_MILLIS = 500;
const RECONNECT_MAX_MILLIS = 15_000;
/** Application close code: the login the socket was opened with has ended (see LiveConnection). */
const CLOSE_LOGGED_OUT = 4001;
/** "Going away": the instance is stopping (see LiveDelivery); the load balancer has others. */
const CLOSE_GOING_AWAY = 1001;
/**
 * After a resync the page waits a random delay up to this before subscribing again: a resync
 * reaches every browser of an instance at once, and their snapshots are then asked for over these
 * seconds rather than in the same instant (docs/live-protocol.md).
 */
const RESYNC_SPREAD_MILLIS = 5_000;

const contextRoot = new URL('../../', import.meta.url);
const username = document.body.dataset.username || null;
const statusBadge = document.getElementById('liveStatus');

const renderers = {
    home: homeRenderer,
    note: document.getElementById('note') ? notePageRenderer : editPageRenderer,
};

/** Per topic: whether its snapshot has arrived, the id it covers, and events that came before it. */
const topics = new Map();
for (const element of document.querySelectorAll('[data-live-topic]')) {
    const name = element.dataset.liveTopic;
    const kind = name === 'home' ? 'home' : 'note';
    topics.set(name, { element, render: renderers[kind](element), ready: false, lastEventId: 0, early: [] });
}

let socket = null;
let reconnectDelay = RECONNECT_MIN_MILLIS;
let pingTimer = null;

if (topics.size > 0) {
    connect();
}
enhanceCommentForms();

function connect() {
    const url = new URL('live', contextRoot);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    showStatus('connecting');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
        reconnectDelay = RECONNECT_MIN_MILLIS;
        for (const state of topics.values()) {
            state.ready = false;
            state.early = [];
        }
        subscribeAll();
        pingTimer = setInterval(() => send({ type: 'ping' }), PING_MILLIS);
        showStatus('live');
    });
    socket.addEventListener('message', (message) => receive(JSON.parse(message.data)));
    socket.addEventListener('close', (closed) => {
        clearInterval(pingTimer);
        if (closed.code === CLOSE_LOGGED_OUT) {
            // Logged out elsewhere: show the page as it now is for this visitor.
            window.location.reload();
            return;
        }
        showStatus('reconnecting');
        if (closed.code === CLOSE_GOING_AWAY) {
            // Another instance is there now: at once, and a failure after it still backs off.
            connect();
            return;
        }
        const jitter = Math.random() * reconnectDelay * 0.3;
        setTimeout(connect, reconnectDelay + jitter);
        reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MILLIS);
    });
}

function subscribeAll() {
    const homeFrom = topics.get('home')?.element.dataset.liveFrom;
    send({ type: 'subscribe', topics: [...topics.keys()], ...(homeFrom ? { homeFrom } : {}) });
}

function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
    }
}

function receive(message) {
    const state = topics.get(message.topic);
    if (message.type === 'snapshot' && state) {
        state.render.snapshot(message);
        state.lastEventId = message.lastEventId;
        state.ready = true;
        // Events that overtook the snapshot: apply those it does not already cover.
        for (const early of state.early.filter((e) => e.id > message.lastEventId)) {
            state.render.event(early);
        }
        state.early = [];
    } else if (message.type === 'event' && state) {
        if (!state.ready) {
            state.early.push(message);
        } else {
            state.lastEventId = Math.max(state.lastEventId, message.id);
            state.render.event(message);
        }
    } else if (message.type === 'resync') {
        // The server may have missed events (its Redis was away): fresh snapshots bring us up to date.
        // Events are buffered meanwhile; a socket opened in between subscribes by itself.
        for (const topic of topics.values()) {
            topic.ready = false;
            topic.early = [];
        }
        const resynced = socket;
        setTimeout(() => {
            if (socket === resynced) {
                subscribeAll();
            }
        }, Math.random() * RESYNC_SPREAD_MILLIS);
    } else if (message.type === 'error') {
        console.warn('Notes live updates:', message.message);
    }
}

function showStatus(state) {
    if (!statusBadge) {
        return;
    }
    const looks = {
        connecting: ['connecting…', 'text-bg-secondary'],
        live: ['live', 'text-bg-success'],
        reconnecting: ['reconnecting…', 'text-bg-warning'],
    };
    const [text, style] = looks[state];
    statusBadge.hidden = false;
    statusBadge.textContent = text;
    statusBadge.dataset.state = state;
    statusBadge.className = `badge ${style} me-3`;
}

// --- the home page: one page of the list of notes, sorted by title

// The list's order, as the database sorts it: lower-case title, then key, compared by code unit
// (the database compares them by code point, which differs only beyond the surrogates' range).
function sortKey(note) {
    return [note.title.toLowerCase(), note.key];
}

function compareSortKeys([titleA, keyA], [titleB, keyB]) {
    if (titleA !== titleB) {
        return titleA < titleB ? -1 : 1;
    }
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function homeRenderer(list) {
    const empty = document.getElementById('noNotes');
    const count = document.getElementById('noteCount');
    const hint = document.getElementById('newNotesHint');
    const template = document.getElementById('noteItemTemplate');
    const firstPage = !list.dataset.liveFrom;
    // The stretch of the list this page shows, fixed by its snapshot: from its first note (or the
    // start, on the first page) to its last (or the end, on the last page).
    let range = { from: null, to: null };

    function itemOf(key) {
        return [...list.querySelectorAll('a.note-link')].find((a) => a.dataset.key === key)?.closest('li');
    }

    function onThisPage(note) {
        const position = sortKey(note);
        return (range.from === null || compareSortKeys(range.from, position) <= 0)
            && (range.to === null || compareSortKeys(position, range.to) <= 0);
    }

    function newItem(note) {
        const item = document.importNode(template.content.firstElementChild, true);
        const link = item.querySelector('a.note-link');
        link.dataset.key = note.key;
        link.href = `${link.getAttribute('href')}?key=${encodeURIComponent(note.key)}`;
        link.textContent = note.title;
        return item;
    }

    function upsert(note) {
        itemOf(note.key)?.remove();
        const item = newItem(note);
        const position = sortKey(note);
        const next = [...list.children].find((li) => {
            const a = li.querySelector('a.note-link');
            return compareSortKeys(position, sortKey({ title: a.textContent, key: a.dataset.key })) < 0;
        });
        list.insertBefore(item, next ?? null);
        updateEmpty();
    }

    function updateEmpty() {
        empty?.classList.toggle('d-none', list.children.length > 0 || !firstPage);
    }

    function addToCount(change) {
        if (count) {
            count.textContent = String(Math.max(0, Number(count.textContent) + change));
        }
    }

    function showHint() {
        if (hint) {
            hint.hidden = false;
        }
    }

    // The reader's "recently viewed" links follow renames and deletions; which notes they are
    // is the reader's own session state, so new notes never join them here.
    function updateRecentlyViewed(key, note) {
        for (const link of document.querySelectorAll('a.recent-link')) {
            if (link.dataset.key !== key) {
                continue;
            }
            if (note) {
                link.textContent = note.title;
            } else {
                link.closest('li').remove();
            }
        }
    }

    return {
        snapshot(message) {
            const notes = message.notes;
            range = {
                from: firstPage || notes.length === 0 ? null : sortKey(notes[0]),
                to: message.hasNext && notes.length > 0 ? sortKey(notes[notes.length - 1]) : null,
            };
            list.replaceChildren(...notes.map(newItem));
            updateEmpty();
            if (count) {
                count.textContent = String(message.total);
            }
            for (const note of notes) {
                updateRecentlyViewed(note.key, note);
            }
        },
        event(message) {
            const shown = itemOf(message.key);
            if (message.event === 'note.deleted') {
                shown?.remove();
                updateEmpty();
                updateRecentlyViewed(message.key, null);
                addToCount(-1);
                return;
            }
            if (!message.note) {
                return;
            }
            if (message.event === 'note.created') {
                addToCount(1);
            }
            updateRecentlyViewed(message.note.key, message.note);
            if (onThisPage(message.note)) {
                upsert(message.note);
            } else if (shown || message.event === 'note.created') {
                // New elsewhere, or moved away by a new title: the reader may reload to see where.
                shown?.remove();
                updateEmpty();
                showHint();
            }
        },
    };
}

// --- a note's page: title, text, comments

function notePageRenderer(article) {
    const key = article.dataset.key;
    const noteAuthor = () => article.dataset.author;
    const heading = document.querySelector('h1.page-title');
    const body = document.getElementById('noteBody');
    const updated = document.getElementById('noteUpdated');
    const gone = document.getElementById('noteGone');
    const comments = noteComments({ contextRoot, key, username, noteAuthor });

    function showNote(note) {
        if (gone && !gone.hidden) {
            // The note was deleted, and a new one now has its key: show that one afresh.
            window.location.reload();
            return;
        }
        heading.textContent = note.title;
        document.title = note.title;
        body.textContent = note.body;
        if (updated && note.updatedAt) {
            updated.dateTime = note.updatedAt;
            updated.textContent = note.updatedAtText;
        }
        if (note.author) {
            article.dataset.author = note.author;
            document.getElementById('noteAuthor').textContent = note.authorName || note.author;
            document.getElementById('noteUsername').textContent = '@' + note.author;
        }
    }

    function showGone() {
        gone.hidden = false;
        for (const element of document.querySelectorAll('#editLink, #deleteLink, #commentForm, #olderComments, .delete-comment')) {
            element.hidden = true;
        }
    }

    return {
        snapshot(message) {
            if (!message.note) {
                showGone();
                return;
            }
            showNote(message.note);
            comments.snapshot(message);
        },
        event(message) {
            if (message.key !== key) {
                return;
            }
            switch (message.event) {
                case 'note.created':
                case 'note.updated':
                    showNote(message.note);
                    break;
                case 'note.deleted':
                    showGone();
                    break;
                case 'comment.added':
                    comments.added(message.comment);
                    break;
                case 'comment.deleted':
                    comments.deleted(message.comment.id);
                    break;
                default:
                    break;
            }
        },
    };
}

// --- the edit page: warn before someone saves over a newer version or a deleted note

function editPageRenderer(form) {
    const notice = document.getElementById('liveNotice');
    const loadedAt = form.dataset.updatedAt;

    function warn(text, disableSave) {
        notice.textContent = text;
        notice.hidden = false;
        if (disableSave) {
            form.querySelector('input[type=submit]').disabled = true;
        }
    }

    const changed = 'Someone else has changed this note since you opened it. Saving will be refused: '
        + 'copy your text, then reload the page.';
    const deleted = 'This note has been deleted; it can no longer be saved.';

    return {
        snapshot(message) {
            if (!message.note) {
                warn(deleted, true);
            } else if (message.note.updatedAt !== loadedAt) {
                warn(changed, false);
            }
        },
        event(message) {
            if (message.event === 'note.deleted') {
                warn(deleted, true);
            } else if (message.event === 'note.updated' && message.note.updatedAt !== loadedAt) {
                warn(changed, false);
            }
        },
    };
}

// --- comments without a page reload: the Faces forms keep working where this script does not run

function enhanceCommentForms() {
    const article = document.getElementById('note');
    const form = document.getElementById('commentForm');
    const actions = document.getElementById('commentActions');
    if (!article) {
        return;
    }
    const api = new URL(`api/notes/${encodeURIComponent(article.dataset.key)}/comments`, contextRoot);

    form?.addEventListener('submit', async (submitted) => {
        submitted.preventDefault();
        const textarea = form.querySelector('textarea');
        const button = form.querySelector('input[type=submit]');
        button.disabled = true;
        showCommentError(form, null);
        try {
            const response = await fetch(api, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ text: textarea.value }),
            });
            if (response.ok) {
                textarea.value = '';
            } else {
                showCommentError(form, await errorOf(response));
            }
        } catch (e) {
            showCommentError(form, 'Could not reach Notes. Your comment is still here; please try again.');
        } finally {
            button.disabled = false;
        }
    });

    actions?.addEventListener('click', async (clicked) => {
        const button = clicked.target.closest('button.delete-comment');
        if (!button) {
            return;
        }
        clicked.preventDefault();
        button.disabled = true;
        try {
            const response = await fetch(`${api}/${encodeURIComponent(button.value)}`, { method: 'DELETE' });
            if (!response.ok) {
                window.alert(await errorOf(response));
            }
        } catch (e) {
            window.alert('Could not reach Notes. Please try again.');
        } finally {
            button.disabled = false;
        }
    });
}

function showCommentError(form, text) {
    let feedback = form.querySelector('.invalid-feedback');
    if (!feedback) {
        feedback = document.createElement('span');
        feedback.className = 'invalid-feedback d-block';
        form.querySelector('textarea').after(feedback);
    }
    feedback.textContent = text ?? '';
    feedback.hidden = !text;
}

async function errorOf(response) {
    try {
        const body = await response.json();
        if (body && body.detail) {
            return body.detail;
        }
    } catch (e) {
        // not JSON: fall through
    }
    return response.status === 401 ? 'Please log in again.' : `Notes could not do this (HTTP ${response.status}).`;
}
