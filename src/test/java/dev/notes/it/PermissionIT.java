package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may change what: enforced on the server, whatever a client sends. */
@ExtendWith(NotesServer.class)
class PermissionIT {

    @Test
    void onlyTheAuthorMayEditOrDeleteANote(LibertyServer server) {
        var author = Accounts.newUser(server, "rose");
        var other = Accounts.newUser(server, "sam");
        String key = Notes.uniqueKey("mine");
        Notes.create(author.client(), key, "Mine", "original");

        Page view = other.client().get("/note/view?key=" + key);
        assertThat(view.has("#editLink")).isFalse();
        assertThat(view.has("#deleteLink")).isFalse();

        Page edit = other.client().get("/note/edit?key=" + key);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.title()).isEqualTo("Not allowed");
        assertThat(other.client().get("/note/delete?key=" + key).status()).isEqualTo(403);

        // A form the author was shown, submitted with the other user's cookies: refused too.
        Page authorsEditForm = author.client().get("/note/edit?key=" + key);
        WebClient forger = new WebClient(server.baseUri());
        forger.copyCookiesFrom(other.client());
        Map<String, String> editFields = authorsEditForm.form("noteForm").set("title", "Hijacked").fields();
        Page forgedEdit = forger.postRaw(Forms.actionOf(authorsEditForm, "noteForm"),
                Forms.withButton(editFields, "noteForm:save"), forger.origin());
        assertThat(forgedEdit.status()).isEqualTo(403);
        assertThat(forgedEdit.title()).isEqualTo("Not allowed");

        Page authorsDeleteForm = author.client().get("/note/delete?key=" + key);
        Page forgedDelete = forger.postRaw(Forms.actionOf(authorsDeleteForm, "deleteForm"),
                Forms.withButton(authorsDeleteForm.form("deleteForm").fields(), "deleteForm:confirm"), forger.origin());
        assertThat(forgedDelete.status()).isEqualTo(403);
        assertThat(forgedDelete.title()).isEqualTo("Not allowed");

        Page unchanged = author.client().get("/note/view?key=" + key);
        assertThat(unchanged.title()).isEqualTo("Mine");
        assertThat(unchanged.text("#noteBody")).isEqualTo("original");
    }

    @Test
    void commentsMayBeDeletedByTheirAuthorOrTheNotesAuthorOnly(LibertyServer server) {
        var noteAuthor = Accounts.newUser(server, "tina");
        var commenter = Accounts.newUser(server, "umar");
        var bystander = Accounts.newUser(server, "vera");
        String key = Notes.uniqueKey("debate");
        Notes.create(noteAuthor.client(), key, "Debate", "");
        Comments.addOnPage(commenter.client(), key, "one");
        Page page = Comments.addOnPage(commenter.client(), key, "two");
        String two = page.document().select("#comments li.comment").get(0).attr("data-comment-id");
        String one = page.document().select("#comments li.comment").get(1).attr("data-comment-id");

        Page asBystander = bystander.client().get("/note/view?key=" + key);
        assertThat(asBystander.has(".delete-comment")).as("no delete buttons for a bystander").isFalse();
        // Pressing a delete button anyway (the form has the hidden command): refused.
        Page forged = bystander.client().postRaw(Forms.actionOf(asBystander, "commentActions"),
                Forms.withButton(asBystander.form("commentActions").fields(), "commentActions:delete", one),
                bystander.client().origin());
        assertThat(forged.status()).isEqualTo(403);

        noteAuthor.client().get("/note/view?key=" + key).form("commentActions").press("delete", one);
        commenter.client().get("/note/view?key=" + key).form("commentActions").press("delete", two);
        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key).has("#comments li.comment")).isFalse();
    }

    @Test
    void aCommentCannotBeDeletedThroughAnotherNotesPage(LibertyServer server) {
        var commenter = Accounts.newUser(server, "xena");
        var otherAuthor = Accounts.newUser(server, "yann");
        String key = Notes.uniqueKey("kept");
        String otherKey = Notes.uniqueKey("elsewhere");
        Notes.create(commenter.client(), key, "Kept", "");
        Notes.create(otherAuthor.client(), otherKey, "Elsewhere", "");
        String commentId = Comments.addOnPage(commenter.client(), key, "mine, on the first note")
                .document().selectFirst("#comments li.comment").attr("data-comment-id");

        // The other note's author, pressing delete on their own note's page with this comment's id.
        Page otherPage = otherAuthor.client().get("/note/view?key=" + otherKey);
        Page forged = otherAuthor.client().postRaw(Forms.actionOf(otherPage, "commentActions"),
                Forms.withButton(otherPage.form("commentActions").fields(), "commentActions:delete", commentId),
                otherAuthor.client().origin());
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.title()).isEqualTo("Page not found");

        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key)
                .document().select("#comments .comment-text").eachText()).containsExactly("mine, on the first note");
    }

    @Test
    void anonymousPostsChangeNothing(LibertyServer server) {
        var author = Accounts.newUser(server, "wade");
        String key = Notes.uniqueKey("guarded");
        Notes.create(author.client(), key, "Guarded", "");
        Page authorsPage = Comments.addOnPage(author.client(), key, "keep me");
        String commentId = authorsPage.document().selectFirst("#comments li.comment").attr("data-comment-id");

        WebClient anonymous = new WebClient(server.baseUri());
        Page commentForm = author.client().get("/note/view?key=" + key);
        Page addAttempt = anonymous.postRaw(Forms.actionOf(commentForm, "commentForm"),
                Forms.withButton(commentForm.form("commentForm").set("text", "anonymous spam").fields(), "commentForm:add"),
                anonymous.origin());
        // The comment form is not rendered for anonymous readers, so Faces ignores it; the bean refuses too.
        assertThat(addAttempt.isRedirect()).isFalse();
        Page deleteAttempt = anonymous.postRaw(Forms.actionOf(commentForm, "commentActions"),
                Forms.withButton(commentForm.form("commentActions").fields(), "commentActions:delete", commentId),
                anonymous.origin());
        assertThat(deleteAttempt.status()).isEqualTo(403);
        assertThat(deleteAttempt.title()).isEqualTo("Not allowed");

        Page after = anonymous.get("/note/view?key=" + key);
        assertThat(after.document().select("#comments .comment-text").eachText()).containsExactly("keep me");
    }
}
