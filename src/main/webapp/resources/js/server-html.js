// HTML the server rendered from a note's Markdown and sanitised to an allow-list
// (dev.notes.note.Markdown): the one kind of markup the pages take from a message.
//
// The pages require Trusted Types: a string reaches an HTML sink only through a policy the content
// security policy names. This module holds the only one, 'notes-server-html', keeps it to itself,
// and uses it for one thing: parsing the server's sanitised HTML into an inert document (no script
// runs, nothing loads) whose nodes then move into the page. User text everywhere else goes in with
// textContent, and no other string can become markup.

const policy = window.trustedTypes
    ? window.trustedTypes.createPolicy('notes-server-html', { createHTML: (sanitisedByTheServer) => sanitisedByTheServer })
    : { createHTML: (html) => html };
const parser = new DOMParser();

/** Replaces the children of `element` with the nodes of `html`, a fragment the server sanitised. */
export function showServerHtml(element, html) {
    const parsed = parser.parseFromString(policy.createHTML(`<!DOCTYPE html><body>${html}</body>`), 'text/html');
    element.replaceChildren(...parsed.body.childNodes);
}
