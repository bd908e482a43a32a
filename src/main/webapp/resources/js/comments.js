// A note's comments on its page (note/view.xhtml): the slice the server rendered or a live
// snapshot replaced it with, older slices loaded from the API in place ("Show older comments"),
// and live additions and deletions (protocol: docs/live-protocol.md).
//
// Comment ids grow, so the list is in id order, highest (newest) first, and the id of the oldest
// comment of the newest slice or of the last older slice loaded is the cursor for the next one.
// A comment is shown if its id is above that cursor or if nothing older exists; the count covers
// all of the note's comments, shown or not. User content is only ever inserted with textContent.

export function noteComments({ contextRoot, key, username, noteAuthor }) {
    const list = document.getElementById('comments');
    const template = document.getElementById('commentTemplate');
    const countBadge = document.getElementById('commentCount');
    const noComments = document.getElementById('noComments');
    const olderLink = document.getElementById('olderComments');
    const api = new URL(`api/notes/${encodeURIComponent(key)}/comments`, contextRoot);
    // A page opened on an older slice (a "before" link): new comments do not belong on it.
    const olderSlice = list.dataset.slice === 'older';
    const administrator = list.dataset.administrator === 'true';

    let count = Number(countBadge.textContent);
    let hasOlder = !olderLink.classList.contains('d-none');
    let cursor = Number(new URL(olderLink.href).searchParams.get('before'));
    // Ids deleted since the list was last replaced: an older slice that was loading meanwhile may still hold them.
    let deleted = new Set();
    // Counts the list's replacements, so that a slice loaded for a replaced list is dropped.
    let generation = 0;
    let loading = false;

    olderLink.addEventListener('click', (clicked) => {
        clicked.preventDefault();
        loadOlder();
    });

    function item(comment) {
        const li = template.content.firstElementChild.cloneNode(true);
        li.dataset.commentId = String(comment.id);
        // The name the author chose, and the username, which is theirs alone (names may repeat).
        li.querySelector('.comment-author').textContent = comment.authorName || comment.author;
        li.querySelector('.comment-username').textContent = '@' + comment.author;
        const time = li.querySelector('time');
        time.dateTime = comment.createdAt;
        time.textContent = comment.createdAtText;
        li.querySelector('.comment-text').textContent = comment.text;
        // The same rule as the server's (Comment.isDeletableBy), which enforces it anyway.
        const button = li.querySelector('button');
        if (username && (administrator || username === comment.author || username === noteAuthor())) {
            button.value = String(comment.id);
            button.classList.add('delete-comment');
        } else {
            button.remove();
        }
        return li;
    }

    function element(id) {
        return list.querySelector(`li[data-comment-id="${Number(id)}"]`);
    }

    function shownRangeHas(id) {
        return !hasOlder || id > cursor;
    }

    function oldestIdOf(comments) {
        return comments.length > 0 ? comments[comments.length - 1].id : cursor;
    }

    function update() {
        countBadge.textContent = String(Math.max(0, count));
        noComments?.classList.toggle('d-none', list.children.length > 0);
        olderLink.classList.toggle('d-none', !hasOlder);
        if (hasOlder) {
            olderLink.href = `${contextRoot.pathname}note/view?key=${encodeURIComponent(key)}&before=${cursor}`;
        }
    }

    async function loadOlder() {
        if (loading) {
            return;
        }
        loading = true;
        olderLink.classList.add('disabled');
        const loadingFor = generation;
        try {
            const url = new URL(api);
            url.searchParams.set('before', String(cursor));
            const response = await fetch(url, { headers: { Accept: 'application/json' } });
            if (!response.ok) {
                throw new Error(`HTTP ${response.status}`);
            }
            const slice = await response.json();
            if (loadingFor !== generation) {
                return;
            }
            for (const comment of slice.comments) {
                if (!deleted.has(comment.id) && !element(comment.id)) {
                    list.append(item(comment));
                }
            }
            cursor = oldestIdOf(slice.comments);
            hasOlder = slice.hasOlder;
            update();
        } catch (e) {
            console.warn('Notes: could not load older comments', e);
            window.alert('Could not load older comments. Please try again.');
        } finally {
            loading = false;
            olderLink.classList.remove('disabled');
        }
    }

    return {
        /** The newest slice and the count, from a snapshot: what was loaded before is replaced. */
        snapshot(message) {
            count = message.commentCount;
            if (!olderSlice) {
                list.replaceChildren(...message.comments.map(item));
                hasOlder = message.olderComments;
                cursor = oldestIdOf(message.comments);
                deleted = new Set();
                generation += 1;
            }
            update();
        },
        /** Shown and counted unless the snapshot had it already (then it is shown). */
        added(comment) {
            if (element(comment.id)) {
                return;
            }
            if (!olderSlice && shownRangeHas(comment.id)) {
                const next = [...list.children].find((li) => Number(li.dataset.commentId) < comment.id);
                list.insertBefore(item(comment), next ?? null);
            }
            count += 1;
            update();
        },
        /**
         * Removed if shown. One that is not shown but in the shown range was already gone from the
         * snapshot (counted without it); one beyond it is only counted.
         */
        deleted(id) {
            deleted.add(id);
            const shown = element(id);
            if (shown) {
                shown.remove();
                count -= 1;
            } else if (olderSlice || !shownRangeHas(id)) {
                count -= 1;
            }
            update();
        },
    };
}
