package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

/** What the start-up line says about where sessions are kept: the right kind of Redis, no credentials. */
class ClusterModeTest {

    @Test
    void aSingleServerIsNamedWithItsDatabase() {
        Config config = new Config();
        config.useSingleServer().setAddress("rediss://notes:s3cret@redis.internal:6379").setDatabase(2);
        assertThat(ClusterMode.describe(config)).isEqualTo("Redis at rediss://redis.internal:6379, database 2");
    }

    @Test
    void sentinelsNameTheirMasterAndNotTheDefaultAddress() {
        Config config = new Config();
        config.useSentinelServers().setMasterName("mymaster")
                .addSentinelAddress("redis://:s3cret@s1:26379", "redis://s2:26379");
        assertThat(ClusterMode.describe(config))
                .isEqualTo("Redis Sentinel master 'mymaster' (sentinels [redis://s1:26379, redis://s2:26379]), database 0")
                .doesNotContain("s3cret");
    }

    @Test
    void aRedisClusterIsNamedByItsNodes() {
        Config config = new Config();
        config.useClusterServers().addNodeAddress("redis://n1:7000", "redis://n2:7000");
        assertThat(ClusterMode.describe(config)).isEqualTo("Redis Cluster at [redis://n1:7000, redis://n2:7000]");
    }
}
