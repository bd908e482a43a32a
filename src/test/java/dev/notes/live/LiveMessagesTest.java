package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.event.CommentEvent;
import dev.notes.event.NoteEvent;
import dev.notes.note.Note;
import dev.notes.note.NoteSummary;
import dev.notes.note.TitlePage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveMessagesTest {

    private static final Instant T = Instant.parse("2026-11-29T14:05:31.123Z");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aSubscribeMessageIsParsedWithItsTopicsInOrder() {
        LiveMessages.ClientMessage message = LiveMessages.parse(
                "{\"type\":\"subscribe\",\"topics\":[\"home\",\"note:a\",\"home\"],\"extra\":1}");
        assertThat(message.type()).isEqualTo("subscribe");
        assertThat(message.topics()).containsExactly("home", "note:a", "home");
    }

    @Test
    void aHomeSubscriptionMayNameWhereItsPageStarts() {
        LiveMessages.ClientMessage message = LiveMessages.parse(
                "{\"type\":\"subscribe\",\"topics\":[\"home\"],\"homeFrom\":\"YQ.k\"}");
        assertThat(message.homeFrom()).isEqualTo("YQ.k");
        assertThat(LiveMessages.parse("{\"type\":\"subscribe\",\"topics\":[\"home\"]}").homeFrom()).isNull();
    }

    @Test
    void aPingHasNoTopics() {
        assertThat(LiveMessages.parse("{\"type\":\"ping\"}").topics()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "{}", "null", "{\"topics\":[\"home\"]}", "{\"type\":null}",
            "[\"subscribe\"]", "{\"type\":\"subscribe\",\"topics\":\"home\"}"})
    void anythingElseIsRefusedWithAJsonException(String text) {
        assertThatThrownBy(() -> LiveMessages.parse(text)).isInstanceOf(JsonbException.class);
    }

    @Test
    void aHomeSnapshotListsTheNotesAndLeavesOutWhatItHasNot() {
        TitlePage page = new TitlePage(List.of(new NoteSummary("shopping", "Groceries", "groceries"),
                new NoteSummary("x", "Quote \" and <tag>", "quote \" and <tag>")), true, true, 120);
        JsonObject snapshot = json(LiveMessages.homeSnapshot(41, page));
        assertThat(snapshot.getString("type")).isEqualTo("snapshot");
        assertThat(snapshot.getString("topic")).isEqualTo("home");
        assertThat(snapshot.getJsonNumber("lastEventId").longValue()).isEqualTo(41);
        assertThat(snapshot.getJsonArray("notes").getJsonObject(1).getString("title")).isEqualTo("Quote \" and <tag>");
        assertThat(snapshot.getJsonArray("notes").getJsonObject(1)).as("the sort key is the browser's to compute")
                .containsOnlyKeys("key", "title");
        assertThat(snapshot.getJsonNumber("total").longValue()).isEqualTo(120);
        assertThat(snapshot.getBoolean("hasNext")).isTrue();
        assertThat(snapshot).doesNotContainKeys("note", "comments", "commentCount", "olderComments");
    }

    @Test
    void aNoteSnapshotCarriesTheNoteOrNothingWhenItIsGone() {
        Note note = new Note("shopping", "Groceries", "milk\neggs", "alice", T);
        JsonObject present = json(LiveMessages.noteSnapshot("shopping", 7, note, "<p>milk<br />\neggs</p>\n", "Alice Liddell", List.of(), false, 0));
        assertThat(present.getString("topic")).isEqualTo("note:shopping");
        assertThat(present.getJsonObject("note").getString("body")).isEqualTo("milk\neggs");
        assertThat(present.getJsonObject("note").getString("author")).isEqualTo("alice");
        assertThat(present.getJsonObject("note").getString("authorName")).isEqualTo("Alice Liddell");
        assertThat(present.getJsonObject("note").getString("updatedAt")).isEqualTo("2026-11-29T14:05:31.123Z");
        assertThat(present.getJsonArray("comments")).isEmpty();
        assertThat(present.getJsonNumber("commentCount").longValue()).isZero();
        assertThat(present.getBoolean("olderComments")).isFalse();

        JsonObject gone = json(LiveMessages.noteSnapshot("shopping", 7, null, null, null, List.of(), false, 0));
        assertThat(gone).doesNotContainKey("note");
    }

    @Test
    void aNoteEventCarriesTheNoteForTheTopicItIsSentOn() {
        LiveEvent event = new LiveEvent(42, new NoteEvent(NoteEvent.Kind.UPDATED, "a", "Title", "Body", "alice", T));
        assertThat(LiveMessages.topicsOf(event.event())).containsExactly("home", "note:a");

        JsonObject message = json(LiveMessages.event(event, "home"));
        assertThat(message.getString("type")).isEqualTo("event");
        assertThat(message.getJsonNumber("id").longValue()).isEqualTo(42);
        assertThat(message.getString("topic")).isEqualTo("home");
        assertThat(message.getString("event")).isEqualTo("note.updated");
        assertThat(message.getJsonObject("note")).as("the home list needs no body")
                .containsOnlyKeys("key", "title");
        assertThat(message).doesNotContainKey("comment");

        JsonObject onItsPage = json(LiveMessages.event(event, "note:a"));
        assertThat(onItsPage.getJsonObject("note").getString("body")).isEqualTo("Body");
        assertThat(onItsPage.getJsonObject("note").getString("bodyHtml")).isEqualTo("<p>Body</p>\n");
        assertThat(onItsPage.getJsonObject("note")).containsKeys("updatedAt", "updatedAtText");
    }

    @Test
    void commentEventsGoToTheNotesTopicAndADeletionCarriesTheIdOnly() {
        CommentEvent added = new CommentEvent(CommentEvent.Kind.ADDED, "a", 52, "bob", "Bob Dylan", "yes", T, "bob", T);
        CommentEvent deleted = new CommentEvent(CommentEvent.Kind.DELETED, "a", 52, "bob", null, "yes", T, "bob", T);
        assertThat(LiveMessages.topicsOf(added)).containsExactly("note:a");

        JsonObject addedMessage = json(LiveMessages.event(new LiveEvent(1, added), "note:a"));
        assertThat(addedMessage.getString("event")).isEqualTo("comment.added");
        assertThat(addedMessage.getJsonObject("comment").getString("text")).isEqualTo("yes");
        assertThat(addedMessage.getJsonObject("comment").getString("authorName")).isEqualTo("Bob Dylan");

        JsonObject deletedMessage = json(LiveMessages.event(new LiveEvent(2, deleted), "note:a"));
        assertThat(deletedMessage.getString("event")).isEqualTo("comment.deleted");
        assertThat(deletedMessage.getJsonObject("comment").keySet()).containsExactly("id");
    }

    @Test
    void anAddedCommentCarriesItsTextAsSegmentsWithItsWebLinks() {
        CommentEvent added = new CommentEvent(CommentEvent.Kind.ADDED, "a", 53, "bob", "Bob", "see https://example.org/x now",
                T, "bob", T);
        JsonObject comment = json(LiveMessages.event(new LiveEvent(1, added), "note:a")).getJsonObject("comment");
        assertThat(comment.getJsonArray("segments").toString()).isEqualTo(
                "[{\"text\":\"see \"},{\"href\":\"https://example.org/x\",\"text\":\"https://example.org/x\"},{\"text\":\" now\"}]");
    }

    @Test
    void signalsAndErrorsAreSmallObjects() {
        assertThat(LiveMessages.pong()).isEqualTo("{\"type\":\"pong\"}");
        assertThat(LiveMessages.resync()).isEqualTo("{\"type\":\"resync\"}");
        assertThat(json(LiveMessages.error("Unknown topic \"x\"")).getString("message")).isEqualTo("Unknown topic \"x\"");
    }
}
