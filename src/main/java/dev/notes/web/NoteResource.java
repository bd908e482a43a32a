package dev.notes.web;

import dev.notes.note.DuplicateNoteKeyException;
import dev.notes.note.Note;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteSearch;
import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import dev.notes.note.NotPermittedException;
import dev.notes.note.PageCursor;
import dev.notes.note.SearchQuery;
import dev.notes.note.SearchResults;
import dev.notes.note.StaleNoteException;
import dev.notes.note.TitlePage;
import dev.notes.platform.Times;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import dev.notes.user.DisplayNames;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/notes}: the list by title a page at a time (the home page's cursors) or a search (the
 * search page's rules), one note, and adding, changing and deleting notes with the pages'
 * permissions (the author changes a note; the author or an administrator deletes it) and quotas.
 * A note's {@code ETag} is its version: a change needs {@code If-Match} with the one it was read with (428 without it, 412 when someone changed the note since), so that
 * nobody overwrites what they have not seen; a deletion may send it too. Changes reach live pages
 * as events from {@link NoteService}, like the pages' own.
 */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notes")
public class NoteResource {

    @Inject
    private NoteService notes;

    @Inject
    private NoteSearch search;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Quotas quotas;

    @Inject
    private DisplayNames displayNames;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Schema(name = "NoteListEntry", description = "A note in a list.")
    public record Entry(@Schema(example = "shopping") String key, @Schema(example = "Shopping list") String title) {

        static Entry of(NoteSummary summary) {
            return new Entry(summary.key(), summary.title());
        }
    }

    @Schema(name = "NoteList", description = "One page of notes, and the cursors of the pages around it.")
    public record Listing(
            List<Entry> notes,
            @Schema(description = "How many notes there are in all (the list by title only, not a search).",
                    nullable = true, example = "1234") Long count,
            @Schema(description = "Pass as ?after= for the next page; absent on the last one.", nullable = true)
            String next,
            @Schema(description = "Pass as ?before= for the previous page; absent on the first one.", nullable = true)
            String previous) {
    }

    @Schema(name = "Note", description = "A note. Its ETag is its version, in quotes.")
    public record NoteView(
            @Schema(example = "shopping") String key,
            @Schema(example = "Shopping list") String title,
            @Schema(example = "Milk, bread") String body,
            @Schema(description = "The username of the note's author: the identity, which never changes.", example = "ada")
            String author,
            @Schema(description = "The name the author chose to be shown under; it may change.", example = "Ada Lovelace")
            String authorName,
            @Schema(description = "ISO 8601, UTC.", example = "2026-12-03T09:15:00Z") String createdAt,
            @Schema(description = "ISO 8601, UTC.", example = "2026-12-03T09:20:00Z") String updatedAt,
            @Schema(description = "Counts changes; the ETag without quotes.", example = "1") long version) {

        static NoteView of(Note note, String authorName) {
            return new NoteView(note.getKey(), note.getTitle(), note.getBody(), note.getAuthor(), authorName,
                    Times.iso(note.getCreatedAt()), Times.iso(note.getUpdatedAt()), note.getVersion());
        }
    }

    @GET
    @Operation(summary = "List notes by title, or search them",
            description = "Without q: the notes by title (case-insensitive), " + NoteService.PAGE_SIZE + " to a page,"
                    + " the pages linked by cursors. With q: the notes with every word of q, best first, at most "
                    + NoteSearch.MAX_PAGES + " pages.")
    @APIResponse(responseCode = "200", description = "A page of notes.",
            content = @Content(schema = @Schema(implementation = Listing.class)))
    @APIResponse(responseCode = "400", description = "A cursor the API did not give out, or a search too long.")
    public Response list(
            @Parameter(description = "The next cursor of the page before.") @QueryParam("after") String after,
            @Parameter(description = "The previous cursor of the page after.") @QueryParam("before") String before,
            @Parameter(description = "Search words (at most " + SearchQuery.MAX_LENGTH + " characters).", example = "milk")
            @QueryParam("q") String q,
            @Parameter(description = "With q and a login: 1 finds only the caller's own notes.", example = "1")
            @QueryParam("mine") String mine) {
        if (after != null && before != null) {
            return Problem.response(Status.BAD_REQUEST, "Send either \"after\" or \"before\", not both.");
        }
        try {
            return Response.ok(q == null ? byTitle(after, before) : searched(q, "1".equals(mine), after, before)).build();
        } catch (IllegalArgumentException e) {
            return Problem.response(Status.BAD_REQUEST, e.getMessage());
        }
    }

    private Listing byTitle(String after, String before) {
        TitlePage page = after != null ? notes.pageAfter(cursor(after))
                : before != null ? notes.pageBefore(cursor(before))
                : notes.firstPage();
        boolean startsLater = page.hasPrevious() && !page.notes().isEmpty();
        return new Listing(page.notes().stream().map(Entry::of).toList(), page.total(),
                page.hasNext() ? page.lastCursor().encode() : null,
                startsLater ? page.firstCursor().encode() : null);
    }

    private static PageCursor cursor(String text) {
        try {
            return PageCursor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("This cursor is not one the API gave out: use a next or previous as it is.", e);
        }
    }

    /** Search results page by number: in a search, the cursors are page numbers. */
    private Listing searched(String text, boolean mine, String after, String before) {
        SearchQuery query = SearchQuery.of(text, mine && currentUser.isLoggedIn() ? currentUser.getUsername() : null);
        String cursor = after != null ? after : before;
        int page = cursor == null ? 1 : searchPage(cursor);
        SearchResults results = search.search(query, page);
        return new Listing(results.notes().stream().map(Entry::of).toList(), null,
                results.hasNext() ? Integer.toString(page + 1) : null,
                page > 1 ? Integer.toString(page - 1) : null);
    }

    private static int searchPage(String cursor) {
        if (cursor.matches("[0-9]{1,2}")) {
            int page = Integer.parseInt(cursor);
            if (page >= 1 && page <= NoteSearch.MAX_PAGES) {
                return page;
            }
        }
        throw new IllegalArgumentException("This cursor is not one the API gave out for a search: use a next or previous as it is.");
    }

    @GET
    @Path("{key}")
    @Operation(summary = "Read a note", description = "Its ETag is its version; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The note.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The note's version, in quotes.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No note has this key.")
    public Response read(@Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key) {
        Optional<Note> found = notes.find(key);
        if (found.isEmpty()) {
            return Problem.response(Status.NOT_FOUND, new NoteNotFoundException(key).getMessage());
        }
        Note note = found.get();
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(entityTag(note));
        return (unchanged != null ? unchanged : Response.ok(view(note))).tag(entityTag(note)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note", description = "Written by the caller, within the same quota of notes a while as on the pages.")
    @APIResponse(responseCode = "201", description = "Added; Location is its address.",
            headers = {
                    @Header(name = HttpHeaders.LOCATION, description = "The note's address.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.ETAG, description = "The note's version, in quotes.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: each one in errors.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "409", description = "Another note has this key.")
    @APIResponse(responseCode = "429", description = "Too many notes added lately; Retry-After says when to try again.")
    @APIResponse(responseCode = "503", description = "Temporarily unavailable; Retry-After says when to try again.")
    public Response create(
            @RequestBody(description = "The new note.", content = @Content(schema = @Schema(implementation = NoteDraft.class),
                    examples = @ExampleObject(name = "note", value = "{\"key\": \"shopping\", \"title\": \"Shopping list\", \"body\": \"Milk, bread\"}")))
            @NotNull(message = "Please send the note as JSON.") @Valid NoteDraft draft) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in (POST /api/session) to add notes.");
        }
        // Checked here as well as in the service: an everyday mistake should not surface as an
        // exception from the transaction, which Liberty records as an FFDC incident.
        if (notes.find(draft.getKey()).isPresent()) {
            return taken(draft.getKey());
        }
        try {
            quotas.note(currentUser.getUsername());
            Note note = notes.create(draft);
            return Response.created(uriInfo.getBaseUriBuilder().path(NoteResource.class).path(note.getKey()).build())
                    .tag(entityTag(note)).entity(view(note)).build();
        } catch (DuplicateNoteKeyException e) {
            return taken(draft.getKey());
        } catch (QuotaExceededException e) {
            return Problem.tooManyRequests(e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            return Problem.unavailable();
        }
    }

    private static Response taken(String key) {
        return Problem.response(Status.CONFLICT, new DuplicateNoteKeyException(key).getMessage());
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a note's title and text",
            description = "The author only, with If-Match: the ETag the note was read with. The key cannot change.")
    @APIResponse(responseCode = "200", description = "Changed.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The note's new version, in quotes.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: each one in errors.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "403", description = "The caller is not the note's author.")
    @APIResponse(responseCode = "404", description = "No note has this key.")
    @APIResponse(responseCode = "412", description = "Changed since it was read; ETag is its version now.")
    @APIResponse(responseCode = "428", description = "No If-Match.")
    public Response update(
            @Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag the note was read with.", required = true, example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "The note's new title and text; a key, if sent, must be the note's.",
                    content = @Content(schema = @Schema(implementation = NoteDraft.class),
                            examples = @ExampleObject(name = "change", value = "{\"title\": \"Shopping list\", \"body\": \"Milk, bread, eggs\"}")))
            @NotNull(message = "Please send the note as JSON.") NoteDraft draft) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in (POST /api/session) to change notes.");
        }
        if (ifMatch == null) {
            return Problem.response(Status.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you read the note with, so that no one else's change is overwritten.");
        }
        if (draft.getKey() != null && !draft.getKey().equals(key)) {
            return Problem.response(Status.BAD_REQUEST, "A note's key cannot change: leave \"key\" out, or send '" + key + "'.");
        }
        draft.setKey(key);
        try {
            Note note = notes.find(key).orElseThrow(() -> new NoteNotFoundException(key));
            NoteService.requireAuthor(note, currentUser.getUsername(), "edit");
            Response.ResponseBuilder stale = request.evaluatePreconditions(entityTag(note));
            if (stale != null) {
                return changedMeanwhile(key, note);
            }
            Note changed = notes.update(draft, note.getVersion());
            return Response.ok(view(changed)).tag(entityTag(changed)).build();
        } catch (NoteNotFoundException e) {
            return Problem.response(Status.NOT_FOUND, e.getMessage());
        } catch (NotPermittedException e) {
            return Problem.response(Status.FORBIDDEN, e.getMessage());
        } catch (StaleNoteException e) {
            return notes.find(key).map(now -> changedMeanwhile(key, now))
                    .orElseGet(() -> Problem.response(Status.NOT_FOUND, new NoteNotFoundException(key).getMessage()));
        }
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Delete a note and its comments",
            description = "The author or an administrator only. If-Match is optional: with it, the note is deleted only"
                    + " if it is still at that"
                    + " version. Deleting a note that is gone already answers 204 too.")
    @APIResponse(responseCode = "204", description = "Deleted, or gone already.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "403", description = "The caller is neither the note's author nor an administrator.")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match; ETag is its version now.")
    public Response delete(
            @Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key,
            @Parameter(in = ParameterIn.HEADER, description = "Optional: the ETag the note was read with.", example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in (POST /api/session) to delete notes.");
        }
        try {
            // Who may delete is the service's rule (the author, or an administrator); a version
            // that no longer matches is told first, as anyone may read the note's ETag anyway.
            if (ifMatch == null) {
                notes.delete(key);
            } else {
                Note note = notes.find(key).orElseThrow(() -> new NoteNotFoundException(key));
                if (request.evaluatePreconditions(entityTag(note)) != null) {
                    return changedMeanwhile(key, note);
                }
                notes.delete(key, note.getVersion());
            }
            return Response.noContent().build();
        } catch (NoteNotFoundException e) {
            // Deleted by someone else meanwhile: what the caller wanted has happened.
            return Response.noContent().build();
        } catch (NotPermittedException e) {
            return Problem.response(Status.FORBIDDEN, e.getMessage());
        } catch (StaleNoteException e) {
            return notes.find(key).map(now -> changedMeanwhile(key, now)).orElseGet(() -> Response.noContent().build());
        }
    }

    private static Response changedMeanwhile(String key, Note now) {
        return Response.fromResponse(Problem.response(Status.PRECONDITION_FAILED,
                        "The note '" + key + "' has changed since you read it. Read it again (its ETag is now "
                                + entityTag(now) + ") and make your change to that version."))
                .tag(entityTag(now)).build();
    }

    /** Strong: the version changes with every save. */
    static EntityTag entityTag(Note note) {
        return new EntityTag(Long.toString(note.getVersion()));
    }

    private NoteView view(Note note) {
        return NoteView.of(note, displayNames.of(note.getAuthor()));
    }
}
