// The preview of a note's text on the add and edit pages (WEB-INF/templates/markdown-preview.xhtml):
// the button sends the text to POST /api/markdown and shows the HTML the server rendered and
// sanitised, exactly what the saved note will show.

import { showServerHtml } from './server-html.js';

const button = document.getElementById('previewButton');

if (button) {
    const field = document.getElementById(button.dataset.previewField);
    const preview = document.getElementById(button.dataset.previewTarget);
    const error = document.getElementById('previewError');
    const endpoint = new URL('../../api/markdown', import.meta.url);

    button.hidden = false;
    button.addEventListener('click', async () => {
        button.disabled = true;
        error.hidden = true;
        try {
            const response = await fetch(endpoint, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ text: field.value }),
                credentials: 'same-origin',
            });
            const answer = await response.json();
            if (!response.ok) {
                throw new Error(answer.detail || `The preview failed (${response.status}).`);
            }
            showServerHtml(preview, answer.html);
            preview.hidden = false;
        } catch (failure) {
            error.textContent = failure instanceof SyntaxError || failure instanceof TypeError
                ? 'The preview is not available right now.' : failure.message;
            error.hidden = false;
        } finally {
            button.disabled = false;
        }
    });
}
