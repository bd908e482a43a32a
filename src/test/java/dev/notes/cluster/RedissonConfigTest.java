package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.config.Config;
import org.redisson.config.SslVerificationMode;

/** The Redisson files in liberty/config parse, with the defaults they promise. */
class RedissonConfigTest {

    private static Config read(String name) throws IOException {
        return Config.fromYAML(new File("liberty/config", name));
    }

    /** The codec and the names Liberty's sessions are stored with, the same in every file. */
    private static void assertSessionStorage(Config config) {
        assertThat(config.getCodec()).isInstanceOf(SessionCodec.class);
        assertThat(config.getNameMapper()).isInstanceOf(SessionCacheNames.class);
    }

    @Test
    void theDefaultFileIsOneServerWithLazyStartAndTheSessionCodecAndNames() throws IOException {
        Config config = read("redisson.yaml");
        assertThat(config.isSentinelConfig() || config.isClusterConfig()).isFalse();
        assertSessionStorage(config);
        assertThat(config.isLazyInitialization()).isTrue();
    }

    @Test
    void theSentinelFileIsASentinelConfiguration() throws IOException {
        Config config = read("redisson-sentinel.yaml");
        assertThat(config.isSentinelConfig()).isTrue();
        assertSessionStorage(config);
    }

    @Test
    void theClusterFileIsAClusterConfiguration() throws IOException {
        Config config = read("redisson-cluster.yaml");
        assertThat(config.isClusterConfig()).isTrue();
        assertSessionStorage(config);
    }

    /**
     * Redisson refuses to start a client whose pool is smaller than the idle connections it keeps
     * (24 by default): in Liberty that leaves the session cache without a context, and the instance
     * never ready. The sentinel file had that fault until SentinelFailoverIT ran it.
     */
    @Test
    void everyPoolHoldsTheIdleConnectionsItKeeps() throws IOException {
        var single = read("redisson.yaml").useSingleServer();
        assertThat(single.getConnectionMinimumIdleSize()).isLessThanOrEqualTo(single.getConnectionPoolSize());
        assertThat(single.getSubscriptionConnectionMinimumIdleSize())
                .isLessThanOrEqualTo(single.getSubscriptionConnectionPoolSize());
        for (var servers : List.of(read("redisson-sentinel.yaml").useSentinelServers(),
                read("redisson-cluster.yaml").useClusterServers())) {
            assertThat(servers.getMasterConnectionMinimumIdleSize())
                    .isLessThanOrEqualTo(servers.getMasterConnectionPoolSize());
            assertThat(servers.getSlaveConnectionMinimumIdleSize())
                    .isLessThanOrEqualTo(servers.getSlaveConnectionPoolSize());
            assertThat(servers.getSubscriptionConnectionMinimumIdleSize())
                    .isLessThanOrEqualTo(servers.getSubscriptionConnectionPoolSize());
        }
    }

    /**
     * Redisson falls back to system properties for a variable the environment lacks, so the
     * credentials and TLS settings of every file can be given here as an operator's environment
     * would give them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"redisson.yaml", "redisson-sentinel.yaml", "redisson-cluster.yaml"})
    void everyFileTakesTheAclUserThePasswordAndTheTrustStoreAndChecksHostNames(String file) throws IOException {
        Map<String, String> settings = Map.of("REDIS_USERNAME", "notes", "REDIS_PASSWORD", "s3cret",
                "REDIS_TRUSTSTORE", "file:/config/redis-tls/truststore.p12", "REDIS_TRUSTSTORE_PASSWORD", "changeit");
        settings.forEach(System::setProperty);
        try {
            Config config = read(file);
            assertThat(config.getUsername()).isEqualTo("notes");
            assertThat(config.getPassword()).isEqualTo("s3cret");
            assertThat(config.getSslTruststore()).isEqualTo(new URL("file:/config/redis-tls/truststore.p12"));
            assertThat(config.getSslTruststorePassword()).isEqualTo("changeit");
            assertThat(config.getSslVerificationMode()).isEqualTo(SslVerificationMode.STRICT);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"redisson.yaml", "redisson-sentinel.yaml", "redisson-cluster.yaml"})
    void unsetCredentialsAndTrustStoreAreNoneAtAll(String file) throws IOException {
        Config config = read(file);
        assertThat(config.getUsername()).isNull();
        assertThat(config.getPassword()).isNull();
        assertThat(config.getSslTruststore()).isNull();
        assertThat(config.getSslTruststorePassword()).isNull();
    }
}
