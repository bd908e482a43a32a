package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Command;
import dev.notes.it.support.SharedAddressLimits;
import dev.notes.it.support.TestPostgres;
import dev.notes.it.support.TestRedis;
import dev.notes.it.support.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/cluster}, as a developer runs it: instances of the built WAR that share logins,
 * each running with the JVM options the project ships ({@code liberty/config/jvm.options}), not the
 * JVM's defaults (a heap of a quarter of the machine's memory).
 */
class ClusterScriptIT {

    private static final String CLUSTER_NAME = "notes-script";
    private static final int INSTANCES = 2;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Path wlp = Path.of(System.getProperty("notes.wlp.home"));

    @Test
    void startsInstancesThatShareLoginsWithTheShippedJvmOptions() throws IOException {
        int basePort = freeConsecutivePorts(INSTANCES);
        TestPostgres.Database database = TestPostgres.newDatabase("clusterscript");
        Map<String, String> environment = new HashMap<>(SharedAddressLimits.settings());
        environment.putAll(TestRedis.settings());
        environment.put("DB_URL", database.url());
        environment.put("DB_USER", database.user());
        environment.put("DB_PASSWORD", database.password());
        environment.put("CLUSTER_NAME", CLUSTER_NAME);
        environment.put("CLUSTER_BASE_PORT", Integer.toString(basePort));
        String heapCeiling = shippedOption("-Xmx");
        try {
            Command.Result start = script(environment, START_TIMEOUT, "start", Integer.toString(INSTANCES));
            assertThat(start.exitCode()).as(start.output()).isZero();
            for (int i = 1; i <= INSTANCES; i++) {
                assertThat(start.output()).contains(CLUSTER_NAME + "-" + i + " ready at http://localhost:" + (basePort + i) + "/");
                assertThat(arguments(CLUSTER_NAME + "-" + i)).as("JVM arguments of instance %d", i).contains(heapCeiling);
            }

            URI first = URI.create("http://127.0.0.1:" + (basePort + 1) + "/");
            URI second = URI.create("http://127.0.0.1:" + (basePort + 2) + "/");
            String username = Accounts.register(new WebClient(first), "script");
            WebClient browser = Accounts.logIn(new WebClient(first), username);
            WebClient sameBrowserOnSecond = new WebClient(second);
            sameBrowserOnSecond.copyCookiesFrom(browser);
            assertThat(sameBrowserOnSecond.get("/").text("#currentUser")).as("logged in on the other instance too")
                    .contains("Display " + username);

            assertThat(script(environment, STOP_TIMEOUT, "status").output())
                    .contains(CLUSTER_NAME + "-1 http://localhost:" + (basePort + 1) + "/ running, readiness HTTP 200")
                    .contains(CLUSTER_NAME + "-2 http://localhost:" + (basePort + 2) + "/ running, readiness HTTP 200");
        } finally {
            script(environment, STOP_TIMEOUT, "stop");
        }
        assertThat(script(environment, STOP_TIMEOUT, "status").output()).contains("No instances started");
    }

    /** The option starting with {@code prefix} in the shipped jvm.options, e.g. "-Xmx384m". */
    private static String shippedOption(String prefix) throws IOException {
        return Files.readAllLines(Path.of("liberty/config/jvm.options")).stream()
                .map(String::trim).filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("liberty/config/jvm.options sets no " + prefix));
    }

    /** The command-line arguments of the running server's JVM, from the pid file Liberty writes. */
    private List<String> arguments(String server) throws IOException {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(server + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(server + " (pid " + pid + ") is not running"));
        return List.of(process.info().arguments().orElseThrow(() -> new IllegalStateException("No arguments of " + pid)));
    }

    private static Command.Result script(Map<String, String> environment, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/cluster"));
        command.addAll(List.of(arguments));
        return Command.run(null, environment, timeout, command);
    }

    /** A port p such that p + 1 … p + count are free on 127.0.0.1 (the script numbers instances from 1). */
    private static int freeConsecutivePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            boolean free = true;
            for (int i = 1; i <= count && free; i++) {
                free = isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports found in 100 attempts");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
