package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.redisson.codec.Kryo5Codec;
import org.redisson.config.Config;

/** The Redisson files in liberty/config parse, with the defaults they promise. */
class RedissonConfigTest {

    private static Config read(String name) throws IOException {
        return Config.fromYAML(new File("liberty/config", name));
    }

    @Test
    void theDefaultFileIsOneServerWithLazyStartAndAPinnedCodec() throws IOException {
        Config config = read("redisson.yaml");
        assertThat(config.isSentinelConfig() || config.isClusterConfig()).isFalse();
        assertThat(config.getCodec()).isInstanceOf(Kryo5Codec.class);
        assertThat(config.isLazyInitialization()).isTrue();
    }

    @Test
    void theSentinelFileIsASentinelConfiguration() throws IOException {
        Config config = read("redisson-sentinel.yaml");
        assertThat(config.isSentinelConfig()).isTrue();
        assertThat(config.getCodec()).isInstanceOf(Kryo5Codec.class);
    }

    @Test
    void theClusterFileIsAClusterConfiguration() throws IOException {
        Config config = read("redisson-cluster.yaml");
        assertThat(config.isClusterConfig()).isTrue();
        assertThat(config.getCodec()).isInstanceOf(Kryo5Codec.class);
    }
}
