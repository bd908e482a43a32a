// A note's comments on its page (note/view.xhtml, #comments): the slice the server rendered or a
// live snapshot replaced it with, older slices loaded from the API in place ("Show older comments"),
// and live additions and deletions (protocol: docs/live-protocol.md). CommentListModel decides;
// this mirrors it in the page. Comments are clones of the page's #commentTemplate, filled with
// textContent and attributes only.

import { CommentListModel } from './comment-list-model.js';
import { announce } from './announce.js';
import { commentPermissions, mayDeleteComment } from './comment-permissions.js';

/** Only these become links, whatever a message says: the server makes no others (CommentText). */
const WEB_ADDRESS = /^https?:\/\//i;

/**
 * Shows a comment's text in `element`: its segments, text as text and web links as clones made by
 * `newLink` (of the page's #commentLinkTemplate) with the address as href and text.
 */
function showText(element, comment, newLink) {
    if (!Array.isArray(comment.segments)) {
        element.textContent = comment.text; // from an instance that predates links in comments
        return;
    }
    element.replaceChildren(...comment.segments.map((segment) => {
        if (typeof segment.href !== 'string' || !WEB_ADDRESS.test(segment.href)) {
            return segment.text;
        }
        const link = newLink();
        link.href = segment.href;
        link.textContent = segment.text;
        return link;
    }));
}

/**
 * Fills `item`, a clone of the comment template, with `comment`, its links made by `newLink`. Its
 * button becomes the comment's delete control where `mayDelete`, as CommentList renders the
 * server's rows, and goes otherwise, so the page holds no delete control the reader may not use.
 */
export function fillComment(item, comment, mayDelete, newLink) {
    item.dataset.commentId = String(comment.id);
    // The name the author chose, and the username, which is theirs alone (names may repeat).
    item.querySelector('.comment-author').textContent = comment.authorName || comment.author;
    item.querySelector('.comment-username').textContent = '@' + comment.author;
    const time = item.querySelector('time');
    time.dateTime = comment.createdAt;
    time.textContent = comment.createdAtText;
    showText(item.querySelector('.comment-text'), comment, newLink);
    const button = item.querySelector('button');
    if (mayDelete) {
        button.value = String(comment.id);
        button.classList.add('delete-comment');
    } else {
        button.remove();
    }
    return item;
}

/**
 * The comments of the note `key`, whose comments `api` lists: { snapshot(message), added(comment),
 * deleted(id) } for the note's renderer.
 */
export function commentListRenderer({ contextRoot, key, api }) {
    const list = document.getElementById('comments');
    const template = document.getElementById('commentTemplate');
    const linkTemplate = document.getElementById('commentLinkTemplate');
    const countBadge = document.getElementById('commentCount');
    const noComments = document.getElementById('noComments');
    const olderLink = document.getElementById('olderComments');
    const permissions = commentPermissions(list.dataset);
    const model = new CommentListModel({
        count: Number(countBadge.textContent),
        hasOlder: !olderLink.classList.contains('d-none'),
        cursor: Number(new URL(olderLink.href).searchParams.get('before')),
        olderSlice: list.dataset.slice === 'older',
        shownIds: [...list.children].map((li) => Number(li.dataset.commentId)),
    });

    olderLink.addEventListener('click', (clicked) => {
        clicked.preventDefault();
        loadOlder();
    });

    function item(comment) {
        const clone = template.content.firstElementChild.cloneNode(true);
        const newLink = () => linkTemplate.content.firstElementChild.cloneNode(true);
        return fillComment(clone, comment, mayDeleteComment(permissions, comment), newLink);
    }

    function element(id) {
        return list.querySelector(`li[data-comment-id="${Number(id)}"]`);
    }

    function update() {
        countBadge.textContent = String(Math.max(0, model.count));
        noComments?.classList.toggle('d-none', list.children.length > 0);
        olderLink.classList.toggle('d-none', !model.hasOlder);
        if (model.hasOlder) {
            olderLink.href = `${contextRoot.pathname}note/view?key=${encodeURIComponent(key)}&before=${model.cursor}`;
        }
    }

    async function loadOlder() {
        const token = model.startLoadingOlder();
        if (token === null) {
            return;
        }
        olderLink.classList.add('disabled');
        try {
            const url = new URL(api);
            url.searchParams.set('before', String(token.before));
            const response = await fetch(url, { headers: { Accept: 'application/json' } });
            if (!response.ok) {
                throw new Error(`HTTP ${response.status}`);
            }
            const slice = await response.json();
            list.append(...model.olderLoaded(token, slice).map(item));
            update();
        } catch (e) {
            console.warn('Notes: could not load older comments', e);
            window.alert('Could not load older comments. Please try again.');
        } finally {
            model.finishLoadingOlder();
            olderLink.classList.remove('disabled');
        }
    }

    return {
        snapshot(message) {
            if (model.snapshot(message)) {
                list.replaceChildren(...message.comments.map(item));
            }
            update();
        },
        added(comment) {
            const place = model.added(comment);
            if (place) {
                list.insertBefore(item(comment), place.beforeId === null ? null : element(place.beforeId));
                announce(comment.author === permissions.viewer
                    ? 'Your comment is added'
                    : `New comment by ${comment.authorName || comment.author}`);
            }
            update();
        },
        deleted(id) {
            if (model.deleted(id)) {
                element(id)?.remove();
            }
            update();
        },
    };
}
