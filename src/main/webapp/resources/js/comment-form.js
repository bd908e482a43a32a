// Adding and deleting comments without a page reload (note/view.xhtml): the script posts to the
// API instead of submitting the Faces forms, which keep working where it does not run. The comment
// then shows through its live event, like anyone else's.

/** Takes over the submissions of #commentForm (absent for anonymous readers) and #commentActions's delete buttons. */
export function enhanceCommentForms({ api }) {
    const form = document.getElementById('commentForm');
    const actions = document.getElementById('commentActions');
    const feedback = document.getElementById('commentError');

    function showError(text) {
        feedback.textContent = text ?? '';
        // .invalid-feedback shows only beside an invalid field, unless told to.
        feedback.classList.toggle('d-block', Boolean(text));
    }

    form?.addEventListener('submit', async (submitted) => {
        submitted.preventDefault();
        const textarea = form.querySelector('textarea');
        const button = form.querySelector('input[type=submit]');
        button.disabled = true;
        showError(null);
        try {
            const response = await fetch(api, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ text: textarea.value }),
            });
            if (response.ok) {
                textarea.value = '';
            } else {
                showError(await errorOf(response));
            }
        } catch (e) {
            showError('Could not reach Notes. Your comment is still here; please try again.');
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

/** What to tell the reader about a refused request: the problem's detail (RFC 9457) when it has one. */
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
