// The edit page (note/edit.xhtml, #noteForm): warns before someone saves over a newer version of
// the note or a deleted one. The server refuses such a save anyway; this says so before the typing.

const CHANGED = 'Someone else has changed this note since you opened it. Saving will be refused: '
    + 'copy your text, then reload the page.';
const DELETED = 'This note has been deleted; it can no longer be saved.';

/** The renderer of the topic 'note:<key>' for the edit `form`, which holds the version it was loaded at (data-updated-at). */
export function noteEditRenderer(form) {
    const notice = form.ownerDocument.getElementById('liveNotice');
    const loadedAt = form.dataset.updatedAt;

    function warn(text, disableSave) {
        notice.textContent = text;
        notice.hidden = false;
        if (disableSave) {
            form.querySelector('input[type=submit]').disabled = true;
        }
    }

    return {
        snapshot(message) {
            if (!message.note) {
                warn(DELETED, true);
            } else if (message.note.updatedAt !== loadedAt) {
                warn(CHANGED, false);
            }
        },
        event(message) {
            if (message.event === 'note.deleted') {
                warn(DELETED, true);
            } else if (message.event === 'note.updated' && message.note.updatedAt !== loadedAt) {
                warn(CHANGED, false);
            }
        },
    };
}
