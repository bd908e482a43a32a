package dev.notes.live;

import dev.notes.comment.CommentView;
import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.note.Note;
import dev.notes.note.TitlePage;
import dev.notes.platform.Times;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Locale;

/**
 * The JSON messages of the live protocol ({@code docs/live-protocol.md}) and their encoding.
 * Fields that are null are left out.
 */
final class LiveMessages {

    static final String HOME = "home";
    static final String NOTE_PREFIX = "note:";

    private static final Jsonb JSON = JsonbBuilder.create();

    private LiveMessages() {
    }

    /** A note on the home page. */
    public record NoteItem(String key, String title) {
    }

    /**
     * A note's content, for its page: {@code author} is the username, {@code authorName} the
     * display name the page shows (both only in snapshots: an update does not change the author).
     */
    public record NoteData(String key, String title, String body, String author, String authorName, String updatedAt,
                           String updatedAtText) {
    }

    /** Something changed: {@code event} is e.g. "note.updated", "comment.added". */
    public record EventMessage(String type, long id, String topic, String event, String key, NoteData note,
                               CommentView comment) {
    }

    /**
     * The state of a topic, sent on subscription: what to show before applying later events. For
     * {@code home}, the notes of the subscriber's page, {@code total} notes in all and whether a page
     * follows ({@code hasNext}); for a note, its newest comments, with the count of all and whether
     * older ones exist.
     */
    public record SnapshotMessage(String type, String topic, long lastEventId, List<NoteItem> notes, Long total,
                                  Boolean hasNext, NoteData note, List<CommentView> comments, Long commentCount,
                                  Boolean olderComments) {
    }

    public record ErrorMessage(String type, String message) {
    }

    /** A message with nothing but its type: "pong", "resync". */
    public record Signal(String type) {
    }

    /**
     * What a browser sends: "subscribe"/"unsubscribe" with topics, or "ping". A subscription to
     * {@code home} may name where the browser's page starts ({@code homeFrom}, a page cursor as in
     * the page's {@code ?after=} links); without it, the first page.
     */
    public record ClientMessage(String type, List<String> topics, String homeFrom) {
    }

    static String topicOfNote(String key) {
        return NOTE_PREFIX + key;
    }

    /** The topics an event concerns: note changes show on the home page and the note's page. */
    static List<String> topicsOf(DomainEvent event) {
        return event instanceof NoteEvent
                ? List.of(HOME, topicOfNote(event.noteKey()))
                : List.of(topicOfNote(event.noteKey()));
    }

    static String event(LiveEvent live, String topic) {
        DomainEvent event = live.event();
        if (event instanceof NoteEvent note) {
            // The home list shows titles: a body of up to 100,000 characters goes only to the note's
            // own subscribers, not to every home page.
            NoteData data = topic.equals(HOME)
                    ? new NoteData(note.noteKey(), note.title(), null, null, null, null, null)
                    : new NoteData(note.noteKey(), note.title(), note.body(), null, null,
                            Times.iso(note.occurredAt()), Times.display(note.occurredAt()));
            return encode(new EventMessage("event", live.id(), topic, "note." + name(note.kind()), note.noteKey(),
                    data, null));
        }
        CommentEvent comment = (CommentEvent) event;
        CommentView data = comment.kind() == CommentEvent.Kind.DELETED
                ? CommentView.idOnly(comment.commentId())
                : CommentView.of(comment.commentId(), comment.author(), comment.authorName(), comment.text(),
                        comment.createdAt());
        return encode(new EventMessage("event", live.id(), topic, "comment." + name(comment.kind()),
                comment.noteKey(), null, data));
    }

    static String homeSnapshot(long lastEventId, TitlePage page) {
        List<NoteItem> items = page.notes().stream().map(n -> new NoteItem(n.key(), n.title())).toList();
        return encode(new SnapshotMessage("snapshot", HOME, lastEventId, items, page.total(), page.hasNext(), null,
                null, null, null));
    }

    /**
     * {@code note} null: the note does not exist (any more); {@code authorName} is its author's
     * display name, {@code newest} its newest comments, whether older ones exist {@code olderComments}.
     */
    static String noteSnapshot(String key, long lastEventId, Note note, String authorName, List<CommentView> newest,
                               boolean olderComments, long commentCount) {
        NoteData data = note == null ? null : new NoteData(note.getKey(), note.getTitle(), note.getBody(),
                note.getAuthor(), authorName, Times.iso(note.getUpdatedAt()), Times.display(note.getUpdatedAt()));
        return encode(new SnapshotMessage("snapshot", topicOfNote(key), lastEventId, null, null, null, data, newest,
                commentCount, olderComments));
    }

    static String error(String message) {
        return encode(new ErrorMessage("error", message));
    }

    static String pong() {
        return encode(new Signal("pong"));
    }

    /** Events may have been missed: subscribe again to get fresh snapshots. */
    static String resync() {
        return encode(new Signal("resync"));
    }

    /** Parses a browser's message; throws {@link JsonbException} for anything that is not one. */
    static ClientMessage parse(String text) {
        ClientMessage message = JSON.fromJson(text, ClientMessage.class);
        if (message == null || message.type() == null) {
            throw new JsonbException("a message needs a \"type\"");
        }
        return message;
    }

    private static String name(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String encode(Object message) {
        return JSON.toJson(message);
    }
}
