package dev.notes.bench;

import dev.notes.bench.PeerComparison.Better;
import dev.notes.bench.Stats.Spread;
import dev.notes.cluster.SessionCacheNames;
import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.SharedAddressLimits;
import dev.notes.it.support.TestPostgres;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.embedded.RedisServer;

/**
 * One benchmark run: sets up Redis, PostgreSQL, an instance with sessions in its embedded Derby ("single") and a
 * two-instance cluster ("a", "b"; the scale scenario adds "c" and "d" for its own run), seeds notes,
 * measures each figure of issue 7 and writes the report. Everything it starts it stops; every loop
 * is bounded in count and time.
 */
final class Benchmark {

    private static final String FIGURE_1 = "1. Page throughput (instance a, Redis sessions)";
    private static final String FIGURE_2 = "2. Session cost";
    private static final String FIGURE_3 = "3. A change reaching a browser";
    private static final String FIGURE_4 = "4. Fan-out to every live client";
    private static final String FIGURE_5 = "5. Start and footprint (instance single)";
    private static final String FIGURE_6 = "6. Soak over two instances";
    private static final String FIGURE_7 = "7. Normal users under attack (instance a)";
    private static final String FIGURE_8 = "8. Growth: the same pages on a database grown to thousands of notes (instance a)";
    private static final String SCALE_SECTION = "Scale: 1 → 2 → 4 instances on one machine";
    /** The scale scenario's page load in all, divided among the instances it is spread over. */
    private static final int SCALE_CONNECTIONS = 16;
    private static final String HOME_PAGE = "anonymous GET /";
    private static final String QUIET_NOTE_PAGE = "anonymous note page without comments";
    private static final String BUSIEST_NOTE_PAGE = "anonymous note page with the most comments";
    private static final String RARE_WORD_SEARCH = "anonymous search for a word of the seed's notes only";
    private static final String COMMON_WORD_SEARCH = "anonymous search for a word of almost every note";
    /** Comments of the busiest note at the seed's size: a full page (50) and older ones behind "Show older". */
    private static final int COMMENTS_AT_SEED_SIZE = 60;
    private static final String PEER = "Spring peer: ";
    private static final String LOGGED_IN_NOTE_PAGE = "logged-in note page";
    private static final String LOGGED_IN_QUIET_NOTE_PAGE = "logged-in note page without comments";

    /**
     * What the smoke test checks besides the report: nothing failed or went missing, the attacker
     * (when the hostile scenario ran) was answered at all, and what was compared with the Spring peer.
     */
    record Outcome(Report report, long failedRequests, long lostEvents, long duplicateEvents, long attackerAnswers,
            PeerComparison comparison) {
    }

    /** Liberty keys a session attribute as "session id.attribute name". */
    private static final Pattern SESSION_ATTRIBUTE = Pattern.compile("[A-Za-z0-9_-]{20,}\\.([A-Za-z][\\w.$#]*)");
    /** Redis's names of Liberty's session caches are short ones (see the Redisson files). */
    private static final SessionCacheNames SESSION_CACHE_NAMES = new SessionCacheNames();
    /** Enough page views for MONITOR to show the pattern; the counters above measure the average. */
    private static final int TRACED_VIEWS = 20;

    private final BenchSettings settings;
    private final Path output;
    private final Path profiles;
    private final Report report = new Report();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<LibertyServer> servers = new ArrayList<>();
    private RedisServer redis;
    private int redisPort;
    private TestPostgres.Database database;
    private LibertyServer single;
    private LibertyServer a;
    private LibertyServer b;
    /** The settings of every clustered instance: a and b, and the scale scenario's c and d. */
    private Map<String, String> clustered;
    private String writerName;
    private WebClient writer;
    private List<String> readerCookies;
    private List<String> readerCookiesOnSingle;
    private String notePageKey;
    private long failedRequests;
    private long lostEvents;
    private long duplicateEvents;
    private long attackerAnswers;
    private final List<Double> crossInstance = new ArrayList<>();
    private final List<Double> sameInstance = new ArrayList<>();
    private final List<Double> saveResponse = new ArrayList<>();
    private final List<Double> redisFloor = new ArrayList<>();
    /** The Spring peer, when its folder is given (SpringPeer.configuredDirectory), and the figures beside it. */
    private SpringPeer peer;
    private List<String> peerCookies;
    private final PeerComparison comparison = new PeerComparison();

    Benchmark(BenchSettings settings, Path output) {
        this.settings = settings;
        this.output = output;
        this.profiles = output.resolve("profiles");
    }

    Outcome run() {
        try {
            phase("setUp");
            Files.createDirectories(profiles);
            setUp();
            Map<String, Runnable> scenarios = Map.of("pages", this::pageThroughput, "sessions", this::sessionCost,
                    "latency", this::eventLatency, "fanout", this::fanOut, "footprint", this::footprint,
                    "soak", this::soak, "hostile", this::hostileLoad, "growth", this::growth, "scale", this::scale);
            for (String scenario : BenchSettings.SCENARIOS) {
                if (settings.runs(scenario)) {
                    phase(scenario);
                    scenarios.get(scenario).run();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            report.note("The run stopped early: " + e);
            reportComparison();
            report.write(output, null);
            throw e;
        } finally {
            tearDown();
        }
        String plot = null;
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!crossInstance.isEmpty()) {
            plot = "latency.png";
            new LatencyPlot("Save sent to instance a → WebSocket frame at a browser (" + settings.mode() + " run)")
                    .add("frame on instance b (cross-instance)", crossInstance)
                    .add("frame on instance a (same instance)", sameInstance)
                    .add("save request's response", saveResponse)
                    .add("Redis PUBLISH → message (floor)", redisFloor)
                    .write(output.resolve(plot));
        }
        reportComparison();
        report.write(output, plot);
        return new Outcome(report, failedRequests, lostEvents, duplicateEvents, attackerAnswers, comparison);
    }

    // --- set-up: Redis, PostgreSQL, three Liberty instances, seeded notes

    private void setUp() {
        redisPort = LibertyServer.freePort();
        try {
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the benchmark's Redis", e);
        }
        database = TestPostgres.newDatabase("bench");
        Map<String, String> common = new HashMap<>(NotesCluster.sharedFacesSecrets());
        // The seed and every load come from 127.0.0.1, mostly as one account, and up to 10,000
        // simulated browsers (fanOut) connect from it.
        common.putAll(SharedAddressLimits.settings());
        // Except failed logins per address: the benchmark's own users never fail one, and the
        // hostile scenario's attacker meets the shipped limit.
        common.remove("LOGIN_FAILURES_PER_ADDRESS");
        // The hostile scenario's attacker names a client address of its own in X-Forwarded-For.
        common.put("TRUSTED_PROXIES", "127\\.0\\.0\\.1");
        clustered = new HashMap<>(common);
        clustered.put("NOTES_CLUSTER", "redis");
        clustered.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);

        single = LibertyServer.withPostgres("notes-bench-single", database, common);
        servers.add(single);
        long start = System.nanoTime();
        single.start();
        double freshStart = (System.nanoTime() - start) / 1e9;
        report.add(FIGURE_5, "start to ready, first start (fresh server directory)", freshStart, "s", "≤ 8 s");
        a = LibertyServer.withPostgres("notes-bench-a", database, clustered);
        b = LibertyServer.withPostgres("notes-bench-b", database, clustered);
        servers.add(a);
        servers.add(b);
        prepareStaticApplication(a);
        a.start();
        b.start();
        describeMachine();
        seed();
        SpringPeer.configuredDirectory().ifPresent(directory -> setUpPeer(directory, freshStart));
    }

    /**
     * The Spring peer beside the cluster: built, started (the first instance on an empty database,
     * as Notes' instance single), seeded like Notes and logged in as many times as Notes' readers.
     */
    private void setUpPeer(Path source, double notesFreshStart) {
        phase("setUp: Spring peer from " + source);
        peer = SpringPeer.prepare(source, output.resolve("peer"), redisPort,
                SpringPeer.notesJvmOptions(Path.of("liberty", "config", "jvm.options")));
        double peerFreshStart = peer.first().start();
        peer.seed(settings.notes());
        peer.second().start();
        peerCookies = new ArrayList<>();
        for (int i = 0; i < settings.loggedInSessions(); i++) {
            peerCookies.add(peer.first().logIn());
        }
        comparison.add("start, first (fresh; Notes: to ready, the peer: to the first 200 on GET /)",
                Spread.single(notesFreshStart), Spread.single(peerFreshStart), "s", Better.LOWER,
                "Notes' instance single (a fresh server directory); the peer's first instance (schema created by Flyway)");
        report.setting("Spring peer", source + ", copied to " + output.resolve("peer") + " and built there; two instances"
                + " with " + String.join(" ", peer.jvmOptions()) + " (Notes' jvm.options), its own database on the"
                + " benchmark's PostgreSQL, Redis database " + SpringPeer.REDIS_DATABASE + " of the benchmark's Redis; seeded"
                + " with " + settings.notes() + " notes like Notes' seed and the user me; " + peerCookies.size()
                + " logged-in sessions on its first instance");
    }

    /** The comparison with the Spring peer, as a section of its own, when the peer ran. */
    private void reportComparison() {
        if (comparison.isEmpty() || report.sections().stream()
                .anyMatch(section -> section.table().title().equals(PeerComparison.TITLE))) {
            return;
        }
        report.section("Every figure that both Notes and the Spring peer show, from this run, on the same machine, data"
                + " and load. The ratio is Notes ÷ peer, the median's, with the range of ratios the rounds allow. Which way"
                + " is better is in the goal column: for throughput higher (Notes ahead at ≥ 1.2, the issue's goal for"
                + " pages), for costs, memory and times lower (Notes ahead below 1).", comparison.table());
    }

    /** A second, plain web application on instance a, serving a static copy of the home page. */
    private static void prepareStaticApplication(LibertyServer server) {
        try {
            Path app = server.directory().resolve("apps/bench-static.war");
            Files.createDirectories(app);
            Files.writeString(app.resolve("index.html"), "<!doctype html><title>static</title>");
            Path dropins = server.directory().resolve("configDropins/overrides");
            Files.createDirectories(dropins);
            Files.writeString(dropins.resolve("bench-static.xml"), """
                    <server>
                        <webApplication location="bench-static.war" contextRoot="/bench-static"/>
                    </server>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed() {
        writerName = Accounts.register(a, "bench");
        writer = Accounts.logIn(a, writerName);
        for (int i = 1; i <= settings.notes(); i++) {
            String key = seedKey(i);
            Page view = writer.get("/note/add").form("noteForm").set("key", key)
                    .set("title", String.format("Note %03d about the benchmark", i))
                    .set("body", "A note of the benchmark's seed, long enough to look like one people write. ".repeat(3))
                    .press("save");
            expect(view.path().equals("/note/view?key=" + key), "seeding note " + key + " ended on " + view.path());
        }
        notePageKey = seedKey(1);
        for (int i = 1; i <= settings.comments(); i++) {
            postComment(writer, notePageKey, "Seeded comment " + i + " on the benchmark's note page.");
        }
        readerCookies = sessions(a, writerName);
        readerCookiesOnSingle = sessions(single, writerName);
        report.setting("seed", settings.notes() + " notes, " + settings.comments() + " comments on the note page; "
                + settings.loggedInSessions() + " logged-in sessions per instance, used in turn by the logged-in page loads");
    }

    /** The key of the seed's i-th note (from 1); the first is the one with comments. */
    private String seedKey(int i) {
        return String.format("n%03d-%s", i, run);
    }

    /** Cookies of as many logins as the settings ask for, as "JSESSIONID=…". */
    private List<String> sessions(LibertyServer server, String username) {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < settings.loggedInSessions(); i++) {
            cookies.add("JSESSIONID=" + Accounts.logIn(server, username).cookie("JSESSIONID").orElseThrow());
        }
        return cookies;
    }

    // --- figure 1 and the throughput half of figure 2

    private record PageUnderLoad(String name, URI url, List<String> cookies) {
    }

    private void pageThroughput() {
        if (!wrkInstalled("Page throughput")) {
            return;
        }
        URI staticCopy = copyHomePageAsStaticFile();
        List<PageUnderLoad> pages = List.of(
                new PageUnderLoad(HOME_PAGE, a.uri("/"), List.of()),
                new PageUnderLoad("anonymous note page", a.uri("/note/view?key=" + notePageKey), List.of()),
                new PageUnderLoad("logged-in GET /", a.uri("/"), readerCookies),
                new PageUnderLoad("static file, same size", staticCopy, List.of()),
                new PageUnderLoad("logged-in GET /, Derby sessions (instance single)", single.uri("/"),
                        readerCookiesOnSingle));
        List<PageUnderLoad> measured = new ArrayList<>(pages);
        if (peer != null) {
            measured.addAll(peerPages());
        }
        Map<String, List<Wrk.Result>> results = warmUpAndMeasure(measured, settings.concurrencies());
        // A ratio to the peer measured in the same run (the section "Notes ÷ Spring peer"), never a figure of another run.
        Set<String> pagesWithSpringGoal = Set.of("anonymous GET /", "anonymous note page", "logged-in GET /");
        for (int connections : settings.concurrencies()) {
            Spread staticRate = throughput(results.get("static file, same size, c=" + connections));
            for (PageUnderLoad page : pages) {
                String name = page.name() + ", c=" + connections;
                List<Wrk.Result> runs = results.get(name);
                String section = page.url().getPort() == single.httpPort() ? FIGURE_2 : FIGURE_1;
                report.add(section, name + ": throughput", throughput(runs), "req/s",
                        connections == 16 && pagesWithSpringGoal.contains(page.name()) ? "≥ 1.2 × the Spring peer, same run" : null);
                report.add(section, name + ": p50", Spread.of(runs.stream().map(Wrk.Result::p50Millis).toList()), "ms", null);
                report.add(section, name + ": p99", Spread.of(runs.stream().map(Wrk.Result::p99Millis).toList()), "ms", null);
            }
            for (String dynamic : List.of("anonymous GET /", "anonymous note page", "logged-in GET /")) {
                report.add(FIGURE_1, dynamic + " ÷ static file, c=" + connections,
                        throughput(results.get(dynamic + ", c=" + connections)).dividedBy(staticRate), "×",
                        "≥ 0.3");
            }
            report.add(FIGURE_2, "logged-in GET /: Redis sessions ÷ Derby sessions, c=" + connections,
                    throughput(results.get("logged-in GET /, c=" + connections))
                            .dividedBy(throughput(results.get(pages.get(4).name() + ", c=" + connections))),
                    "×", "≥ 0.8");
        }
        if (peer != null) {
            comparePages(results);
        }
        profiledLoad("anonymous-home", "anonymous GET / on a, c=" + settings.concurrencies().get(0), pages.get(0));
        profiledLoad("logged-in-home", "logged-in GET / on a, c=" + settings.concurrencies().get(0), pages.get(2));
        profiledLoad("logged-in-note", LOGGED_IN_NOTE_PAGE + " on a, c=" + settings.concurrencies().get(0),
                new PageUnderLoad(LOGGED_IN_NOTE_PAGE, a.uri("/note/view?key=" + notePageKey), readerCookies));
        report.add(FIGURE_1, "failed requests (all wrk runs)", failedRequests, "", "0");
        report.setting("load", "wrk " + settings.concurrencies() + " connections, 2 threads; warm-up "
                + settings.warmUp().toSeconds() + " s per page, then " + settings.rounds() + " rounds of "
                + settings.round().toSeconds() + " s per page and concurrency, interleaved");
    }

    /**
     * The pages of Notes' figure 1 that the peer also has, on the peer's first instance, and Notes'
     * logged-in note pages, which figure 1 does not measure: the one with comments and, like for like
     * with the peer's, one without; named as in figure 1, the peer's with a prefix.
     */
    private List<PageUnderLoad> peerPages() {
        String notePage = "/notes/view?key=" + PeerSeed.key(1);
        return List.of(
                new PageUnderLoad(LOGGED_IN_NOTE_PAGE, a.uri("/note/view?key=" + notePageKey), readerCookies),
                new PageUnderLoad(LOGGED_IN_QUIET_NOTE_PAGE, a.uri("/note/view?key=" + seedKey(2)), readerCookies),
                new PageUnderLoad(PEER + HOME_PAGE, peer.first().uri("/"), List.of()),
                new PageUnderLoad(PEER + "anonymous note page", peer.first().uri(notePage), List.of()),
                new PageUnderLoad(PEER + "logged-in GET /", peer.first().uri("/"), peerCookies),
                new PageUnderLoad(PEER + LOGGED_IN_NOTE_PAGE, peer.first().uri(notePage), peerCookies),
                new PageUnderLoad(PEER + LOGGED_IN_QUIET_NOTE_PAGE, peer.first().uri(notePage), peerCookies));
    }

    /** Page by page, Notes' throughput beside the peer's; then saving a note, and the memory the page load left. */
    private void comparePages(Map<String, List<Wrk.Result>> results) {
        String homeRemark = "Notes' home page lists the newest 50 notes at most, the peer's all (" + settings.notes()
                + " seeded)";
        String noteRemark = "Notes' note page also lists the note's comments (" + settings.comments()
                + " seeded), the peer's has none";
        Map<String, String> remarks = new LinkedHashMap<>();
        remarks.put(HOME_PAGE, homeRemark);
        remarks.put("anonymous note page", noteRemark);
        remarks.put("logged-in GET /", homeRemark + "; " + settings.loggedInSessions() + " sessions in turn on each side");
        remarks.put(LOGGED_IN_NOTE_PAGE, noteRemark + "; " + settings.loggedInSessions() + " sessions in turn on each side");
        remarks.put(LOGGED_IN_QUIET_NOTE_PAGE, "like for like: a note without comments on both sides (Notes' page still has"
                + " the comment form); " + settings.loggedInSessions() + " sessions in turn on each side");
        for (int connections : settings.concurrencies()) {
            for (Map.Entry<String, String> page : remarks.entrySet()) {
                String load = page.getKey() + ", c=" + connections;
                comparison.add(load + ": throughput", throughput(results.get(load)),
                        throughput(results.get(PEER + load)), "req/s", Better.HIGHER, page.getValue());
            }
        }
        compareSaves();
        comparison.add("resident memory per instance after the page load (min–max: the loaded instance and the other)",
                Spread.of(List.of(rss(a.pid()) / 1024.0 / 1024, rss(b.pid()) / 1024.0 / 1024)),
                Spread.of(List.of(rss(peer.first().pid()) / 1024.0 / 1024, rss(peer.second().pid()) / 1024.0 / 1024)),
                "MiB", Better.LOWER, "Notes: a (loaded) and b; the peer: its first (loaded) and second instance");
    }

    /**
     * Saving a note, one client saving one after another on each side: the edit form fetched first
     * (its view state, the peer's CSRF token), outside the timing, then its POST timed until the
     * redirect that answers it. A warm-up of as many saves, then the rounds, Notes and the peer in turn.
     */
    private void compareSaves() {
        int saves = settings.sessionSamples();
        String notesKey = seedKey(2);
        String peerKey = PeerSeed.key(2);
        for (int i = 0; i < saves; i++) {
            saveOnNotes(notesKey, "Warm-up " + i);
            peer.first().save(peerCookies.get(0), peerKey, "Warm-up " + i, PeerSeed.BODY);
        }
        List<Double> notesRate = new ArrayList<>();
        List<Double> peerRate = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            double notesMillis = 0;
            double peerMillis = 0;
            for (int i = 0; i < saves; i++) {
                notesMillis += saveOnNotes(notesKey, String.format("Note 002 about the benchmark, save %d-%d", round, i));
            }
            for (int i = 0; i < saves; i++) {
                peerMillis += peer.first().save(peerCookies.get(0), peerKey,
                        String.format("Note 002 about the benchmark, save %d-%d", round, i), PeerSeed.BODY).responseMillis();
            }
            notesRate.add(saves / (notesMillis / 1000));
            peerRate.add(saves / (peerMillis / 1000));
        }
        comparison.add("saving a note: saves per second, one client, one after another", Spread.of(notesRate),
                Spread.of(peerRate), "saves/s", Better.HIGHER, "Notes: POST of the Faces edit form on a (the Post/Redirect/Get"
                        + " redirect); the peer: POST /notes/save on its first instance (302); " + saves + " saves per round");
    }

    /** One save of Notes' edit form on a, as the writer; the milliseconds its POST took until the redirect. */
    private double saveOnNotes(String key, String title) {
        WebClient.Form form = writer.get("/note/edit?key=" + key).form("noteForm").set("title", title)
                .set("body", PeerSeed.BODY);
        long start = System.nanoTime();
        Page answer = form.pressRaw("save");
        double millis = (System.nanoTime() - start) / 1e6;
        expect(answer.isRedirect(), "saving note " + key + " answered " + answer.status());
        return millis;
    }

    /**
     * wrk on each page: a warm-up of each, then the rounds, pages and concurrencies interleaved so
     * that a drift of the machine weighs on all alike; the results by "page name, c=connections".
     */
    private Map<String, List<Wrk.Result>> warmUpAndMeasure(List<PageUnderLoad> pages, List<Integer> concurrencies) {
        for (PageUnderLoad page : pages) {
            Wrk.Result warm = Wrk.run(page.url(), concurrencies.get(0), settings.warmUp(), page.cookies());
            failedRequests += warm.errors();
        }
        Map<String, List<Wrk.Result>> results = new HashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            for (PageUnderLoad page : pages) {
                for (int connections : concurrencies) {
                    Wrk.Result result = Wrk.run(page.url(), connections, settings.round(), page.cookies());
                    failedRequests += result.errors();
                    results.computeIfAbsent(page.name() + ", c=" + connections, k -> new ArrayList<>()).add(result);
                }
            }
        }
        return results;
    }

    /** Whether wrk is here; without it the report says what was not measured (CI requires it). */
    private boolean wrkInstalled(String figure) {
        if (Wrk.installed()) {
            return true;
        }
        String reason = "wrk is not installed (bench/run installs it: apt-get install wrk)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(reason);
        }
        report.note(figure + " not measured: " + reason + ".");
        return false;
    }

    /** One more round of a page's load, not counted in the figures, with instance a profiled. */
    private void profiledLoad(String name, String scenario, PageUnderLoad page) {
        Profile profile = Profile.start(a, name, profiles);
        Wrk.Result result = Wrk.run(page.url(), settings.concurrencies().get(0), settings.round(), page.cookies());
        failedRequests += result.errors();
        report.profile(profile.stop(String.format(Locale.ROOT, "%s (%,.0f req/s while profiled)", scenario,
                result.requestsPerSecond())));
    }

    private static Spread throughput(List<Wrk.Result> runs) {
        return Spread.of(runs.stream().map(Wrk.Result::requestsPerSecond).toList());
    }

    /** The anonymous home page as instance a renders it, saved as a file of the static application. */
    private URI copyHomePageAsStaticFile() {
        String home = new WebClient(a.baseUri()).get("/").body();
        try {
            Files.writeString(a.directory().resolve("apps/bench-static.war/home.html"), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI url = a.uri("/bench-static/home.html");
        Instant deadline = Instant.now().plusSeconds(30);
        WebClient client = new WebClient(a.baseUri());
        while (client.getRaw(url.toString()).status() != 200) {
            expect(Instant.now().isBefore(deadline), "the static copy is not served within 30 s");
            pause(Duration.ofMillis(200));
        }
        report.setting("page sizes", "home " + home.length() + " chars; the static copy is the same bytes");
        return url;
    }

    // --- figure 2: what sessions write to Redis

    private void sessionCost() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int views = settings.sessionSamples();
        try (RedisProbe probe = new RedisProbe(redisPort)) {
            RedisTraffic idle = RedisTraffic.measure(probe, () -> pause(Duration.ofSeconds(2)));
            long[] newCookies = {0};
            RedisTraffic anonymous = RedisTraffic.measure(probe, () -> {
                for (int i = 0; i < views; i++) {
                    HttpResponse<Void> response = send(http, HttpRequest.newBuilder(a.uri("/")));
                    if (response.headers().firstValue("Set-Cookie").isPresent()) {
                        newCookies[0]++;
                    }
                }
            }).minusIdle(idle);
            RedisTraffic loggedIn = RedisTraffic.measure(probe, () -> viewHomeLoggedIn(http, views)).minusIdle(idle);
            report.add(FIGURE_2, "anonymous page view: bytes written to Redis", anonymous.bytesIn() / (double) views, "B", "0");
            report.add(FIGURE_2, "anonymous page view: Redis commands", anonymous.commands() / (double) views, "", "0");
            report.add(FIGURE_2, "anonymous page views: sessions created (Set-Cookie, new Redis keys)",
                    newCookies[0] + anonymous.newKeys(), "", "0");
            report.add(FIGURE_2, "logged-in page view: bytes written to Redis", loggedIn.bytesIn() / (double) views, "B",
                    "≤ 512 B (seed ~160 B)");
            report.add(FIGURE_2, "logged-in page view: bytes read from Redis", loggedIn.bytesOut() / (double) views, "B", null);
            report.add(FIGURE_2, "logged-in page view: Redis commands executed (INFO; those inside scripts included)",
                    loggedIn.commands() / (double) views, "", null);
            List<RedisProbe.Command> traced = traceLoggedInViews(http, Math.min(views, TRACED_VIEWS));
            traceViewsOnTheOtherInstance(http, Math.min(views, TRACED_VIEWS));
            traceViewsChangingRecentlyViewed(http, Math.min(views, TRACED_VIEWS));
            if (peer != null) {
                compareSessionCost(probe, http, idle, loggedIn, traced);
            }
            report.setting("Redis", "redis " + probe.info().text("redis_version") + " (embedded-redis, port " + redisPort
                    + "); bytes from INFO total_net_input_bytes deltas over " + views
                    + " sequential views, minus the same time idle");
        }
    }

    /** Home page views on a, one after another, each with the next of the readers' sessions. */
    private void viewHomeLoggedIn(HttpClient http, int views) {
        for (int i = 0; i < views; i++) {
            send(http, HttpRequest.newBuilder(a.uri("/")).header("Cookie", readerCookies.get(i % readerCookies.size())));
        }
    }

    /**
     * What Redis is asked to do for a logged-in page view, command by command (Redis's MONITOR): the
     * breakdown behind the bytes and round trips above.
     */
    private List<RedisProbe.Command> traceLoggedInViews(HttpClient http, int views) {
        List<RedisProbe.Command> commands = RedisProbe.monitor(redisPort, 100_000, () -> viewHomeLoggedIn(http, views));
        Map<String, long[]> byKind = new TreeMap<>();
        for (RedisProbe.Command command : commands) {
            long[] countAndBytes = byKind.computeIfAbsent(commandKind(command), k -> new long[2]);
            countAndBytes[0]++;
            countAndBytes[1] += command.requestBytes();
        }
        List<List<String>> rows = new ArrayList<>();
        byKind.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                .forEach(e -> rows.add(List.of(e.getKey(), Report.number(e.getValue()[0] / (double) views),
                        Report.number(e.getValue()[1] / (double) views) + " B")));
        long requests = commands.stream().filter(command -> !command.fromScript()).count();
        rows.add(List.of("all commands", Report.number(commands.size() / (double) views),
                Report.number(commands.stream().mapToLong(RedisProbe.Command::requestBytes).sum() / (double) views) + " B"));
        report.add(FIGURE_2, "logged-in page view: Redis round trips (requests sent, from MONITOR over " + views + " views)",
                requests / (double) views, "", "Spring peer: 6");
        report.table(new Report.Table("Redis commands per logged-in page view, by kind (MONITOR over " + views
                + " views on a, all clients; commands inside Redisson's scripts cost no round trip and no request bytes)",
                List.of("command", "per view", "request bytes per view"), rows));
        return commands;
    }

    /**
     * The same views, each on the instance that did not serve the session's previous view (the views
     * above were all on a, so b first, then a, in turns of all the readers' sessions): that
     * instance's copy of the session is missing or stale, so Liberty reads it from Redis again, as
     * behind a load balancer that does not stick sessions to instances.
     */
    private void traceViewsOnTheOtherInstance(HttpClient http, int views) {
        int sessions = readerCookies.size();
        addSentPerView("logged-in page view on the other instance (a and b in turn)", views, i -> {
            LibertyServer server = (i / sessions) % 2 == 0 ? b : a;
            send(http, HttpRequest.newBuilder(server.uri("/")).header("Cookie", readerCookies.get(i % sessions)));
        });
    }

    /**
     * Note pages on a, each session opening two notes in turn, so that every view moves a note to the
     * front of the session's recently viewed notes and sets that one small attribute again.
     */
    private void traceViewsChangingRecentlyViewed(HttpClient http, int views) {
        int sessions = readerCookies.size();
        addSentPerView("logged-in note page view that changes the recently viewed notes", views, i -> {
            String key = seedKey(1 + (i / sessions) % 2);
            send(http, HttpRequest.newBuilder(a.uri("/note/view?key=" + key)).header("Cookie", readerCookies.get(i % sessions)));
        });
    }

    /** Round trips to Redis and the bytes of their requests per view, from MONITOR over the views. */
    private void addSentPerView(String view, int views, IntConsumer viewNumbered) {
        List<RedisProbe.Command> commands = RedisProbe.monitor(redisPort, 100_000, () -> {
            for (int i = 0; i < views; i++) {
                viewNumbered.accept(i);
            }
        });
        report.add(FIGURE_2, view + ": Redis round trips (requests sent, from MONITOR over " + views + " views)",
                roundTrips(commands, database -> true) / (double) views, "", null);
        report.add(FIGURE_2, view + ": bytes of the requests sent to Redis (MONITOR)",
                commands.stream().mapToLong(RedisProbe.Command::requestBytes).sum() / (double) views, "B", null);
    }

    /**
     * The same views on the peer's first instance, with the peer's sessions in turn: Redis's counters
     * over as many views (Notes idle meanwhile), and its round trips from MONITOR, counted in the
     * peer's database only, as Notes' are counted outside it.
     */
    private void compareSessionCost(RedisProbe probe, HttpClient http, RedisTraffic idle, RedisTraffic notes,
            List<RedisProbe.Command> notesTraced) {
        int views = settings.sessionSamples();
        RedisTraffic peerTraffic = RedisTraffic.measure(probe, () -> viewPeerHomeLoggedIn(http, views)).minusIdle(idle);
        int tracedViews = Math.min(views, TRACED_VIEWS);
        List<RedisProbe.Command> peerTraced = RedisProbe.monitor(redisPort, 100_000, () -> viewPeerHomeLoggedIn(http, tracedViews));
        String remark = "Notes: Liberty's sessionCache over Redisson (JCache); the peer: Spring Session Data Redis";
        comparison.add("logged-in page view: bytes written to Redis", Spread.single(notes.bytesIn() / views),
                Spread.single(peerTraffic.bytesIn() / views), "B", Better.LOWER, remark + "; INFO counters over " + views + " views");
        comparison.add("logged-in page view: bytes read from Redis", Spread.single(notes.bytesOut() / views),
                Spread.single(peerTraffic.bytesOut() / views), "B", Better.LOWER, "INFO counters over " + views + " views");
        comparison.add("logged-in page view: Redis round trips (requests sent)",
                Spread.single(roundTrips(notesTraced, database -> database != SpringPeer.REDIS_DATABASE) / (double) tracedViews),
                Spread.single(roundTrips(peerTraced, database -> database == SpringPeer.REDIS_DATABASE) / (double) tracedViews),
                "", Better.LOWER, "MONITOR over " + tracedViews + " views; commands inside Redisson's scripts cost none");
    }

    private static long roundTrips(List<RedisProbe.Command> commands, IntPredicate database) {
        return commands.stream().filter(command -> !command.fromScript() && database.test(command.database())).count();
    }

    /** Home page views on the peer's first instance, one after another, each with the next of the peer's sessions. */
    private void viewPeerHomeLoggedIn(HttpClient http, int views) {
        for (int i = 0; i < views; i++) {
            send(http, HttpRequest.newBuilder(peer.first().uri("/")).header("Cookie", peerCookies.get(i % peerCookies.size())));
        }
    }

    /**
     * A command's name and what it works on. Liberty's session cache keeps sessions in two caches,
     * metadata and attributes; a Redisson JCache call on the attributes names the attribute (after
     * the session id) among its arguments. Anything else by its first key, digits elided. Commands
     * that Redisson's Lua scripts run inside Redis are told apart: they cost no round trip.
     */
    static String commandKind(RedisProbe.Command command) {
        List<String> arguments = command.arguments();
        String name = arguments.get(0).toUpperCase(Locale.ROOT);
        boolean script = name.startsWith("EVAL");
        int keys = script && arguments.size() > 2 ? Integer.parseInt(arguments.get(2)) : Math.min(1, arguments.size() - 1);
        int firstKey = script ? 3 : 1;
        String kind = name;
        if (keys > 0 && firstKey < arguments.size()) {
            String key = arguments.get(firstKey);
            // Redisson's JCache names its other keys after the cache, as jcache_timeout_set:{name}
            String libertyName = SESSION_CACHE_NAMES.unmap(key.replaceFirst("^jcache_\\w+:\\{(.*)}$", "$1"));
            if (libertyName.contains("session.meta")) {
                kind += " session metadata";
            } else if (libertyName.contains("session.attr")) {
                // Inside a script, by cache only: the script's own row already names the attribute.
                kind += command.fromScript() ? " session attributes"
                        : " session attribute" + attributeNamed(arguments.subList(firstKey + keys, arguments.size()));
            } else {
                String elided = key.replaceAll("[0-9a-f]{8,}|\\d+", "…");
                kind += " " + (elided.length() > 60 ? elided.substring(0, 60) + "…" : elided);
            }
        }
        if (script) {
            kind += " (" + keys + " keys)";
        }
        return command.fromScript() ? "inside a script: " + kind : kind;
    }

    private static String attributeNamed(List<String> scriptArguments) {
        for (String argument : scriptArguments) {
            Matcher attribute = SESSION_ATTRIBUTE.matcher(argument);
            if (attribute.find()) {
                return " " + attribute.group(1);
            }
        }
        return "s";
    }

    /** Deltas of Redis's own counters over some work. */
    private record RedisTraffic(double bytesIn, double bytesOut, double commands, long newKeys, double seconds) {

        static RedisTraffic measure(RedisProbe probe, Runnable work) {
            RedisProbe.Info before = probe.info();
            long keys = probe.dbSize();
            long start = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            RedisProbe.Info after = probe.info();
            // Less this probe's own commands in between: the first INFO (counted once it has run) and DBSIZE.
            return new RedisTraffic(after.number("total_net_input_bytes") - before.number("total_net_input_bytes"),
                    after.number("total_net_output_bytes") - before.number("total_net_output_bytes"),
                    after.number("total_commands_processed") - before.number("total_commands_processed") - 2,
                    probe.dbSize() - keys, seconds);
        }

        /** Takes away what the instances send when nobody uses them (Redisson's pings), pro rata. */
        RedisTraffic minusIdle(RedisTraffic idle) {
            double share = seconds / idle.seconds;
            return new RedisTraffic(Math.max(0, bytesIn - idle.bytesIn * share),
                    Math.max(0, bytesOut - idle.bytesOut * share),
                    Math.max(0, commands - idle.commands * share), newKeys, seconds);
        }
    }

    // --- figure 3: save on a → frame on b

    private void eventLatency() {
        String key = "latency-" + run;
        createNote(writer, key, "Latency target");
        List<Double> crossP50 = new ArrayList<>();
        List<Double> crossP99 = new ArrayList<>();
        List<Double> sameP50 = new ArrayList<>();
        List<Double> sameP99 = new ArrayList<>();
        List<Double> responseP50 = new ArrayList<>();
        List<Double> floorP50 = new ArrayList<>();
        List<Double> floorP99 = new ArrayList<>();
        List<Double> commitP50 = new ArrayList<>();
        List<Double> commitP99 = new ArrayList<>();
        List<Double> hopP50 = new ArrayList<>();
        List<Double> hopP99 = new ArrayList<>();
        long missing = 0;
        try (LiveLoad onB = LiveLoad.open(List.of(b.baseUri()), 1, List.of("note:" + key));
                LiveLoad onA = LiveLoad.open(List.of(a.baseUri()), 1, List.of("note:" + key))) {
            for (int round = 0; round < settings.rounds(); round++) {
                List<Double> cross = new ArrayList<>();
                List<Double> same = new ArrayList<>();
                List<Double> response = new ArrayList<>();
                List<Double> hop = new ArrayList<>();
                for (int i = 0; i < settings.latencySamples(); i++) {
                    String marker = "bench-latency-" + round + "-" + i;
                    long start = System.nanoTime();
                    postComment(writer, key, marker);
                    response.add((System.nanoTime() - start) / 1e6);
                    List<Double> atB = onB.awaitEverywhere(marker, start, Duration.ofSeconds(10));
                    List<Double> atA = onA.awaitEverywhere(marker, start, Duration.ofSeconds(10));
                    missing += 2 - atA.size() - atB.size();
                    duplicateEvents += onA.duplicates(marker) + onB.duplicates(marker);
                    cross.addAll(atB);
                    same.addAll(atA);
                    if (atA.size() == 1 && atB.size() == 1) {
                        hop.add(atB.get(0) - atA.get(0));
                    }
                    onA.forget(marker);
                    onB.forget(marker);
                }
                List<Double> floor = RedisProbe.publishToMessage(redisPort, settings.latencySamples());
                List<Double> commits = postgresCommitFloor(settings.latencySamples());
                commitP50.add(Stats.percentile(commits, 50));
                commitP99.add(Stats.percentile(commits, 99));
                crossInstance.addAll(cross);
                sameInstance.addAll(same);
                saveResponse.addAll(response);
                redisFloor.addAll(floor);
                crossP50.add(Stats.percentile(cross, 50));
                crossP99.add(Stats.percentile(cross, 99));
                sameP50.add(Stats.percentile(same, 50));
                sameP99.add(Stats.percentile(same, 99));
                responseP50.add(Stats.percentile(response, 50));
                floorP50.add(Stats.percentile(floor, 50));
                floorP99.add(Stats.percentile(floor, 99));
                hopP50.add(Stats.percentile(hop, 50));
                hopP99.add(Stats.percentile(hop, 99));
            }
            Profile profile = Profile.start(a, "save", profiles);
            for (int i = 0; i < settings.latencySamples(); i++) {
                if (!postComment(writer, key, "bench-profiled-" + i)) {
                    failedRequests++;
                }
            }
            report.profile(profile.stop("saving " + settings.latencySamples()
                    + " comments one after another on a (JSON API; live clients on a and b)"));
        }
        lostEvents += missing;
        report.add(FIGURE_3, "save sent to a → frame at a client on b: p50", Spread.of(crossP50), "ms", "≤ 3 ms");
        report.add(FIGURE_3, "save sent to a → frame at a client on b: p99", Spread.of(crossP99), "ms", "≤ 8 ms");
        report.add(FIGURE_3, "save sent to a → frame at a client on b: p99.9 (all samples)",
                Stats.percentile(crossInstance, 99.9), "ms", null);
        report.add(FIGURE_3, "same instance (frame at a client on a): p50", Spread.of(sameP50), "ms", null);
        report.add(FIGURE_3, "same instance (frame at a client on a): p99", Spread.of(sameP99), "ms", null);
        report.add(FIGURE_3, "the cluster's share (frame on b − frame on a, same event): p50", Spread.of(hopP50), "ms", null);
        report.add(FIGURE_3, "the cluster's share (frame on b − frame on a, same event): p99", Spread.of(hopP99), "ms", null);
        report.add(FIGURE_3, "save request's response time: p50", Spread.of(responseP50), "ms", null);
        report.add(FIGURE_3, "Redis PUBLISH → message floor: p50", Spread.of(floorP50), "ms", null);
        report.add(FIGURE_3, "Redis PUBLISH → message floor: p99", Spread.of(floorP99), "ms", null);
        report.add(FIGURE_3, "PostgreSQL INSERT + COMMIT floor (JDBC from the load client): p50", Spread.of(commitP50), "ms", null);
        report.add(FIGURE_3, "PostgreSQL INSERT + COMMIT floor (JDBC from the load client): p99", Spread.of(commitP99), "ms", null);
        report.add(FIGURE_3, "events not delivered (of " + 2 * settings.rounds() * settings.latencySamples() + ")", missing, "", "0");
        report.setting("latency", settings.rounds() + " rounds of " + settings.latencySamples()
                + " comments saved one after another through the JSON API on a; one client on a and one on b");
        if (peer != null) {
            compareSaveToFrame();
        }
    }

    /**
     * A note saved on one instance → its frame at a client of the other, on both sides alike (the
     * peer has no comments, so Notes saves notes here too): Notes' edit form on a, a client on b
     * subscribed to the home topic; the peer's form on its first instance, a client on its second.
     * Each from the moment the POST is sent; rounds of Notes and the peer in turn.
     */
    private void compareSaveToFrame() {
        String notesKey = seedKey(3);
        String peerKey = PeerSeed.key(3);
        List<Double> notesP50 = new ArrayList<>();
        List<Double> notesP99 = new ArrayList<>();
        List<Double> peerP50 = new ArrayList<>();
        List<Double> peerP99 = new ArrayList<>();
        long missing = 0;
        try (LiveLoad onB = LiveLoad.open(List.of(b.baseUri()), 1, List.of("home"));
                LiveLoad onPeer = LiveLoad.open(List.of(peer.second().baseUri()), 1, List.of())) {
            for (int round = 0; round < settings.rounds(); round++) {
                List<Double> notes = new ArrayList<>();
                List<Double> peers = new ArrayList<>();
                for (int i = 0; i < settings.latencySamples(); i++) {
                    String marker = "bench-note-save-" + round + "-" + i + "-" + run;
                    WebClient.Form form = writer.get("/note/edit?key=" + notesKey).form("noteForm").set("title", marker);
                    long sent = System.nanoTime();
                    expect(form.pressRaw("save").isRedirect(), "saving note " + notesKey + " for the latency failed");
                    List<Double> arrived = onB.awaitEverywhere(marker, sent, Duration.ofSeconds(10));
                    missing += 1 - arrived.size();
                    notes.addAll(arrived);
                    onB.forget(marker);
                }
                for (int i = 0; i < settings.latencySamples(); i++) {
                    String marker = "bench-peer-save-" + round + "-" + i + "-" + run;
                    SpringPeer.Save save = peer.first().save(peerCookies.get(0), peerKey, marker, PeerSeed.BODY);
                    List<Double> arrived = onPeer.awaitEverywhere(marker, save.sentNanos(), Duration.ofSeconds(10));
                    missing += 1 - arrived.size();
                    peers.addAll(arrived);
                    onPeer.forget(marker);
                }
                notesP50.add(Stats.percentile(notes, 50));
                notesP99.add(Stats.percentile(notes, 99));
                peerP50.add(Stats.percentile(peers, 50));
                peerP99.add(Stats.percentile(peers, 99));
            }
        }
        lostEvents += missing;
        String remark = "a note saved by its form on one instance (Notes: a, the peer: its first), the frame at a client"
                + " of the other; rounds: " + settings.rounds() + ", each of " + settings.latencySamples() + " saves";
        comparison.add("note saved on one instance → frame on the other: p50", Spread.of(notesP50), Spread.of(peerP50),
                "ms", Better.LOWER, remark);
        comparison.add("note saved on one instance → frame on the other: p99", Spread.of(notesP99), Spread.of(peerP99),
                "ms", Better.LOWER, remark);
    }

    /**
     * The floor under any save: one row inserted and committed (the commit waits for the WAL to
     * reach the disk) from a plain JDBC connection, {@code samples} times one after another.
     */
    private List<Double> postgresCommitFloor(int samples) {
        List<Double> millis = new ArrayList<>(samples);
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_commit_floor (id BIGSERIAL PRIMARY KEY, sample INT NOT NULL)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_commit_floor (sample) VALUES (?)")) {
                for (int i = 0; i < samples; i++) {
                    long start = System.nanoTime();
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    connection.commit();
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            ddl.execute("DROP TABLE bench_commit_floor");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot measure PostgreSQL's commit floor", e);
        }
        return millis;
    }

    // --- figure 4: one change, every client

    private void fanOut() {
        WebClient writerOnB = new WebClient(b.baseUri());
        writerOnB.copyCookiesFrom(writer);
        for (int clients : settings.fanOutClients()) {
            long before = rss(a) + rss(b);
            long connectStart = System.nanoTime();
            List<Double> p99 = new ArrayList<>();
            try (LiveLoad load = LiveLoad.open(List.of(a.baseUri(), b.baseUri()), clients, List.of("home"))) {
                double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
                pause(Duration.ofSeconds(2));
                long after = rss(a) + rss(b);
                List<Double> first = new ArrayList<>();
                List<Double> p50 = new ArrayList<>();
                List<Double> max = new ArrayList<>();
                for (int round = 0; round < settings.fanOutRounds(); round++) {
                    List<Double> latencies = fanOutRound(load, Integer.toString(clients), clients, round,
                            round % 2 == 0 ? writer : writerOnB);
                    first.add(Stats.min(latencies));
                    p50.add(Stats.percentile(latencies, 50));
                    p99.add(Stats.percentile(latencies, 99));
                    max.add(Stats.max(latencies));
                }
                if (clients == settings.fanOutClients().get(0)) {
                    // As many more rounds again, profiled: one round alone gives the sampler too little.
                    Profile server = Profile.start(a, "fan-out", profiles);
                    Profile client = Profile.startHere("fan-out-client", profiles);
                    for (int round = settings.fanOutRounds(); round < 2 * settings.fanOutRounds(); round++) {
                        fanOutRound(load, Integer.toString(clients), clients, round, writer);
                    }
                    String scenario = String.format(Locale.ROOT, "%d more changes, each reaching %,d clients (half of them"
                            + " on a), saved through a", settings.fanOutRounds(), clients);
                    report.profile(server.stop(scenario + ": instance a"));
                    report.profile(client.stop(scenario + ": the load client's JVM, which reads every socket"));
                }
                failedRequests += load.errors();
                String name = String.format("%,d clients over a and b", clients);
                report.add(FIGURE_4, name + ": first client", Spread.of(first), "ms", null);
                report.add(FIGURE_4, name + ": p50", Spread.of(p50), "ms", null);
                report.add(FIGURE_4, name + ": p99", Spread.of(p99), "ms", clients == 2000 ? "≤ 100 ms" : null);
                report.add(FIGURE_4, name + ": max", Spread.of(max), "ms", null);
                report.add(FIGURE_4, name + ": time to connect and subscribe all", connectSeconds, "s", null);
                report.add(FIGURE_4, name + ": resident memory per connection (both instances)",
                        (after - before) / 1024.0 / clients, "KiB", null);
            }
            if (peer != null && clients == settings.fanOutClients().get(0)) {
                compareFanOut(clients, Spread.of(p99));
            }
        }
        report.setting("fan-out", settings.fanOutRounds() + " rounds per size; one new note per round, saved"
                + " alternately through a and b; clients subscribed to the home topic, half on each instance");
    }

    /**
     * The same fan-out on the peer, after Notes' sockets have closed: as many sockets, half on each
     * instance, and as many rounds, each a new note saved alternately through either instance.
     */
    private void compareFanOut(int clients, Spread notesP99) {
        List<Double> p99 = new ArrayList<>();
        try (LiveLoad load = LiveLoad.open(peer.baseUris(), clients, List.of())) {
            pause(Duration.ofSeconds(2));
            for (int round = 0; round < settings.fanOutRounds(); round++) {
                String marker = "bench-peer-fanout-" + clients + "-" + round + "-" + run;
                SpringPeer.Instance through = round % 2 == 0 ? peer.first() : peer.second();
                SpringPeer.Save save = through.save(peerCookies.get(0), "f" + clients + "-" + round + "-" + run, marker, "");
                List<Double> latencies = load.awaitEverywhere(marker, save.sentNanos(), Duration.ofSeconds(30));
                lostEvents += clients - latencies.size();
                duplicateEvents += load.duplicates(marker);
                load.forget(marker);
                p99.add(Stats.percentile(latencies, 99));
                pause(Duration.ofMillis(500));
            }
            failedRequests += load.errors();
        }
        comparison.add(String.format("fan-out to %,d sockets over both instances: p99", clients), notesP99, Spread.of(p99),
                "ms", Better.LOWER, settings.fanOutRounds() + " rounds, each a new note saved alternately through either"
                        + " instance; Notes' clients subscribed to the home topic, the peer's get every change unasked");
    }

    /**
     * One new note, saved through the given client; how long each live client took to see it. The
     * series names the note apart from other scenarios' rounds.
     */
    private List<Double> fanOutRound(LiveLoad load, String series, int clients, int round, WebClient through) {
        String marker = "bench-fanout-" + series + "-" + round + "-" + run;
        Page form = through.get("/note/add");
        WebClient.Form filled = form.form("noteForm").set("key", "f" + series + "-" + round + "-" + run)
                .set("title", marker).set("body", "");
        long start = System.nanoTime();
        filled.press("save");
        List<Double> latencies = load.awaitEverywhere(marker, start, Duration.ofSeconds(30));
        lostEvents += clients - latencies.size();
        duplicateEvents += load.duplicates(marker);
        load.forget(marker);
        pause(Duration.ofMillis(500));
        return latencies;
    }

    // --- figure 5: start, and memory idle and with live clients

    private void footprint() {
        single.stop();
        long start = System.nanoTime();
        single.start();
        double restart = (System.nanoTime() - start) / 1e9;
        report.add(FIGURE_5, "start to ready, restart", restart, "s", "≤ 8 s");
        pause(Duration.ofSeconds(5));
        double idle = rss(single) / 1024.0 / 1024;
        report.add(FIGURE_5, "resident memory, idle after start", idle, "MiB", null);
        new WebClient(single.baseUri()).get("/");
        double withClients;
        try (LiveLoad load = LiveLoad.open(List.of(single.baseUri()), settings.footprintClients(), List.of("home"))) {
            pause(Duration.ofSeconds(2));
            withClients = rss(single) / 1024.0 / 1024;
            report.add(FIGURE_5, String.format("resident memory with %,d live clients", load.size()), withClients, "MiB",
                    "≤ 300 MiB");
        }
        if (peer != null) {
            compareFootprint(restart, idle, withClients);
        }
        profileStartAndMemory();
        report.setting("JVM", "servers: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " with liberty/config/jvm.options, as the container image: " + String.join(" ", jvmOptions()));
    }

    /**
     * The same on the peer's first instance: restarted (its database and Redis as they are, like
     * Notes' single), idle for as long, then with as many live sockets.
     */
    private void compareFootprint(double notesRestart, double notesIdle, double notesWithClients) {
        peer.first().stop();
        double restart = peer.first().start();
        pause(Duration.ofSeconds(5));
        double idle = rss(peer.first().pid()) / 1024.0 / 1024;
        double withClients;
        try (LiveLoad load = LiveLoad.open(List.of(peer.first().baseUri()), settings.footprintClients(), List.of())) {
            pause(Duration.ofSeconds(2));
            withClients = rss(peer.first().pid()) / 1024.0 / 1024;
            failedRequests += load.errors();
        }
        String instances = "Notes' instance single (Derby sessions), the peer's first instance";
        comparison.add("start, restart (Notes: to ready, the peer: to the first 200 on GET /)", Spread.single(notesRestart),
                Spread.single(restart), "s", Better.LOWER, instances);
        comparison.add("resident memory, idle after the restart", Spread.single(notesIdle), Spread.single(idle), "MiB",
                Better.LOWER, instances);
        comparison.add(String.format("resident memory with %,d live sockets", settings.footprintClients()),
                Spread.single(notesWithClients), Spread.single(withClients), "MiB", Better.LOWER, instances
                        + "; Notes' clients subscribed to the home topic");
    }

    /**
     * Once more, not counted in the figures: a start recorded from its first moment, and the memory
     * with live clients by the JVM's own categories (tracking them costs a little memory itself).
     */
    private void profileStartAndMemory() {
        single.stop();
        single.setting("JVM_ARGS", Profile.startupRecordingOptions("start", profiles) + " -XX:NativeMemoryTracking=summary");
        long start = System.nanoTime();
        single.start();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.profile(Profile.attach(single, "start", profiles).stop(String.format(Locale.ROOT,
                "start of instance single, to ready in %.1f s while recorded", seconds)));
        try (LiveLoad load = LiveLoad.open(List.of(single.baseUri()), settings.footprintClients(), List.of("home"))) {
            pause(Duration.ofSeconds(2));
            List<List<String>> rows = Profile.nativeMemory(single).stream()
                    .map(category -> List.of(category.name(), Report.number(category.value()) + " MiB")).toList();
            report.table(new Report.Table(String.format(Locale.ROOT, "Memory of instance single with %,d live clients"
                    + " (%,.0f MiB resident), by the JVM's Native Memory Tracking; \"Tracing\" (the recorder's buffers) and"
                    + " \"Native Memory Tracking\" itself are there only while profiling", load.size(), rss(single) / 1024.0 / 1024),
                    List.of("category", "committed"), rows));
        }
        single.setting("JVM_ARGS", null);
    }

    /** The options of the template server's jvm.options (copied from liberty/config), comments left out. */
    private static List<String> jvmOptions() {
        Path file = Path.of(System.getProperty("notes.wlp.home"), "usr/servers/notes/jvm.options");
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()
                    : List.of("(none)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- figure 6: minutes of mixed traffic

    private void soak() {
        String key = "soak-" + run;
        createNote(writer, key, "Soak target");
        WebClient writerOnB = new WebClient(b.baseUri());
        writerOnB.copyCookiesFrom(writer);
        HttpClient readers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> markers = new ArrayList<>();
        List<Double> rssA = new ArrayList<>();
        List<Double> rssB = new ArrayList<>();
        long errors = 0;
        long requests = 0;
        int clients = 2 * settings.soakClientsPerInstance();
        try (LiveLoad load = LiveLoad.open(List.of(a.baseUri(), b.baseUri()), clients, List.of("home", "note:" + key))) {
            long deadline = System.nanoTime() + settings.soak().toNanos();
            long maxTicks = settings.soak().toSeconds() * 5 + 5;
            long nextSample = 0;
            for (long tick = 0; tick < maxTicks && System.nanoTime() < deadline; tick++) {
                long tickStart = System.nanoTime();
                LibertyServer reading = tick % 2 == 0 ? a : b;
                for (String path : List.of("/", "/note/view?key=" + key, "/note/view?key=" + notePageKey, "/")) {
                    requests++;
                    if (send(readers, HttpRequest.newBuilder(reading.uri(path))).statusCode() != 200) {
                        errors++;
                    }
                }
                String marker = "bench-soak-" + tick;
                requests++;
                if (!postComment(tick % 2 == 0 ? writerOnB : writer, key, marker)) {
                    errors++;
                } else {
                    markers.add(marker);
                }
                if (tick % 25 == 0) {
                    requests++;
                    createNote(tick % 50 == 0 ? writer : writerOnB, "s" + tick + "-" + run, "Soak note " + tick);
                }
                if (tickStart >= nextSample) {
                    rssA.add(rss(a) / 1024.0 / 1024);
                    rssB.add(rss(b) / 1024.0 / 1024);
                    nextSample = tickStart + Duration.ofSeconds(10).toNanos();
                }
                pause(Duration.ofNanos(Math.max(0, 200_000_000 - (System.nanoTime() - tickStart))));
            }
            long lost = 0;
            long duplicated = 0;
            for (String marker : markers) {
                lost += clients - load.awaitEverywhere(marker, System.nanoTime(), Duration.ofSeconds(10)).size();
                duplicated += load.duplicates(marker);
            }
            errors += load.errors();
            lostEvents += lost;
            duplicateEvents += duplicated;
            failedRequests += errors;
            report.add(FIGURE_6, "requests and WebSocket failures (of " + requests + " requests)", errors, "", "0");
            report.add(FIGURE_6, "live events lost (of " + (long) markers.size() * clients + " expected)", lost, "", "0");
            report.add(FIGURE_6, "live events duplicated", duplicated, "", "0");
        }
        int window = Math.max(1, Math.min(6, rssA.size() / 2));
        report.add(FIGURE_6, "resident memory of a: first minute", Stats.mean(firstOf(rssA, window)), "MiB", null);
        report.add(FIGURE_6, "resident memory of a: last minute", Stats.mean(lastOf(rssA, window)), "MiB", "flat");
        report.add(FIGURE_6, "resident memory of b: first minute", Stats.mean(firstOf(rssB, window)), "MiB", null);
        report.add(FIGURE_6, "resident memory of b: last minute", Stats.mean(lastOf(rssB, window)), "MiB", "flat");
        report.setting("soak", settings.soak().toSeconds() + " s; every 200 ms: 4 anonymous page views and a comment,"
                + " alternating instances; a new note every 5 s; " + clients + " live clients on home and the note");
    }

    private static double[] firstOf(List<Double> samples, int count) {
        return Stats.toArray(samples.subList(0, Math.min(count, samples.size())));
    }

    private static double[] lastOf(List<Double> samples, int count) {
        return Stats.toArray(samples.subList(Math.max(0, samples.size() - count), samples.size()));
    }

    // --- figure 7: the logged-in page for normal users, alone and while an attacker storms the login and /live

    /** One round of the normal users' load: what wrk measured, and the CPU the server and this JVM used meanwhile. */
    private record NormalLoad(Wrk.Result wrk, double serverCpuPercent, double clientCpuPercent, Attacker.Tally attack) {
    }

    private void hostileLoad() {
        if (!wrkInstalled("Normal users under attack")) {
            return;
        }
        String victim = Accounts.register(a, "victim");
        int connections = settings.concurrencies().get(0);
        Duration ramp = Duration.ofSeconds(Math.min(2, settings.round().toSeconds()));
        Duration lifetime = settings.warmUp().plus(settings.round()).plus(ramp).plusSeconds(60);
        long warmUpErrors = Wrk.run(a.uri("/"), connections, settings.warmUp(), readerCookies).errors();
        try (Attacker attacker = attack(victim, lifetime)) {
            pause(ramp);
            warmUpErrors += Wrk.run(a.uri("/"), connections, settings.warmUp(), readerCookies).errors();
        }
        pause(ramp);
        List<NormalLoad> alone = new ArrayList<>();
        List<NormalLoad> attacked = new ArrayList<>();
        List<Attacker.Tally> lifetimes = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            // Alternating which goes first, so that a drift of the machine weighs on both alike.
            for (boolean underAttack : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                if (underAttack) {
                    Attacker attacker = attack(victim, lifetime);
                    try {
                        pause(ramp);
                        attacked.add(normalLoad(connections, attacker));
                    } finally {
                        attacker.close();
                    }
                    lifetimes.add(attacker.tally());
                    attackerAnswers += attacker.tally().answers();
                    // What the server still does for the attacker's last frames is not the next round's.
                    pause(ramp);
                } else {
                    alone.add(normalLoad(connections, null));
                }
            }
        }
        String page = "logged-in GET /, c=" + connections;
        report.add(FIGURE_7, page + ", alone: throughput", spread(alone, n -> n.wrk().requestsPerSecond()), "req/s", null);
        report.add(FIGURE_7, page + ", under attack: throughput", spread(attacked, n -> n.wrk().requestsPerSecond()),
                "req/s", null);
        report.add(FIGURE_7, "throughput kept under attack (÷ alone, round by round)",
                ratios(attacked, alone, n -> n.wrk().requestsPerSecond()), "×", "≥ 0.8");
        // A round in which no request completed has no latency (wrk says 0): it is counted instead.
        ToDoubleFunction<NormalLoad> p99 = n -> n.wrk().requests() > 0 ? n.wrk().p99Millis() : Double.NaN;
        ToDoubleFunction<NormalLoad> p50 = n -> n.wrk().requests() > 0 ? n.wrk().p50Millis() : Double.NaN;
        report.add(FIGURE_7, "rounds in which no normal request completed, alone",
                alone.stream().filter(n -> n.wrk().requests() == 0).count(), "", "0");
        report.add(FIGURE_7, "rounds in which no normal request completed, under attack",
                attacked.stream().filter(n -> n.wrk().requests() == 0).count(), "", "0");
        addIfMeasured(FIGURE_7, page + ", alone: p99", spread(alone, p99), "ms", null);
        addIfMeasured(FIGURE_7, page + ", under attack: p99", spread(attacked, p99), "ms", null);
        addIfMeasured(FIGURE_7, "p99 under attack ÷ alone (round by round)", ratios(attacked, alone, p99), "×", "< 3");
        addIfMeasured(FIGURE_7, page + ", alone: p50", spread(alone, p50), "ms", null);
        addIfMeasured(FIGURE_7, page + ", under attack: p50", spread(attacked, p50), "ms", null);
        long normalErrors = warmUpErrors + attacked.stream().mapToLong(n -> n.wrk().errors()).sum()
                + alone.stream().mapToLong(n -> n.wrk().errors()).sum();
        failedRequests += normalErrors;
        report.add(FIGURE_7, "normal users' failed requests and timeouts (warm-ups and rounds, alone and under attack)",
                normalErrors, "", "0");
        report.add(FIGURE_7, "attacker: login attempts answered",
                spread(attacked, n -> n.attack().perSecond(Attacker.LOGINS_ANSWERED)), "/s", null);
        report.add(FIGURE_7, "attacker: subscribe frames sent",
                spread(attacked, n -> n.attack().perSecond(Attacker.FRAMES_SENT)), "/s", null);
        report.add(FIGURE_7, "attacker: live data received",
                spread(attacked, n -> n.attack().perSecond(Attacker.CHARACTERS_RECEIVED) / 1e6), "M chars/s", null);
        report.add(FIGURE_7, "instance a's CPU, alone", spread(alone, NormalLoad::serverCpuPercent), "% of machine", null);
        report.add(FIGURE_7, "instance a's CPU, under attack", spread(attacked, NormalLoad::serverCpuPercent),
                "% of machine", null);
        report.add(FIGURE_7, "load client's JVM CPU (the attacker's share of the machine), under attack",
                spread(attacked, NormalLoad::clientCpuPercent), "% of machine", null);
        // Every kind of answer the attacker got at all, counted during the measured rounds.
        lifetimes.stream().flatMap(tally -> tally.counts().keySet().stream()).distinct().sorted()
                .filter(kind -> !List.of(Attacker.CHARACTERS_RECEIVED, Attacker.LOGINS_ANSWERED, Attacker.FRAMES_SENT)
                        .contains(kind))
                .forEach(kind -> report.add(FIGURE_7, "attacker's answers per round: " + kind,
                        spread(attacked, n -> (double) n.attack().count(kind)), "", null));
        report.setting("attack", String.format(Locale.ROOT, "from %s (X-Forwarded-For; the servers trust 127.0.0.1 as a"
                + " proxy): %d login POSTs in flight, the form's view state fetched once and replayed, wrong passwords"
                + " for one account and made-up ones; %d WebSocket connections on /live sending %,d-byte subscribe frames"
                + " (\"home\" repeated) one after the other, reconnecting when closed; normal users from 127.0.0.1, %d"
                + " sessions in turn; warm-up %d s alone and %d s under attack, then %d rounds of %d s alone and %d s under"
                + " attack, alternating which goes first", Attacker.ADDRESS, settings.attackLogins(), settings.attackSockets(),
                Attacker.subscribeFrame().length(), readerCookies.size(), settings.warmUp().toSeconds(),
                settings.warmUp().toSeconds(), settings.rounds(), settings.round().toSeconds(), settings.round().toSeconds()));
    }

    /** A figure, unless no round measured it (a latency when no request completed). */
    private void addIfMeasured(String section, String name, Spread value, String unit, String goal) {
        if (value.rounds() > 0) {
            report.add(section, name, value, unit, goal);
        }
    }

    private Attacker attack(String victim, Duration lifetime) {
        return Attacker.start(a.baseUri(), victim, settings.attackLogins(), settings.attackSockets(), lifetime);
    }

    /** One wrk round of the normal users on a; with an attacker, what it did during that round. */
    private NormalLoad normalLoad(int connections, Attacker attacker) {
        long server = a.pid();
        long client = ProcessHandle.current().pid();
        double serverStart = cpuSeconds(server);
        double clientStart = cpuSeconds(client);
        Attacker.Tally before = attacker == null ? null : attacker.tally();
        long start = System.nanoTime();
        Wrk.Result result = Wrk.run(a.uri("/"), connections, settings.round(), readerCookies);
        double machineSeconds = (System.nanoTime() - start) / 1e9 * Runtime.getRuntime().availableProcessors();
        Attacker.Tally during = attacker == null ? null : attacker.tally().since(before);
        return new NormalLoad(result, 100 * (cpuSeconds(server) - serverStart) / machineSeconds,
                100 * (cpuSeconds(client) - clientStart) / machineSeconds, during);
    }

    // --- scale: the same load over 1, 2 and 4 instances

    /** The page load over some instances: its throughput by round, and what it cost in all. */
    private record ScaledPages(Spread throughput, ScaleCost cost) {
    }

    /**
     * Changes reaching live clients over some instances: the p99 by change, Redis's work per change,
     * and the CPU all four instances spent per change (the save included).
     */
    private record ScaledChanges(Spread p99, double redisCommands, double redisBytes, double serverCpuMillis) {
    }

    /**
     * Two more instances, c and d, like a and b; then the same page load and the same changes over
     * the first 1, 2 and 4 of a, b, c, d, one row each. c and d are stopped at the end.
     */
    private void scale() {
        if (!wrkInstalled("Scale")) {
            return;
        }
        LibertyServer c = LibertyServer.withPostgres("notes-bench-c", database, clustered);
        LibertyServer d = LibertyServer.withPostgres("notes-bench-d", database, clustered);
        servers.add(c);
        servers.add(d);
        try {
            c.start();
            d.start();
            List<LibertyServer> all = List.of(a, b, c, d);
            Map<LibertyServer, List<String>> cookies = new HashMap<>();
            cookies.put(a, readerCookies);
            for (LibertyServer server : all.subList(1, all.size())) {
                cookies.put(server, sessions(server, writerName));
            }
            List<List<String>> rows = new ArrayList<>();
            Map<Integer, ScaledPages> pagesByInstances = new HashMap<>();
            ScaledChanges changesOverOne = null;
            try (RedisProbe probe = new RedisProbe(redisPort);
                    Connection postgres = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                RedisTraffic idle = RedisTraffic.measure(probe, () -> pause(Duration.ofSeconds(2)));
                for (int instances : List.of(1, 2, 4)) {
                    phase("scale over " + instances);
                    List<LibertyServer> serving = all.subList(0, instances);
                    ScaledPages pages = scaledPages(serving, cookies, probe, postgres, idle);
                    ScaledChanges changes = scaledChanges(serving, all, probe, idle);
                    rows.add(scaleRow(serving, pages, changes));
                    pagesByInstances.put(instances, pages);
                    if (instances == 1) {
                        changesOverOne = changes;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read PostgreSQL's statistics", e);
            }
            report.section(String.format(Locale.ROOT, "The same load spread over the first 1, 2 and 4 of the clustered"
                    + " instances a, b, c, d (all four running throughout, on one Redis and one PostgreSQL): logged-in"
                    + " `GET /`, wrk with %d connections in all, divided among one wrk per instance running at once,"
                    + " each with its own instance's %d logged-in sessions; a warm-up of %d s, then %d rounds of %d s."
                    + " Per request: the deltas of Redis's `INFO stats` (total_commands_processed, total_net_input_bytes"
                    + " + total_net_output_bytes; used_cpu_user + used_cpu_sys), of `pg_stat_database` for the benchmark's database (xact_commit;"
                    + " tup_returned + tup_fetched) and of utime + stime in `/proc/<pid>/stat` summed over the serving"
                    + " JVMs, over all rounds ÷ their requests; Redis's counts less what it does while the instances"
                    + " are idle (Redisson's pings of all four, measured for 2 s first), pro rata (PostgreSQL publishes"
                    + " a backend's statistics late, at most about once a second and an idle backend's later, so a round may count part of the one"
                    + " before and miss the end of its own: longer rounds blur less). Resident memory after the load."
                    + " Then %d changes, each a new note saved through a with %d live clients subscribed to `home`,"
                    + " spread over the serving instances: Redis's work per change (less its idle traffic, pro rata)"
                    + " and the p99 of save → frame, the median over the changes. Redis carries every change to all"
                    + " four instances whichever serve the clients.", SCALE_CONNECTIONS, settings.loggedInSessions(),
                    settings.warmUp().toSeconds(), settings.rounds(), settings.round().toSeconds(),
                    settings.fanOutRounds(), settings.scaleLiveClients()),
                    new Report.Table(SCALE_SECTION, List.of("instances", "GET / throughput, req/s (min–max)",
                            "Redis commands / request", "Redis bytes / request", "Redis CPU / request, µs",
                            "PostgreSQL transactions / request",
                            "PostgreSQL rows read / request", "server CPU / request, ms", "resident memory per instance, MiB",
                            "Redis commands / change", "Redis bytes / change", "fan-out p99, ms (min–max)"), rows));
            reportCapacityModel(pagesByInstances, changesOverOne, all.size());
        } finally {
            c.stop();
            d.stop();
        }
    }

    /**
     * docs/capacity.md's model with this run's costs: its per-request costs, taken from the load over
     * one instance, beside what the loads over two and four measured; and what the issue's 100,000
     * users would need at those costs.
     */
    private void reportCapacityModel(Map<Integer, ScaledPages> pagesByInstances, ScaledChanges changesOverOne,
            int instancesSubscribed) {
        CapacityModel.UnitCosts units = CapacityModel.UnitCosts.of(pagesByInstances.get(1).cost(),
                changesOverOne.redisBytes(), instancesSubscribed, changesOverOne.serverCpuMillis(),
                settings.scaleLiveClients());
        List<List<String>> predictions = new ArrayList<>();
        for (int instances : List.of(2, 4)) {
            for (CapacityModel.Prediction prediction : CapacityModel.predict(units, pagesByInstances.get(instances).cost())) {
                predictions.add(List.of(Integer.toString(instances), prediction.figure(), Report.number(prediction.model()),
                        Report.number(prediction.measured()), Report.number(prediction.measuredOverModel()) + " ×"));
            }
        }
        report.section("The capacity model of docs/capacity.md predicts that a logged-in view costs the same whichever"
                + " and however many instances serve it (no instance keeps anything another one needs): its figures are"
                + " those the load over one instance measured above, beside what the loads over two and four measured."
                + " Server CPU per request is the exception on this machine, where every instance added shares the same"
                + " two cores.", new Report.Table("Scale: the capacity model beside the measurements",
                List.of("instances", "figure", "model", "measured", "measured ÷ model"), predictions));
        CapacityModel.Workload workload = CapacityModel.Workload.ISSUE;
        report.section(String.format(Locale.ROOT, "What %,d concurrent logged-in users would need at this run's costs"
                + " (those of the load over one instance; CPU per frame: all four instances' CPU over the changes ÷ the"
                + " frames delivered, the saves' own work included): each reads a page every %.0f s, %.0f %% of them save"
                + " a change every %.0f s, %.0f %% are on the home page, whose topic every note change reaches.",
                workload.users(), workload.secondsBetweenViews(), workload.editingShare() * 100,
                workload.secondsBetweenSaves(), workload.homeShare() * 100),
                new Report.Table("Scale: what 100,000 users would need", List.of("figure", "arithmetic", "result"),
                        CapacityModel.sizing(units, workload)));
    }

    /** The page load over the serving instances: a warm-up, then the rounds, the counters read around each. */
    private ScaledPages scaledPages(List<LibertyServer> serving, Map<LibertyServer, List<String>> cookies,
            RedisProbe probe, Connection postgres, RedisTraffic idle) {
        concurrentWrk(serving, cookies, settings.warmUp());
        List<Long> pids = serving.stream().map(LibertyServer::pid).toList();
        List<Double> throughput = new ArrayList<>();
        List<ScaleCost> rounds = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            ScaleCost.Counters before = ScaleCost.Counters.read(probe, postgres, pids);
            long start = System.nanoTime();
            List<Wrk.Result> results = concurrentWrk(serving, cookies, settings.round());
            double seconds = (System.nanoTime() - start) / 1e9;
            ScaleCost.Counters after = ScaleCost.Counters.read(probe, postgres, pids);
            rounds.add(after.since(before, results.stream().mapToLong(Wrk.Result::requests).sum()).lessRedisIdle(
                    idle.commands() / idle.seconds(), idle.bytesIn() / idle.seconds(), idle.bytesOut() / idle.seconds(),
                    seconds));
            throughput.add(results.stream().mapToDouble(Wrk.Result::requestsPerSecond).sum());
        }
        return new ScaledPages(Spread.of(throughput), ScaleCost.sum(rounds));
    }

    /** One wrk per instance, all at once, the connections divided among them, each with its instance's sessions. */
    private List<Wrk.Result> concurrentWrk(List<LibertyServer> serving, Map<LibertyServer, List<String>> cookies,
            Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(serving.size());
        try {
            List<Future<Wrk.Result>> running = serving.stream().map(server -> pool.submit(() ->
                    Wrk.run(server.uri("/"), SCALE_CONNECTIONS / serving.size(), duration, cookies.get(server)))).toList();
            List<Wrk.Result> results = new ArrayList<>();
            for (Future<Wrk.Result> wrk : running) {
                Wrk.Result result = wrk.get(duration.toSeconds() + 90, TimeUnit.SECONDS);
                failedRequests += result.errors();
                results.add(result);
            }
            return results;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("wrk over " + serving.size() + " instances failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** New notes saved through a, each reaching live clients spread over the serving instances. */
    private ScaledChanges scaledChanges(List<LibertyServer> serving, List<LibertyServer> all, RedisProbe probe,
            RedisTraffic idle) {
        int clients = settings.scaleLiveClients();
        List<Long> pids = all.stream().map(LibertyServer::pid).toList();
        List<Double> p99 = new ArrayList<>();
        double commands = 0;
        double bytes = 0;
        double cpuSeconds = 0;
        try (LiveLoad load = LiveLoad.open(serving.stream().map(LibertyServer::baseUri).toList(), clients,
                List.of("home"))) {
            for (int round = 0; round < settings.fanOutRounds(); round++) {
                int change = round;
                List<Double> latencies = new ArrayList<>();
                double cpuBefore = ProcessCpu.seconds(pids);
                RedisTraffic traffic = RedisTraffic.measure(probe, () -> latencies.addAll(
                        fanOutRound(load, "scale" + serving.size(), clients, change, writer))).minusIdle(idle);
                cpuSeconds += ProcessCpu.seconds(pids) - cpuBefore;
                commands += traffic.commands();
                bytes += traffic.bytesIn() + traffic.bytesOut();
                p99.add(Stats.percentile(latencies, 99));
            }
            failedRequests += load.errors();
        }
        int changes = settings.fanOutRounds();
        return new ScaledChanges(Spread.of(p99), commands / changes, bytes / changes, cpuSeconds * 1000 / changes);
    }

    private List<String> scaleRow(List<LibertyServer> serving, ScaledPages pages, ScaledChanges changes) {
        ScaleCost cost = pages.cost();
        String memory = String.join(", ", serving.stream()
                .map(server -> server.name().replace("notes-bench-", "") + " " + Report.number(rss(server) / 1024.0 / 1024))
                .toList());
        return List.of(Integer.toString(serving.size()), withRange(pages.throughput()),
                Report.number(cost.perRequest(cost.redisCommands())), Report.number(cost.redisBytesPerRequest()),
                Report.number(cost.redisCpuMicrosPerRequest()), Report.number(cost.perRequest(cost.postgresTransactions())),
                Report.number(cost.perRequest(cost.postgresRowsReturned() + cost.postgresRowsFetched())),
                Report.number(cost.serverCpuMillisPerRequest()), memory, Report.number(changes.redisCommands()),
                Report.number(changes.redisBytes()), withRange(changes.p99()));
    }

    private static String withRange(Spread spread) {
        return Report.number(spread.median()) + " (" + Report.number(spread.min()) + "–" + Report.number(spread.max()) + ")";
    }

    private static Spread spread(List<NormalLoad> rounds, ToDoubleFunction<NormalLoad> figure) {
        return Spread.of(rounds.stream().map(figure::applyAsDouble).toList());
    }

    /** Round by round: the attacked round's figure ÷ the same round's figure alone. */
    private static Spread ratios(List<NormalLoad> attacked, List<NormalLoad> alone,
            ToDoubleFunction<NormalLoad> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(attacked.size(), alone.size()); round++) {
            ratios.add(figure.applyAsDouble(attacked.get(round)) / figure.applyAsDouble(alone.get(round)));
        }
        return Spread.of(ratios);
    }

    /** CPU time a process has used so far, in seconds (the kernel's count, read through ProcessHandle). */
    private static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
    }

    // --- figure 8: the same pages at the seed's size and on a database grown to thousands of notes

    /** What one size of the database gave: wrk's rounds by "page, c=connections", and sizes in bytes by figure. */
    private record SizeFigures(long notes, Map<String, List<Wrk.Result>> throughput, Map<String, Long> bytes) {
    }

    /**
     * The pages and snapshots whose cost may grow with the data, measured at the seed's size, then
     * again after the database has grown. Each page is the same both times: the note without
     * comments; the note page's note, topped up to a page of comments and more, then to thousands;
     * a search for a word only the seed's notes have (a page or two of results at both sizes) and
     * one for a word nearly every note has (ranked among at most 1,000 candidates at any size).
     */
    private void growth() {
        if (!wrkInstalled("Growth")) {
            return;
        }
        BulkNotes bulk = new BulkNotes(database);
        bulk.addComments(notePageKey, COMMENTS_AT_SEED_SIZE - settings.comments(), writerName);
        bulk.analyze();
        SizeFigures seeded = measureAtThisSize(bulk.notes());
        long start = System.nanoTime();
        grow(bulk);
        double growSeconds = (System.nanoTime() - start) / 1e9;
        SizeFigures grown = measureAtThisSize(bulk.notes());
        reportGrowth(seeded, grown);
        report.setting("growth", String.format(Locale.ROOT, "measured at %,d notes (the seed, with what earlier scenarios"
                + " added), then at %,d: notes and comments added by SQL in %.1f s, then ANALYZE; note without comments:"
                + " the seed's second; note with the most comments: the seed's first, with %d comments, then %,d;"
                + " searches: q=benchmark (in the seed's notes only), q=the (in almost all); anonymous, wrk c=%d,"
                + " warm-up %d s per page and size, %d rounds of %d s",
                seeded.notes(), grown.notes(), growSeconds, COMMENTS_AT_SEED_SIZE, settings.longThreadComments(),
                settings.concurrencies().get(0), settings.warmUp().toSeconds(), settings.rounds(),
                settings.round().toSeconds()));
    }

    /**
     * Adds notes up to the grown size and comments to the note page's note up to the long thread's
     * size, as one SQL statement each (the application would take the better part of an hour).
     */
    private void grow(BulkNotes bulk) {
        bulk.addNotes("g-" + run + "-", (int) Math.max(0, settings.grownNotes() - bulk.notes()), writerName);
        bulk.addComments(notePageKey, settings.longThreadComments() - COMMENTS_AT_SEED_SIZE, writerName);
        bulk.analyze();
    }

    private SizeFigures measureAtThisSize(long notes) {
        List<PageUnderLoad> pages = List.of(
                new PageUnderLoad(HOME_PAGE, a.uri("/"), List.of()),
                new PageUnderLoad(QUIET_NOTE_PAGE, a.uri("/note/view?key=" + seedKey(2)), List.of()),
                new PageUnderLoad(BUSIEST_NOTE_PAGE, a.uri("/note/view?key=" + notePageKey), List.of()),
                new PageUnderLoad(RARE_WORD_SEARCH, a.uri("/note/search?q=benchmark"), List.of()),
                new PageUnderLoad(COMMON_WORD_SEARCH, a.uri("/note/search?q=the"), List.of()));
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (PageUnderLoad page : pages) {
            bytes.put(page.name() + ": response bytes", responseBytes(page.url()));
        }
        bytes.put("home snapshot on /live: bytes", LiveLoad.snapshotBytes(a.baseUri(), "home"));
        bytes.put("note:<key> snapshot of the note with the most comments: bytes",
                LiveLoad.snapshotBytes(a.baseUri(), "note:" + notePageKey));
        return new SizeFigures(notes, warmUpAndMeasure(pages, List.of(settings.concurrencies().get(0))), bytes);
    }

    /** Each figure at the grown size right after the same at the seed's, then their ratio with the goal. */
    private void reportGrowth(SizeFigures seeded, SizeFigures grown) {
        String small = String.format(Locale.ROOT, "%,d notes", seeded.notes());
        String large = String.format(Locale.ROOT, "%,d notes", grown.notes());
        for (String page : List.of(HOME_PAGE, QUIET_NOTE_PAGE, BUSIEST_NOTE_PAGE, RARE_WORD_SEARCH, COMMON_WORD_SEARCH)) {
            String load = page + ", c=" + settings.concurrencies().get(0);
            String name = load + ": throughput";
            Spread before = throughput(seeded.throughput().get(load));
            Spread after = throughput(grown.throughput().get(load));
            report.add(FIGURE_8, name + " at " + small, before, "req/s", null);
            report.add(FIGURE_8, name + " at " + large, after, "req/s", null);
            report.add(FIGURE_8, name + ", " + large + " ÷ " + small, after.dividedBy(before), "×", "≥ 0.8");
        }
        for (String name : seeded.bytes().keySet()) {
            double before = seeded.bytes().get(name);
            double after = grown.bytes().get(name);
            report.add(FIGURE_8, name + " at " + small, before, "B", null);
            report.add(FIGURE_8, name + " at " + large, after, "B", null);
            report.add(FIGURE_8, name + ", " + large + " ÷ " + small, after / before, "×",
                    name.contains("most comments") ? "bounded (a page of comments, not all)" : "≈ 1 (independent of the note count)");
        }
    }

    /** The body an anonymous browser gets, uncompressed as wrk asks for it; anything but a 200 with a body fails the run. */
    private static long responseBytes(URI url) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> response = send(http, HttpRequest.newBuilder(url), HttpResponse.BodyHandlers.ofByteArray());
        expect(response.statusCode() == 200 && response.body().length > 0,
                url + " answered " + response.statusCode() + " with " + response.body().length + " bytes");
        return response.body().length;
    }

    // --- helpers

    /** Progress on the console: a full run takes about half an hour. */
    private void phase(String name) {
        System.out.printf("[bench %s] %s: %s%n", settings.mode(), Instant.now(), name);
    }

    private void describeMachine() {
        report.setting("date", Instant.now().toString());
        report.setting("mode", settings.mode() + " (bench/run: full; the build's smoke test: smoke)");
        report.setting("scenarios", String.join(", ", settings.scenarios()) + " (notes.bench.scenarios; all unless named)");
        report.setting("machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memTotal() + " RAM; load tools and servers share them");
        report.setting("Open Liberty", libertyVersion());
        report.setting("PostgreSQL", postgresVersion());
        report.setting("instances", "single: sessions in its embedded Derby; a and b: NOTES_CLUSTER=redis (sessionCache over Redisson)");
    }

    private static String cpuModel() {
        return firstLineStartingWith(Path.of("/proc/cpuinfo"), "model name").replaceFirst("model name\\s*:\\s*", "");
    }

    private static String memTotal() {
        String line = firstLineStartingWith(Path.of("/proc/meminfo"), "MemTotal:");
        try {
            return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024) + " GiB";
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private static String firstLineStartingWith(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String libertyVersion() {
        Path versions = Path.of(System.getProperty("notes.wlp.home"), "lib/versions/openliberty.properties");
        Properties properties = new Properties();
        try (var in = Files.newInputStream(versions)) {
            properties.load(in);
            return properties.getProperty("com.ibm.websphere.productVersion", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String postgresVersion() {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            return version.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Resident set size of a server's JVM, in bytes, from /proc. */
    private static long rss(LibertyServer server) {
        return rss(server.pid());
    }

    /** Resident set size of a process, in bytes, from /proc. */
    private static long rss(long pid) {
        String line = firstLineStartingWith(Path.of("/proc/" + pid + "/status"), "VmRSS:");
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }

    private static void createNote(WebClient client, String key, String title) {
        Page view = client.get("/note/add").form("noteForm").set("key", key).set("title", title).set("body", "").press("save");
        expect(view.path().equals("/note/view?key=" + key), "creating note " + key + " ended on " + view.path());
    }

    /** A comment through the JSON API, as the note page's script sends it; whether it was created. */
    private static boolean postComment(WebClient client, String key, String text) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/api/notes/" + key + "/comments"))
                .header("Content-Type", "application/json").header("Origin", client.origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
        return response.statusCode() == 201;
    }

    private static HttpResponse<Void> send(HttpClient http, HttpRequest.Builder request) {
        return send(http, request, HttpResponse.BodyHandlers.discarding());
    }

    private static <T> HttpResponse<T> send(HttpClient http, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void tearDown() {
        if (peer != null) {
            try {
                peer.close();
            } catch (RuntimeException e) {
                report.note("Stopping the Spring peer failed: " + e.getMessage());
            }
        }
        for (LibertyServer server : servers) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                report.note("Stopping " + server.name() + " failed: " + e.getMessage());
            }
        }
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                report.note("Stopping Redis failed: " + e.getMessage());
            }
        }
    }
}
