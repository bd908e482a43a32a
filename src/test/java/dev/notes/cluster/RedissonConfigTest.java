package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

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
}
