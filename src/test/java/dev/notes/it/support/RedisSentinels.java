package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Redis with Sentinel failover, from real processes of the machine's {@code redis-server}: one
 * primary, one replica of it and three sentinels that monitor it as {@link #MASTER_NAME} with a
 * quorum of 2, all on free 127.0.0.1 ports in a temporary directory. The sentinels call the primary
 * down after {@link #DOWN_AFTER} without an answer, so a test's failover takes seconds.
 * {@link #close()} ends every process and removes the directory.
 */
public final class RedisSentinels implements AutoCloseable {

    public static final String MASTER_NAME = "mymaster";
    public static final Duration DOWN_AFTER = Duration.ofMillis(1000);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int SENTINELS = 3;

    private final Path directory;
    private final int primaryPort = LibertyServer.freePort();
    private final int replicaPort = LibertyServer.freePort();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private Process primary;

    private RedisSentinels(Path directory) {
        this.directory = directory;
        for (int i = 0; i < SENTINELS; i++) {
            sentinelPorts.add(LibertyServer.freePort());
        }
    }

    /** Starts the five processes; returns once the replica is in sync and every sentinel sees the others. */
    public static RedisSentinels start() {
        return RedisProcess.launchInTemporaryDirectory("redis-sentinels-", RedisSentinels::new, RedisSentinels::launch);
    }

    /** The environment that points a Notes server at the sentinels, through Liberty's redisson-sentinel.yaml. */
    public Map<String, String> settings() {
        return Map.of("REDISSON_CONFIG", LibertyServer.templateFile("redisson-sentinel.yaml").toString(),
                "REDIS_SENTINELS", RedisProcess.addresses(sentinelPorts),
                "REDIS_MASTER_NAME", MASTER_NAME);
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /**
     * Waits until the replica has applied every write the primary has made so far: replication is
     * asynchronous, so a write the replica has not got yet is lost when the primary dies.
     */
    public void awaitReplicaCaughtUp() {
        long primaryOffset = Long.parseLong(info(primaryPort, "replication").get("master_repl_offset"));
        awaitTrue("the replica on port " + replicaPort + " reaching the primary's replication offset "
                + primaryOffset, () -> {
                    Map<String, String> replica = info(replicaPort, "replication");
                    return "up".equals(replica.get("master_link_status"))
                            && Long.parseLong(replica.getOrDefault("slave_repl_offset", "-1")) >= primaryOffset;
                });
    }

    /** Ends the primary with SIGKILL: no shutdown, no last save, no goodbye to the replica or to clients. */
    public void killPrimary() {
        try {
            primary.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every sentinel names the former replica as the primary. */
    public void awaitReplicaPromoted() {
        awaitTrue("every sentinel naming the replica on port " + replicaPort + " the new primary",
                () -> sentinelPorts.stream().allMatch(port -> masterAddress(port).equals(List.of("127.0.0.1",
                        Integer.toString(replicaPort)))));
    }

    private void launch() {
        primary = startServer("primary", primaryPort, List.of());
        awaitTrue("the primary answering on port " + primaryPort, () -> "PONG".equals(cli(primaryPort, "PING")));
        startServer("replica", replicaPort, List.of("replicaof 127.0.0.1 " + primaryPort));
        awaitTrue("the replica on port " + replicaPort + " in sync with the primary",
                () -> "up".equals(info(replicaPort, "replication").get("master_link_status")));
        for (int port : sentinelPorts) {
            startSentinel(port);
        }
        awaitTrue("every sentinel seeing the replica and the other sentinels", () -> sentinelPorts.stream()
                .allMatch(port -> {
                    Map<String, String> master = pairs(cli(port, "SENTINEL", "MASTER", MASTER_NAME));
                    return "1".equals(master.get("num-slaves"))
                            && Integer.toString(SENTINELS - 1).equals(master.get("num-other-sentinels"));
                }));
    }

    private Process startServer(String name, int port, List<String> extraLines) {
        List<String> lines = new ArrayList<>(List.of("bind 127.0.0.1", "port " + port,
                "dir " + directory, "dbfilename " + name + ".rdb", "save \"\"", "appendonly no"));
        lines.addAll(extraLines);
        Process process = RedisProcess.start(directory, write(name + ".conf", lines), log(name));
        processes.add(process);
        return process;
    }

    private void startSentinel(int port) {
        String name = "sentinel-" + port;
        // A sentinel rewrites its configuration file as it learns, so each gets a file of its own.
        Path configuration = write(name + ".conf", List.of("bind 127.0.0.1", "port " + port, "dir " + directory,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primaryPort + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT.toMillis(),
                "sentinel parallel-syncs " + MASTER_NAME + " 1"));
        processes.add(RedisProcess.start(directory, configuration, log(name), "--sentinel"));
    }

    private Path write(String fileName, List<String> lines) {
        Path file = directory.resolve(fileName);
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    private Path log(String name) {
        return directory.resolve(name + ".log");
    }

    private List<String> masterAddress(int sentinelPort) {
        return cli(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME).lines().toList();
    }

    private Map<String, String> info(int port, String section) {
        return RedisProcess.fields(cli(port, "INFO", section));
    }

    /** redis-cli prints a flat reply one value a line: field, value, field, value... */
    private static Map<String, String> pairs(String reply) {
        List<String> lines = reply.lines().toList();
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            pairs.put(lines.get(i), lines.get(i + 1));
        }
        return pairs;
    }

    private String cli(int port, String... arguments) {
        return RedisProcess.cli(directory, port, arguments);
    }

    private void awaitTrue(String what, BooleanSupplier condition) {
        RedisProcess.awaitTrue(what, READY_TIMEOUT, directory, condition);
    }

    @Override
    public void close() {
        RedisProcess.stopAll(processes, directory);
    }
}
