package dev.notes.web;

import dev.notes.comment.Comment;
import dev.notes.comment.CommentText;
import dev.notes.comment.TextSegment;
import dev.notes.platform.Times;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The comment rows of the note page ({@code <notes:commentList>} in {@code note/view.xhtml}),
 * written by one component instead of a {@code ui:repeat}: the profile of a logged-in note page
 * with 20 comments spent a sixth of its time on the repeat's per-row EL evaluation and state
 * handling. The markup is the same as the page's {@code commentTemplate}, which the page script
 * clones for comments it adds; every user-supplied value goes through {@link ResponseWriter#writeText}
 * or {@link ResponseWriter#writeAttribute}, which escape it, web links in a comment's text included
 * (its {@link CommentText} segments, as the script builds them from the page's commentLinkTemplate).
 * <p>
 * Attributes: {@code comments} (the rows, newest first), {@code authorNames} (their authors' display
 * names by username), {@code viewer} (the logged-in username or null), {@code noteAuthor} and
 * {@code administrator} (whether the viewer logged in as one); a
 * row gets its delete button where {@link Comment#isDeletableBy}
 * says the viewer may delete it. The component keeps no state: the rows are rendered from the
 * attributes' expressions on every request.
 */
@FacesComponent(createTag = true, namespace = CommentList.NAMESPACE, tagName = "commentList")
public class CommentList extends UIComponentBase {

    public static final String NAMESPACE = "dev.notes.web";

    private static final String DELETE_BUTTON_NAME = NotePage.COMMENT_ACTIONS_FORM + ":delete";

    /** A link in a comment leads elsewhere on its writer's word: no ranking credit, no opener, no referrer. */
    private static final String LINK_REL = "nofollow noopener noreferrer";

    @Override
    public String getFamily() {
        return "dev.notes.web.CommentList";
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        List<?> comments = (List<?>) getAttributes().get("comments");
        if (comments == null) {
            return;
        }
        Map<?, ?> authorNames = (Map<?, ?>) getAttributes().get("authorNames");
        String viewer = (String) getAttributes().get("viewer");
        String noteAuthor = (String) getAttributes().get("noteAuthor");
        boolean administrator = Boolean.TRUE.equals(getAttributes().get("administrator"));
        ResponseWriter writer = context.getResponseWriter();
        for (Object row : comments) {
            Comment comment = (Comment) row;
            Object authorName = authorNames == null ? null : authorNames.get(comment.getAuthor());
            writeRow(writer, comment, authorName == null ? comment.getAuthor() : authorName.toString(), viewer,
                    noteAuthor, administrator);
        }
    }

    private void writeRow(ResponseWriter writer, Comment comment, String authorName, String viewer,
                          String noteAuthor, boolean administrator) throws IOException {
        writer.startElement("li", this);
        writer.writeAttribute("class", "comment border-bottom py-2", null);
        writer.writeAttribute("data-comment-id", String.valueOf(comment.getId()), null);

        writer.startElement("div", this);
        writer.writeAttribute("class", "comment-meta", null);
        writer.startElement("span", this);
        writer.writeAttribute("class", "comment-author", null);
        writer.writeText(authorName, null);
        writer.endElement("span");
        writer.writeText(" ", null);
        writer.startElement("span", this);
        writer.writeAttribute("class", "comment-username text-body-secondary", null);
        writer.writeText("@" + comment.getAuthor(), null);
        writer.endElement("span");
        writer.writeText(" · ", null);
        writer.startElement("time", this);
        writer.writeAttribute("datetime", Times.iso(comment.getCreatedAt()), null);
        writer.writeText(Times.display(comment.getCreatedAt()), null);
        writer.endElement("time");
        if (comment.isDeletableBy(viewer, noteAuthor, administrator)) {
            writer.startElement("button", this);
            writer.writeAttribute("type", "submit", null);
            writer.writeAttribute("name", DELETE_BUTTON_NAME, null);
            writer.writeAttribute("value", String.valueOf(comment.getId()), null);
            writer.writeAttribute("class", "btn btn-link btn-sm text-danger p-0 ms-2 delete-comment", null);
            writer.writeText("Delete", null);
            writer.endElement("button");
        }
        writer.endElement("div");

        writer.startElement("div", this);
        writer.writeAttribute("class", "comment-text", null);
        for (TextSegment segment : CommentText.segments(comment.getText())) {
            if (segment.href() != null) {
                writer.startElement("a", this);
                writer.writeAttribute("href", segment.href(), null);
                writer.writeAttribute("rel", LINK_REL, null);
                writer.writeText(segment.text(), null);
                writer.endElement("a");
            } else {
                writer.writeText(segment.text(), null);
            }
        }
        writer.endElement("div");
        writer.endElement("li");
    }

    /** Nothing to decode or restore: the rows are output only (the delete buttons post through the form's own command). */
    @Override
    public boolean isTransient() {
        return true;
    }
}
