// Whether the viewer may delete a comment the script shows (one that arrived live or with an older
// slice). The script never works out permissions from the rules itself: the server states on the
// page what the viewer may do (note/view.xhtml, on #comments, from NotePage):
//   data-viewer          the viewer's username, empty for an anonymous reader;
//   data-may-delete-any  "true" when the viewer may delete every comment on this note (an
//                        administrator, or the note's author: NotePage.isMayDeleteAnyComment).
// A live event carries no per-viewer permission, so the one rule left to apply here is that
// authors may delete their own comments. The server checks every deletion anyway
// (Comment.isDeletableBy); this only decides which controls to show.

/** What the page says the viewer may do with comments, from the data- attributes of #comments. */
export function commentPermissions(dataset) {
    return { viewer: dataset.viewer || null, mayDeleteAny: dataset.mayDeleteAny === 'true' };
}

export function mayDeleteComment({ viewer, mayDeleteAny }, comment) {
    return viewer !== null && (mayDeleteAny || comment.author === viewer);
}
