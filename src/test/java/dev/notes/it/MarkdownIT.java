package dev.notes.it;

import static dev.notes.it.support.Api.json;
import static dev.notes.it.support.Api.problem;
import static dev.notes.it.support.Api.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Api;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A note's text is Markdown: rendered and sanitised on the server for the page, the API, live updates and the preview. */
@ExtendWith(NotesServer.class)
class MarkdownIT {

    private static final String MARKDOWN = String.join("\n",
            "## Plan",
            "",
            "Buy **milk** and ~~beer~~ [see the shop](https://shop.example/list) or https://example.org",
            "",
            "| item | count |",
            "|------|------:|",
            "| eggs | 12 |",
            "",
            "![a cat](https://example.org/cat.png) <b onmouseover=alert(1)>typed html</b>",
            "[bad](javascript:alert(1))");

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void thePageShowsTheRenderedMarkdownAndNothingThatRuns(LibertyServer server) {
        var author = Accounts.newUser(server, "mark");
        String key = Notes.uniqueKey("markdown");
        Page view = Notes.create(author.client(), key, "Markdown", MARKDOWN);

        Element body = view.document().getElementById("noteBody");
        assertThat(body.select("h2").text()).isEqualTo("Plan");
        assertThat(body.select("strong").text()).isEqualTo("milk");
        assertThat(body.select("del").text()).isEqualTo("beer");
        assertThat(body.select("table td").eachText()).containsExactly("eggs", "12");
        assertThat(body.select("a").eachAttr("href"))
                .containsExactly("https://shop.example/list", "https://example.org", "https://example.org/cat.png");
        assertThat(body.select("a").eachAttr("rel")).containsOnly("nofollow noopener noreferrer");
        assertThat(body.select("a").last().text()).as("an image becomes a link to it").isEqualTo("a cat");
        assertThat(body.select("img, script, b, [onmouseover], [href^=javascript]")).isEmpty();
        assertThat(body.text()).as("a link to a script is its text alone")
                .contains("<b onmouseover=alert(1)>typed html</b>").endsWith(" bad");

        JsonObject read = json(send(author.client(), "GET", "/api/notes/" + key, null));
        assertThat(read.getString("body")).isEqualTo(MARKDOWN);
        assertThat(Jsoup.parseBodyFragment(read.getString("bodyHtml")).body().html())
                .as("the same HTML as the page's").isEqualTo(body.html());
    }

    @Test
    void aChangeReachesLivePagesRendered(LibertyServer server) {
        var author = Accounts.newUser(server, "livia");
        String key = Notes.uniqueKey("live-markdown");
        Notes.create(author.client(), key, "Live", "plain");
        try (LiveClient page = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
            JsonObject snapshot = page.received().get(0);
            assertThat(snapshot.getJsonObject("note").getString("bodyHtml")).isEqualTo("<p>plain</p>\n");

            Page saved = author.client().get("/note/edit?key=" + key).form("noteForm").set("body", "*now* <i>so</i>")
                    .press("save");
            assertThat(saved.path()).isEqualTo("/note/view?key=" + key);

            JsonObject updated = page.awaitEvent("note.updated", key).getJsonObject("note");
            assertThat(updated.getString("body")).isEqualTo("*now* <i>so</i>");
            assertThat(updated.getString("bodyHtml")).isEqualTo("<p><em>now</em> &lt;i&gt;so&lt;/i&gt;</p>\n");
        }
    }

    @Test
    void thePreviewRendersAsASavedNoteForWritersOnly(LibertyServer server) {
        var writer = Accounts.newUser(server, "preview");
        String text = Json.createObjectBuilder().add("text", "**bold** <script>alert(1)</script>").build().toString();

        HttpResponse<String> rendered = send(writer.client(), "POST", "/api/markdown", text);
        assertThat(rendered.statusCode()).as(rendered.body()).isEqualTo(200);
        assertThat(json(rendered).getString("html"))
                .isEqualTo("<p><strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");

        problem(send(new WebClient(server.baseUri()), "POST", "/api/markdown", text), 401);
        String tooLong = Json.createObjectBuilder().add("text", "x".repeat(100_001)).build().toString();
        assertThat(problem(send(writer.client(), "POST", "/api/markdown", tooLong), 400).toString())
                .contains("at most 100000 characters");
        problem(send(writer.client(), "POST", "/api/markdown", "{}"), 400);
        HttpResponse<String> crossSite = writer.client().send(Api.request(writer.client(), "POST", "/api/markdown", text)
                .header("Origin", "https://evil.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    @Test
    void inTheBrowserThePreviewAndLiveUpdatesShowTheRenderedText(LibertyServer server) {
        String author = Accounts.register(server, "brow");
        String key = Notes.uniqueKey("browser-markdown");
        Notes.create(Accounts.logIn(server, author), key, "Rendered", "first");
        Browser reader = browsers.open("reader", server.baseUri());
        reader.open("/note/view?key=" + key);
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));

        Browser writer = browsers.open("writer", server.baseUri());
        writer.logIn(author);
        writer.open("/note/edit?key=" + key);
        writer.find("#noteForm\\:body").clear();
        writer.find("#noteForm\\:body").sendKeys("- **one**\n- two <img src=x onerror=alert(1)>");
        writer.find("#previewButton").click();
        writer.until(visibilityOfElementLocated(By.cssSelector("#notePreview li strong")));
        assertThat(writer.find("#notePreview strong").getText()).isEqualTo("one");
        assertThat(writer.findAll("#notePreview img")).isEmpty();

        writer.find("#noteForm\\:save").click();
        reader.until(numberOfElementsToBe(By.cssSelector("#noteBody li"), 2));
        assertThat(reader.find("#noteBody li strong").getText()).isEqualTo("one");
        assertThat(reader.find("#noteBody li:last-child").getText()).isEqualTo("two <img src=x onerror=alert(1)>");
        assertThat(reader.findAll("#noteBody img")).isEmpty();
        assertThat(reader.consoleProblems()).isEmpty();
        assertThat(writer.consoleProblems()).isEmpty();
    }
}
