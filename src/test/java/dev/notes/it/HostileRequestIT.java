package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.RawHttp;
import dev.notes.it.support.RawHttp.Answer;
import dev.notes.it.support.RawHttp.Body;
import dev.notes.it.support.RawHttp.Framing;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests made to take an instance down by their size: bodies of 300 MB (the heap is 384 MiB, and
 * the JVM exits on running out of it: the shipped jvm.options), streamed to the API, to a Faces form
 * and to the login form, with a declared length and in chunks; a header and a URL too long. Each
 * is refused with a clear answer, and the same server process then still serves other users.
 */
@ExtendWith(NotesServer.class)
class HostileRequestIT {

    private static final long HUGE = 300L * 1024 * 1024;
    /** Above REQUEST_MAX_BODY_BYTES (2 MiB), below Liberty's HTTP_MAX_MESSAGE_BYTES backstop (8 MiB). */
    private static final long OVER_THE_LIMIT = 3L * 1024 * 1024;
    private static final String TOO_LARGE_PAGE = "Too large to accept";
    private static final String TOO_LARGE_JSON = "{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\","
            + "\"status\":413,\"detail\":\"The request is larger than Notes accepts (at most 2 MB).\"}";
    private static final String COMMENTS = "/api/notes/any-note/comments";

    private static String bystander;
    private static long pid;

    @BeforeAll
    static void aBystanderAndTheServerProcess(LibertyServer server) {
        bystander = Accounts.register(server, "bystander");
        pid = server.pid();
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aHugeJsonBodyToTheApi(Framing framing, LibertyServer server) {
        Answer answer = RawHttp.send(server.baseUri(), "POST", COMMENTS, Map.of("Content-Type", "application/json"),
                Body.of("{\"text\":\"", 'a', HUGE), framing);
        if (framing == Framing.CHUNKED) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).isEqualTo(TOO_LARGE_JSON);
        } else {
            assertRefusedByLibertysChannel(answer);
        }
        assertThat(answer.bytesSent()).as("stopped long before the end").isLessThan(HUGE / 10);
        assertStillServing(server);
    }

    @Test
    void aJsonBodyDeclaredOverTheLimitGetsTheApisProblem(LibertyServer server) {
        Answer answer = RawHttp.send(server.baseUri(), "POST", COMMENTS, Map.of("Content-Type", "application/json"),
                Body.of("{\"text\":\"", 'a', OVER_THE_LIMIT), Framing.CONTENT_LENGTH);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).isEqualTo(TOO_LARGE_JSON);
        assertStillServing(server);
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aHugeFormToTheAddNotePage(Framing framing, LibertyServer server) {
        WebClient author = Accounts.newUser(server, "hostile").client();
        Page add = author.get("/note/add");
        assertThat(add.title()).isEqualTo("Add a Note");
        Answer answer = RawHttp.send(server.baseUri(), "POST", "/note/add", formHeaders(author),
                Body.of(formPrefix(add.form("noteForm").fields()), 'a', HUGE), framing);
        assertRefusedForm(answer, framing);
        assertStillServing(server);
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aHugeFormToTheLoginPage(Framing framing, LibertyServer server) {
        WebClient stranger = new WebClient(server.baseUri());
        Page login = stranger.get("/user/login");
        Answer answer = RawHttp.send(server.baseUri(), "POST", "/user/login", formHeaders(stranger),
                Body.of(formPrefix(login.form("loginForm").fields()), 'a', HUGE), framing);
        assertRefusedForm(answer, framing);
        assertStillServing(server);
    }

    @Test
    void aFormDeclaredOverTheLimitGetsTheFriendlyPage(LibertyServer server) {
        WebClient stranger = new WebClient(server.baseUri());
        Page login = stranger.get("/user/login");
        Answer answer = RawHttp.send(server.baseUri(), "POST", "/user/login", formHeaders(stranger),
                Body.of(formPrefix(login.form("loginForm").fields()), 'a', OVER_THE_LIMIT), Framing.CONTENT_LENGTH);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains(TOO_LARGE_PAGE).doesNotContain("Exception", "at dev.notes");
        assertThat(answer.header("Content-Security-Policy")).isNotNull();
        assertStillServing(server);
    }

    @Test
    void aMultipartBodyHasTheSameLimit(LibertyServer server) {
        Answer answer = RawHttp.send(server.baseUri(), "POST", "/user/register",
                Map.of("Content-Type", "multipart/form-data; boundary=notes"),
                Body.of("--notes\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n", 'a',
                        OVER_THE_LIMIT), Framing.CONTENT_LENGTH);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains(TOO_LARGE_PAGE);
        assertStillServing(server);
    }

    @Test
    void anOversizedHeader(LibertyServer server) {
        Answer answer = RawHttp.send(server.baseUri(), "GET", "/", Map.of("X-Padding", "a".repeat(64 * 1024)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
        assertStillServing(server);
    }

    @Test
    void tooManyHeaders(LibertyServer server) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            headers.put("X-Header-" + i, "x");
        }
        assertThat(RawHttp.send(server.baseUri(), "GET", "/", headers).status()).isEqualTo(400);
        assertStillServing(server);
    }

    @Test
    void anOversizedQueryString(LibertyServer server) {
        Answer answer = RawHttp.send(server.baseUri(), "GET", "/note/view?key=" + "k".repeat(64 * 1024), Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertStillServing(server);
    }

    @Test
    void headersAndQueriesOfOrdinarySizePass(LibertyServer server) {
        assertThat(RawHttp.send(server.baseUri(), "GET", "/?q=" + "q".repeat(4000),
                Map.of("X-Padding", "a".repeat(4000))).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Alphabet.class)
    void theLongestNoteIsStillAccepted(Alphabet alphabet, LibertyServer server) {
        WebClient author = Accounts.newUser(server, "longest").client();
        String key = "longest-" + UUID.randomUUID().toString().substring(0, 8);
        String body = alphabet.text(100_000);
        Page view = author.get("/note/add").form("noteForm")
                .set("key", key).set("title", alphabet.text(255)).set("body", body)
                .press("save");
        assertThat(view.path()).isEqualTo("/note/view?key=" + key);
        assertThat(view.text("#noteBody")).isEqualTo(body);
    }

    /** The text of the longest note: one character repeated, ASCII or three bytes in UTF-8. */
    enum Alphabet {
        ASCII('a'), THREE_BYTES('\u20ac');

        private final char character;

        Alphabet(char character) {
            this.character = character;
        }

        String text(int length) {
            return String.valueOf(character).repeat(length);
        }
    }

    private static void assertRefusedForm(Answer answer, Framing framing) {
        if (framing == Framing.CHUNKED) {
            // Liberty would parse such a form itself, past any limit of the application's: refused unread.
            assertThat(answer.status()).isEqualTo(411);
            assertThat(answer.body()).contains(TOO_LARGE_PAGE).doesNotContain("Exception");
        } else {
            assertRefusedByLibertysChannel(answer);
        }
        assertThat(answer.bytesSent()).as("stopped long before the end").isLessThan(HUGE / 10);
    }

    /** A declared length above HTTP_MAX_MESSAGE_BYTES: Liberty answers before the application, and closes. */
    private static void assertRefusedByLibertysChannel(Answer answer) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    }

    private static Map<String, String> formHeaders(WebClient client) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Origin", client.origin());
        client.cookie("JSESSIONID").ifPresent(session -> headers.put("Cookie", "JSESSIONID=" + session));
        return headers;
    }

    /** The form's own fields, then a last field whose value the filler makes huge. */
    private static String formPrefix(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("padding", "");
        StringBuilder prefix = new StringBuilder();
        all.forEach((name, value) -> prefix.append(prefix.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return prefix.toString();
    }

    /** The same server process, still serving a page and a login to someone else. */
    private static void assertStillServing(LibertyServer server) {
        assertThat(server.pid()).as("the server process").isEqualTo(pid);
        assertThat(ProcessHandle.of(pid)).as("process %s alive", pid).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(new WebClient(server.baseUri()).get("/").status()).isEqualTo(200);
        Accounts.logIn(server, bystander);
    }
}
