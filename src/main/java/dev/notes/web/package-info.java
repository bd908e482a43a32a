/**
 * The Faces pages' backing beans: one per page, request-scoped (nothing to keep in a session that
 * a cluster would have to carry), plus the few helpers they share. The home page and the search
 * results read their page from plain GET parameters (a cursor, a page number, the search words),
 * each checked and bounded: a bad one gets 400 and a message, never an error page. Beans translate between forms
 * and the domain services; the rules themselves live in the domain packages, and the page scripts
 * decide none: a page states what the viewer may do in data- attributes (the note page's comment
 * list: {@code data-viewer}, and {@code data-may-delete-any} from {@code NotePage}), and the
 * script applies them to what arrives live. The caller is always
 * taken from the security context (the services ask {@code dev.notes.user.Caller} themselves;
 * {@code CurrentUser} asks it for the pages), never from a form field; the account page
 * ({@code AccountPage}) changes only the logged-in user's own display name, e-mail address (asking
 * for the current password, like a password change) and password, and {@code DeleteAccountPage}
 * ({@code /user/delete}) deletes their account once it has said what goes with it; the users
 * page ({@code UsersPage}, {@code /admin/users}, administrators only) moderates accounts. The session holds only immutable
 * values, set again when they change ({@code RecentlyViewed}): in a cluster every attribute set is
 * a write to Redis, and a change made in place would not reach the other instances. For the same
 * reason Faces may not write a value the session already holds ({@code UnchangedSessionValues}).
 * Each form field Faces refused is tied to the message beside it for screen readers
 * ({@code FieldErrors}: {@code aria-invalid} and {@code aria-describedby}, before every render of a
 * postback), so pages only give their messages ids.
 * The note page's comment rows are written by one component ({@code CommentList}, the tag
 * {@code <notes:commentList>}) rather than a repeat of expressions, the costliest part of that page.
 * <p>
 * Every request gets first its id ({@code RequestIdFilter}, the first filter: the proxy's
 * {@code X-Request-Id} if well-formed, {@code RequestId}, else a new one, in the answer and the log
 * lines written for it), then is counted and timed for Prometheus by {@code RequestMetricsFilter}
 * under a {@code Route} from a fixed set (pages, API route templates, {@code static},
 * {@code other}) and its status class, never under a note key.
 * <p>
 * Also what guards every request before the pages see it: its size
 * ({@code RequestSizeFilter}, the filter after those), logins from an address whose failures are used up ({@code LoginRefusalFilter},
 * refused before the login page runs), its origin ({@code SameOriginFilter}), the browser hardening
 * headers ({@code SecurityHeadersFilter}: content security policy with Trusted Types, permissions
 * and cross-origin policies, and {@code no-store} for what a logged-in user is shown) and the error pages
 * (a form whose view state is too old, forged or from before a restart gets the "page expired" page,
 * {@code ExpiredViewExceptionHandler}); how MyFaces protects that view state ({@code FacesViewState}:
 * keys, algorithms and lifetime from the settings, before MyFaces starts); the page cache ({@code PageCache}, served by {@code PageCacheFilter},
 * the last filter): anonymous readers' home and note pages rendered once, with an entity tag, until
 * the next change, which it hears of as a {@code ContentChanged} event or, for a change made here, at
 * its commit; and the JSON API under {@code /api} ({@code NotesApi}): notes listed, searched, read,
 * added, changed and deleted ({@code NoteResource}, the version as {@code ETag}, a change only with
 * {@code If-Match}), comments a slice at a time, added and deleted ({@code CommentResource}, also
 * the note page's "Show older comments"), the preview of a note's Markdown on the add and edit pages
 * ({@code MarkdownResource}), and the login of a client without a browser
 * ({@code SessionResource}, through the same mechanism as the login form). With an OpenID
 * provider configured, the login page's second button begins a login there ({@code LoginPage}),
 * the provider returns to {@code OidcCallbackPage} ({@code /user/oidc-callback}, a 404 otherwise),
 * which hands its answer to the same mechanism, and a logout goes on to the provider's end-session
 * endpoint ({@code LogoutAction}). Every API error is an
 * RFC 9457 {@code Problem}, whether a resource, a mapper ({@code InvalidInput} for Bean Validation,
 * {@code HttpProblems} for the rest) or a filter refusing the request writes it; MicroProfile
 * OpenAPI publishes the resources' annotations at {@code /openapi}, each error response's body
 * added by {@code ProblemResponses}.
 */
package dev.notes.web;
