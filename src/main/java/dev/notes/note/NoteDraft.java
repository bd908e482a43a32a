package dev.notes.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * A note as typed into the add or edit form. The rules for keys, titles and bodies live here
 * once: the form validates against them field by field, and {@link NoteService} again before saving.
 */
public class NoteDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int KEY_MAX = 100;
    public static final int TITLE_MAX = 255;
    public static final int BODY_MAX = 100_000;
    /** RFC 3986 "unreserved" characters: a key needs no escaping in a path or a query. */
    public static final String KEY_CHARACTER = "[A-Za-z0-9._~-]";

    @NotNull(message = "Please enter a key.")
    @Size(min = 1, max = KEY_MAX, message = "A key is 1 to {max} characters long.")
    @Pattern(regexp = KEY_CHARACTER + "*",
            message = "A key may contain only letters, digits and the characters . _ ~ - (no spaces).")
    private String key;

    @NotBlank(message = "Please enter a title.")
    @Size(max = TITLE_MAX, message = "A title is at most {max} characters long.")
    private String title;

    @Size(max = BODY_MAX, message = "The text is at most {max} characters long.")
    private String body = "";

    public NoteDraft() {
    }

    public NoteDraft(String key, String title, String body) {
        this.key = key;
        this.title = title;
        setBody(body);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    /** An empty text area submits nothing; a note's body is then empty, never null. */
    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }
}
