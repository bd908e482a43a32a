package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real {@code redis-server} (the machine's, Debian package {@code redis-server}) secured as the
 * README tells operators to run it: TLS only, with a certificate of a CA made for this server alone
 * (SAN {@code IP:127.0.0.1} and {@code DNS:localhost}), the default user disabled, and Notes
 * logging in as the ACL user {@link #USER} with {@link #NOTES_PERMISSIONS}. A second user,
 * {@code operator}, lets the test read Redis's {@code ACL LOG} ({@link #aclRefusals()}). Everything
 * lives in a temporary directory; {@link #close()} ends the process and removes it.
 */
public final class SecuredRedis implements AutoCloseable {

    public static final String USER = "notes";

    /**
     * What Notes may do, as the README gives it: keys and channels of its own ({@code notes:*}) and
     * of Liberty's session caches, whose short names ({@code dev.notes.cluster.SessionCacheNames})
     * begin with {@code sm/} or {@code sa/} and appear inside braces in the names of Redisson's
     * helper keys and channels ({@code jcache_timeout_set:{sm/}}); every command but the dangerous
     * ones ({@code KEYS}, {@code FLUSHALL}, {@code CONFIG}, {@code DEBUG}, {@code SHUTDOWN}...).
     */
    public static final String NOTES_PERMISSIONS = "resetkeys ~notes:* ~sm/* ~sa/* ~*{sm/* ~*{sa/*"
            + " resetchannels &notes:* &*{sm/* &*{sa/* +@all -@dangerous";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private final String password = randomSecret();
    private final String truststorePassword = randomSecret();
    private final String operatorPassword = randomSecret();
    private Process process;

    private SecuredRedis(Path directory) {
        this.directory = directory;
        this.port = LibertyServer.freePort();
    }

    /** Makes the certificates and starts the server; returns once it answers over TLS. */
    public static SecuredRedis start() {
        return RedisProcess.launchInTemporaryDirectory("secured-redis-", SecuredRedis::new, redis -> {
            redis.makeCertificates();
            redis.launch();
            redis.awaitAnswer();
        });
    }

    /** The environment that points a Notes server at this Redis as {@link #USER}, over TLS. */
    public Map<String, String> settings() {
        return Map.of("REDIS_URL", "rediss://127.0.0.1:" + port,
                "REDIS_USERNAME", USER,
                "REDIS_PASSWORD", password,
                "REDIS_TRUSTSTORE", truststore().toUri().toString(),
                "REDIS_TRUSTSTORE_PASSWORD", truststorePassword);
    }

    public String password() {
        return password;
    }

    /** The PKCS12 trust store holding the CA of this server's certificate. */
    public Path truststore() {
        return directory.resolve("truststore.p12");
    }

    /** One entry of Redis's {@code ACL LOG}: why ({@code command}, {@code key}, {@code channel}, {@code auth}), what, whose. */
    public record AclRefusal(String reason, String object, String username) {
    }

    /**
     * Redis's {@code ACL LOG}: every command, key or channel refused to a user, and every failed
     * login, since the start; the newest first.
     */
    public List<AclRefusal> aclRefusals() {
        // redis-cli prints the nested reply one value a line: each entry is field-name, value pairs.
        List<String> lines = redisCli("ACL", "LOG").lines().toList();
        List<AclRefusal> refusals = new ArrayList<>();
        Map<String, String> entry = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (lines.get(i).equals("count") && !entry.isEmpty()) {
                refusals.add(new AclRefusal(entry.get("reason"), entry.get("object"), entry.get("username")));
                entry.clear();
            }
            entry.put(lines.get(i), lines.get(i + 1));
        }
        if (!entry.isEmpty()) {
            refusals.add(new AclRefusal(entry.get("reason"), entry.get("object"), entry.get("username")));
        }
        return refusals;
    }

    private void makeCertificates() {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Notes test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-x509", "-CA", "ca.crt", "-CAkey", "ca.key", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.crt",
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth");
        run(List.of("keytool", "-importcert", "-noprompt", "-alias", "notes-test-ca", "-file", "ca.crt",
                "-keystore", "truststore.p12", "-storetype", "PKCS12", "-storepass", truststorePassword));
    }

    private void openssl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private void launch() {
        Path configuration = directory.resolve("redis.conf");
        try {
            Files.writeString(configuration, String.join("\n",
                    "bind 127.0.0.1",
                    "port 0",
                    "tls-port " + port,
                    "tls-cert-file server.crt",
                    "tls-key-file server.key",
                    "tls-ca-cert-file ca.crt",
                    "tls-auth-clients no",
                    "dir " + directory,
                    "save \"\"",
                    "appendonly no",
                    "user default off",
                    "user " + USER + " on >" + password + " " + NOTES_PERMISSIONS,
                    "user operator on >" + operatorPassword + " ~* &* +@all",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configuration, e);
        }
        process = RedisProcess.start(directory, configuration, directory.resolve("redis.log"));
    }

    private void awaitAnswer() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ping()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("redis-server did not answer over TLS on port " + port + " within "
                        + START_TIMEOUT + ": " + RedisProcess.log(directory.resolve("redis.log")));
            }
            LibertyServer.sleep(Duration.ofMillis(100));
        }
    }

    private boolean ping() {
        Command.Result result = Command.run(directory, Map.of("REDISCLI_AUTH", operatorPassword), COMMAND_TIMEOUT,
                redisCliCommand("PING"));
        return result.exitCode() == 0 && result.output().strip().equals("PONG");
    }

    private String redisCli(String... arguments) {
        Command.Result result = Command.run(directory, Map.of("REDISCLI_AUTH", operatorPassword), COMMAND_TIMEOUT,
                redisCliCommand(arguments));
        if (result.exitCode() != 0 || result.output().startsWith("ERR") || result.output().contains("Could not connect")) {
            throw new IllegalStateException("redis-cli " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result.output();
    }

    private List<String> redisCliCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(RedisProcess.REDIS_CLI.toString(), "--tls", "--cacert", "ca.crt",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "--user", "operator", "--no-auth-warning"));
        command.addAll(List.of(arguments));
        return command;
    }

    private void run(List<String> command) {
        Command.Result result = Command.run(directory, Map.of(), COMMAND_TIMEOUT, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed ("
                    + result.exitCode() + "): " + result.output());
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        RedisProcess.stop(process);
        try {
            LibertyServer.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory, e);
        }
    }
}
