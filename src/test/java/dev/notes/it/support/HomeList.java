package dev.notes.it.support;

import dev.notes.it.support.WebClient.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The home page's list a page at a time: tests on a shared server, whose notes pile up beyond one
 * page, look for theirs in the whole list by following the Next links, as a reader would.
 */
public final class HomeList {

    /** More pages than any shared test server fills; a walk that goes on beyond is a paging bug. */
    private static final int MAX_PAGES = 100;

    private HomeList() {
    }

    /** A note as the list shows it. */
    public record Listed(String key, String title, String href) {
    }

    /** Every note of the list, in its order, from the first page to the last. */
    public static List<Listed> all(WebClient client) {
        List<Listed> all = new ArrayList<>();
        String path = "/";
        for (int pages = 0; path != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new AssertionError("The home page's Next links go on beyond " + MAX_PAGES + " pages");
            }
            Page page = client.get(path);
            page.document().select("#notes a.note-link")
                    .forEach(a -> all.add(new Listed(a.attr("data-key"), a.text(), a.attr("href"))));
            var next = page.document().getElementById("nextPage");
            path = next == null ? null : "/" + next.attr("href");
        }
        return all;
    }

    public static List<String> keys(WebClient client) {
        return all(client).stream().map(Listed::key).toList();
    }

    public static List<String> titles(WebClient client) {
        return all(client).stream().map(Listed::title).toList();
    }
}
