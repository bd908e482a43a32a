package dev.notes.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A comment as typed into the form; the rules for its text live here once. */
public class CommentDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int TEXT_MAX = 1024;

    @NotBlank(message = "Please write a comment.")
    @Size(max = TEXT_MAX, message = "A comment is at most {max} characters long.")
    private String text;

    public CommentDraft() {
    }

    public CommentDraft(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
