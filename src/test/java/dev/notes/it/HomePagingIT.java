package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.SeededDatabase;
import dev.notes.it.support.SharedAddressLimits;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The home page and the search at 10,000 notes, on H2 and on PostgreSQL: bounded pages, a walk
 * with Next that sees each note once while notes come and go, Previous, the count, search
 * ranking, refusals of bad parameters, the live home snapshot of one page, and (PostgreSQL) the
 * query plans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePagingIT {

    private static final int SEEDED = 10_000;
    private static final int PAGE_SIZE = 50;
    private static final String[] WORDS = {"Alpha", "bravo", "CHARLIE", "delta", "Echo", "foxtrot", "golf"};
    /**
     * PageCache.MAX_AGE, NoteCount.MAX_AGE and a margin: an anonymous reader's page may be kept for
     * 10 s, with a count taken up to 10 s before it was rendered.
     */
    private static final Duration COUNT_MAX_AGE_AND_MARGIN = Duration.ofSeconds(25);
    /** An event crosses Redis in milliseconds; far less than the count's maximum age. */
    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(3);
    private static final Comparator<Listed> BY_TITLE = Comparator
            .comparing((Listed n) -> n.title().toLowerCase(Locale.ROOT)).thenComparing(Listed::key);

    private final Map<String, Served> servers = new HashMap<>();

    /** A server and its database. */
    record Served(String name, LibertyServer server, SeededDatabase database) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A note as a page lists it. */
    record Listed(String key, String title) {
    }

    @BeforeAll
    void startAndSeed() {
        Map<String, String> settings = new HashMap<>(SharedAddressLimits.settings());
        for (SeededDatabase database : List.of(SeededDatabase.h2("paging"), SeededDatabase.postgres("paging"))) {
            String name = database.isPostgres() ? "postgresql" : "h2";
            LibertyServer server = database.server("notes-paging-" + name, settings).start();
            servers.put(name, new Served(name, server, database));
            long started = System.nanoTime();
            database.insert(IntStream.range(0, SEEDED).mapToObj(HomePagingIT::seedRow).toList(), -1);
            System.out.printf("Seeded %d notes into %s in %d ms%n", SEEDED, name,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @AfterAll
    void stop() {
        servers.values().forEach(s -> s.server().stop());
    }

    Stream<Served> databases() {
        return Stream.of(servers.get("h2"), servers.get("postgresql"));
    }

    /** Titles in mixed case and scrambled order, so that the list's order is the database's work. */
    private static SeededDatabase.Row seedRow(int i) {
        String word = WORDS[i % WORDS.length];
        return new SeededDatabase.Row(String.format("seed-%05d", i),
                String.format("%s %05d", i % 2 == 0 ? word.toUpperCase(Locale.ROOT) : word, (i * 7919) % SEEDED),
                "Seeded note number " + i);
    }

    private static List<Listed> listed(Page page) {
        return page.document().select("#notes a.note-link").stream()
                .map(a -> new Listed(a.attr("data-key"), a.text())).toList();
    }

    private static long count(Page page) {
        return Long.parseLong(page.text("#noteCount"));
    }

    /**
     * The home page, read again (at most for the count's maximum age and a margin) until its count
     * is the database's: rows added and deleted by SQL, as the seeding and the walk below do, are
     * reported by no event, so an instance may show the count it took before them for up to
     * {@code NoteCount.MAX_AGE} (10 s), in a page kept for up to {@code PageCache.MAX_AGE} (10 s).
     */
    private static Page homeOnceCountedAgain(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        return readUntil(() -> reader.get("/"), home -> count(home) == served.database().count(), COUNT_MAX_AGE_AND_MARGIN);
    }

    /** {@code read} until {@code done} holds of what it read or {@code within} is up; the last read. */
    private static Page readUntil(Supplier<Page> read, Predicate<Page> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Page page = read.get();
        while (!done.test(page) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = read.get();
        }
        return page;
    }

    /** The path of the page's link with this id ("nextPage", "previousPage"), or null without one. */
    private static String link(Page page, String id) {
        var link = page.document().getElementById(id);
        return link == null ? null : "/" + link.attr("href");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFirstPageIsBoundedAndCountsEveryNote(Served served) {
        Page home = homeOnceCountedAgain(served);
        assertThat(home.status()).isEqualTo(200);
        assertThat(listed(home)).hasSize(PAGE_SIZE).isSortedAccordingTo(BY_TITLE);
        assertThat(home.body().getBytes(StandardCharsets.UTF_8).length).as("bytes").isLessThan(40_000);
        assertThat(count(home)).isEqualTo(served.database().count()).isGreaterThanOrEqualTo(SEEDED);
        assertThat(link(home, "previousPage")).isNull();
        assertThat(home.response().headers().allValues("Set-Cookie")).as("no session for readers").isEmpty();
    }

    /**
     * A note added or deleted through the application changes the count on the next view, well
     * before the count's maximum age: its event reports the change.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theCountFollowsNotesAddedAndDeletedAtOnce(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        long before = count(homeOnceCountedAgain(served));
        Accounts.User author = Accounts.newUser(served.server(), "counter");
        String key = Notes.uniqueKey("counted");

        Notes.create(author.client(), key, "Counted note", "");
        Page added = readUntil(() -> reader.get("/"), home -> count(home) == before + 1, EVENT_DELIVERY);
        assertThat(count(added)).isEqualTo(before + 1).isEqualTo(served.database().count());

        author.client().get("/note/delete?key=" + key).form("deleteForm").press("confirm");
        Page deleted = readUntil(() -> reader.get("/"), home -> count(home) == before, EVENT_DELIVERY);
        assertThat(count(deleted)).isEqualTo(before).isEqualTo(served.database().count());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nextVisitsEveryNoteOnceWhileNotesComeAndGo(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        Random random = new Random(42);
        Set<String> deleted = new HashSet<>();
        List<Listed> walked = new ArrayList<>();
        long nextId = -100_000 - random.nextInt(1_000_000);
        String path = "/";
        int pages = 0;
        while (path != null) {
            Page page = reader.get(path);
            assertThat(page.status()).isEqualTo(200);
            List<Listed> notes = listed(page);
            assertThat(notes).hasSizeLessThanOrEqualTo(PAGE_SIZE);
            walked.addAll(notes);
            path = link(page, "nextPage");
            if (++pages % 10 == 0) {
                // Meanwhile others add notes anywhere in the list and delete some (seeded ones).
                List<SeededDatabase.Row> added = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String key = "new-" + Math.abs(nextId) + "-" + i;
                    added.add(new SeededDatabase.Row(key, WORDS[random.nextInt(WORDS.length)] + " new " + i, ""));
                }
                served.database().insert(added, nextId);
                nextId -= added.size();
                List<String> gone = random.ints(3, 0, SEEDED).mapToObj(i -> seedRow(i).key()).toList();
                served.database().delete(gone);
                deleted.addAll(gone);
            }
        }
        assertThat(walked).as("in order, never a note twice").isSortedAccordingTo(BY_TITLE)
                .doesNotHaveDuplicates();
        Set<String> walkedKeys = new HashSet<>(walked.stream().map(Listed::key).toList());
        List<String> missed = IntStream.range(0, SEEDED).mapToObj(i -> seedRow(i).key())
                .filter(key -> !deleted.contains(key) && !walkedKeys.contains(key)).toList();
        assertThat(missed).as("every note that existed throughout").isEmpty();
        assertThat(pages).isGreaterThanOrEqualTo(SEEDED / PAGE_SIZE - deleted.size() / PAGE_SIZE);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void previousGoesBackToTheSamePage(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        Page first = reader.get("/");
        Page second = reader.get(link(first, "nextPage"));
        Page third = reader.get(link(second, "nextPage"));
        assertThat(listed(reader.get(link(third, "previousPage")))).isEqualTo(listed(second));
        assertThat(listed(reader.get(link(second, "previousPage")))).isEqualTo(listed(first));
        assertThat(listed(second)).doesNotContainAnyElementsOf(listed(first)).doesNotContainAnyElementsOf(listed(third));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badParametersGetAClearAnswer(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        List<Listed> first = listed(reader.get("/"));
        for (String query : List.of("?after=garbage", "?before=%FF%FE", "?after=YQ.bad%20key", "?after=_w.k",
                "?after=" + "A".repeat(3000) + ".k", "?after=YQ.a&before=YQ.a")) {
            Page page = reader.get("/" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.text("#messages")).as(query).contains("not valid");
            assertThat(listed(page)).as(query + ": the first page").isEqualTo(first);
        }
        for (String query : List.of("q=x&page=0", "q=x&page=11", "q=x&page=abc", "q=x&page=99999999999",
                "q=" + "x".repeat(201))) {
            Page page = reader.get("/note/search?" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.document().select("#messages li").text()).as(query).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchFindsTitleAndBodyWordsTitleHitsFirst(Served served) {
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        served.database().insert(List.of(
                new SeededDatabase.Row(word + "-body", "Aardvark facts", "the " + word + " is in the text"),
                new SeededDatabase.Row(word + "-title", "Zebra " + word.toUpperCase(Locale.ROOT), "plain text")),
                -50_000);
        WebClient reader = new WebClient(served.server().baseUri());
        Page found = reader.get("/note/search?q=" + word);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.document().select("#searchResults a.note-link").eachAttr("data-key"))
                .containsExactly(word + "-title", word + "-body");
        assertThat(reader.get("/note/search?q=Seeded+number+1234").document()
                .select("#searchResults a.note-link").eachAttr("data-key")).contains("seed-01234");
        Page nothing = reader.get("/note/search?q=" + word + "+nowhereword");
        assertThat(nothing.has("#noResults")).isTrue();
        assertThat(found.response().headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchResultsArePagedAndBounded(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        Page first = reader.get("/note/search?q=seeded+note");
        assertThat(first.document().select("#searchResults li")).hasSize(PAGE_SIZE);
        Page second = reader.get("/note/search" + first.document().getElementById("nextPage").attr("href"));
        assertThat(second.document().select("#searchResults a.note-link").eachAttr("data-key"))
                .hasSize(PAGE_SIZE)
                .doesNotContainAnyElementsOf(first.document().select("#searchResults a.note-link").eachAttr("data-key"));
        Page last = reader.get("/note/search?q=seeded+note&page=10");
        assertThat(last.has("#nextPage")).as("at most 10 pages").isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLiveHomeSubscriptionCarriesOnlyItsPage(Served served) {
        WebClient reader = new WebClient(served.server().baseUri());
        Page second = reader.get(link(homeOnceCountedAgain(served), "nextPage"));
        String from = second.document().getElementById("notes").attr("data-live-from");
        assertThat(from).isNotEmpty();
        try (LiveClient live = LiveClient.connect(reader)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"home\"],\"homeFrom\":\"" + from + "\"}");
            JsonObject snapshot = live.await(m -> m.getString("type").equals("snapshot"));
            assertThat(snapshot.getJsonArray("notes").getValuesAs(JsonObject.class))
                    .extracting(n -> new Listed(n.getString("key"), n.getString("title")))
                    .isEqualTo(listed(second));
            assertThat(snapshot.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(8_000);
            assertThat(snapshot.getBoolean("hasNext")).isTrue();
            assertThat(snapshot.getJsonNumber("total").longValue()).isEqualTo(count(second))
                    .isEqualTo(served.database().count());

            Accounts.User author = Accounts.newUser(served.server(), "pager");
            String key = Notes.uniqueKey("live");
            Notes.create(author.client(), key, listed(second).get(1).title(), "on page two");
            assertThat(live.awaitEvent("note.created", key).getJsonObject("note").getString("title"))
                    .isEqualTo(listed(second).get(1).title());
        }
        try (LiveClient bad = LiveClient.connect(reader)) {
            bad.send("{\"type\":\"subscribe\",\"topics\":[\"home\"],\"homeFrom\":\"not a cursor\"}");
            assertThat(bad.await(m -> m.getString("type").equals("error")).getString("message"))
                    .contains("homeFrom");
        }
    }

    /** PostgreSQL: every list query goes through an index, never a sequential scan of notes. */
    @Test
    void postgresqlServesPagesAndSearchFromIndexes() {
        SeededDatabase database = servers.get("postgresql").database();
        String select = "SELECT note_key, title, title_sort FROM notes";
        String firstPage = select + " ORDER BY title_sort, note_key LIMIT 51";
        String afterPage = select + " WHERE title_sort >= ? AND (title_sort > ? OR note_key > ?)"
                + " ORDER BY title_sort, note_key LIMIT 51";
        String beforePage = select + " WHERE title_sort <= ? AND (title_sort < ? OR note_key < ?)"
                + " ORDER BY title_sort DESC, note_key DESC LIMIT 51";
        // The statement FullTextNoteSearch sends for one page, as written there.
        String search = "SELECT note_key, title, title_sort FROM ("
                + " SELECT note_key, title, title_sort, search_vector FROM notes"
                + " WHERE search_vector @@ plainto_tsquery('simple', ?) LIMIT 500) candidates"
                + " ORDER BY search_vector @@ to_tsquery('simple', ?) DESC,"
                + " ts_rank(search_vector, plainto_tsquery('simple', ?)) DESC, title_sort, note_key LIMIT 51";
        String title = "echo 05000";
        Map<String, String> plans = Map.of(
                "first page", database.explain(firstPage),
                "a later page", database.explain(afterPage, title, title, "seed-05000"),
                "a page before", database.explain(beforePage, title, title, "seed-05000"),
                "search", database.explain(search, "number 1234", "number:A & 1234:A", "number 1234"));
        plans.forEach((query, plan) -> assertThat(plan).as(query + ":\n" + plan).doesNotContain("Seq Scan")
                .containsAnyOf("ix_notes_title_sort", "ix_notes_search"));
    }
}
