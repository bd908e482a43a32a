package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Redis Cluster of real processes of the machine's {@code redis-server}: six nodes on free
 * 127.0.0.1 ports in a temporary directory, joined by {@code redis-cli --cluster create} into three
 * primaries, each with one replica. {@link #close()} ends every process and removes the directory.
 */
public final class RedisClusterNodes implements AutoCloseable {

    private static final int NODES = 6;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private RedisClusterNodes(Path directory) {
        this.directory = directory;
        for (int i = 0; i < NODES; i++) {
            ports.add(LibertyServer.freePort());
        }
    }

    /** Starts the six nodes and joins them; returns once every node reports {@code cluster_state:ok}. */
    public static RedisClusterNodes start() {
        return RedisProcess.launchInTemporaryDirectory("redis-cluster-", RedisClusterNodes::new,
                RedisClusterNodes::launch);
    }

    /** The environment that points a Notes server at the cluster, through Liberty's redisson-cluster.yaml. */
    public Map<String, String> settings() {
        return Map.of("REDISSON_CONFIG", LibertyServer.templateFile("redisson-cluster.yaml").toString(),
                "REDIS_NODES", RedisProcess.addresses(ports));
    }

    /** The ports of the nodes that are primaries now (each owns a third of the hash slots). */
    public List<Integer> primaryPorts() {
        return ports.stream().filter(port -> cli(port, "ROLE").startsWith("master")).toList();
    }

    /** The primary that owns the hash slot of {@code key} (or of a channel of that name). */
    public int primaryOwning(String key) {
        long slot = slotOf(key);
        return primaryPorts().stream().filter(port -> ownsSlot(port, slot)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No primary owns slot " + slot));
    }

    /** The hash slot of {@code key}, as Redis computes it (the hash tag {@code {…}} alone when there is one). */
    public long slotOf(String key) {
        return Long.parseLong(cli(ports.get(0), "CLUSTER", "KEYSLOT", key));
    }

    /** Every key the node on {@code port} holds (redis-cli's {@code --scan}, this node's alone). */
    public List<String> keysOn(int port) {
        String reply = cli(port, "--scan");
        return reply.isEmpty() ? List.of() : reply.lines().toList();
    }

    /** The reply of the node on {@code port} to a command, as redis-cli prints it; "" when it does not answer. */
    public String cli(int port, String... arguments) {
        return RedisProcess.cli(directory, port, arguments);
    }

    private boolean ownsSlot(int port, long slot) {
        // CLUSTER MYSHARDID is Redis 7.2; the node's own line of CLUSTER NODES ("myself") lists its slot ranges.
        String myself = cli(port, "CLUSTER", "NODES").lines().filter(line -> line.contains("myself"))
                .findFirst().orElse("");
        String[] fields = myself.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String[] range = fields[i].split("-");
            long first = Long.parseLong(range[0]);
            long last = range.length == 2 ? Long.parseLong(range[1]) : first;
            if (first <= slot && slot <= last) {
                return true;
            }
        }
        return false;
    }

    private void launch() {
        for (int port : ports) {
            String name = "node-" + port;
            Path configuration = directory.resolve(name + ".conf");
            write(configuration, List.of("bind 127.0.0.1", "port " + port, "dir " + directory,
                    "cluster-enabled yes", "cluster-config-file " + name + "-cluster.conf",
                    "cluster-node-timeout 5000", "save \"\"", "appendonly no"));
            processes.add(RedisProcess.start(directory, configuration, directory.resolve(name + ".log")));
        }
        for (int port : ports) {
            RedisProcess.awaitTrue("node answering on port " + port, READY_TIMEOUT, directory,
                    () -> "PONG".equals(cli(port, "PING")));
        }
        List<String> create = new ArrayList<>(List.of(RedisProcess.REDIS_CLI.toString(), "--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Command.Result created = Command.run(directory, Map.of(), CREATE_TIMEOUT, create);
        if (created.exitCode() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + created.output());
        }
        for (int port : ports) {
            RedisProcess.awaitTrue("cluster_state:ok on the node on port " + port, READY_TIMEOUT, directory,
                    () -> "ok".equals(RedisProcess.fields(cli(port, "CLUSTER", "INFO")).get("cluster_state")));
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        RedisProcess.stopAll(processes, directory);
    }
}
