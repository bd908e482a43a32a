// A note's page (note/view.xhtml, #note): its title, text and author follow the note's events, the
// page says so when the note is deleted, and the comment events go to the comment list. The text
// is the one markup a message carries: HTML the server rendered and sanitised (server-html.js).
// Times are written as the server formatted them, with their ISO value in datetime.

import { showServerHtml } from './server-html.js';

/** The renderer of the topic 'note:<key>' for `article`, passing comment events on to `comments` (comment-list.js). */
export function noteViewRenderer(article, comments) {
    const page = article.ownerDocument;
    const key = article.dataset.key;
    const heading = page.querySelector('h1.page-title');
    const body = page.getElementById('noteBody');
    const updated = page.getElementById('noteUpdated');
    const gone = page.getElementById('noteGone');

    function showNote(note) {
        if (gone && !gone.hidden) {
            // The note was deleted, and a new one now has its key: show that one afresh.
            window.location.reload();
            return;
        }
        heading.textContent = note.title;
        page.title = note.title;
        if (typeof note.bodyHtml === 'string') {
            showServerHtml(body, note.bodyHtml);
        } else {
            body.textContent = note.body; // from an instance that predates Markdown
        }
        if (updated && note.updatedAt) {
            updated.dateTime = note.updatedAt;
            updated.textContent = note.updatedAtText;
        }
        if (note.author) {
            article.dataset.author = note.author;
            page.getElementById('noteAuthor').textContent = note.authorName || note.author;
            page.getElementById('noteUsername').textContent = '@' + note.author;
        }
    }

    function showGone() {
        gone.hidden = false;
        for (const element of page.querySelectorAll('#editLink, #deleteLink, #commentForm, #olderComments, .delete-comment')) {
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
