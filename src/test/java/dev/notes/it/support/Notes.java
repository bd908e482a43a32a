package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

/** Notes made through the pages, as a user would. */
public final class Notes {

    private Notes() {
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a note with the add form of a logged-in client; returns its page. */
    public static WebClient.Page create(WebClient browser, String key, String title, String body) {
        WebClient.Page view = browser.get("/note/add").form("noteForm")
                .set("key", key).set("title", title).set("body", body).press("save");
        assertThat(view.path()).as("after creating %s", key).isEqualTo("/note/view?key=" + key);
        return view;
    }

    /** The titles under "Recently viewed" on the client's home page, newest first. */
    public static List<String> recentlyViewed(WebClient client) {
        return client.get("/").document().select("#recentlyViewed a.recent-link").eachText();
    }
}
