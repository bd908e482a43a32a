package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

/**
 * Channels are per Redis server, so a deployment in another database must not share their names;
 * in Redis Cluster they are sharded, and the event counter shares the event channel's hash slot.
 */
class RedisChannelNamesTest {

    @Test
    void databaseZeroKeepsTheBareName() {
        Config single = new Config();
        single.useSingleServer().setAddress("redis://127.0.0.1:6379");
        assertThat(RedisConnection.channelSuffix(single)).isEmpty();
    }

    @Test
    void anotherDatabaseNamesItsChannels() {
        Config single = new Config();
        single.useSingleServer().setAddress("redis://127.0.0.1:6379").setDatabase(3);
        assertThat(RedisConnection.channelSuffix(single)).isEqualTo(":db3");

        Config sentinel = new Config();
        sentinel.useSentinelServers().setMasterName("mymaster").addSentinelAddress("redis://127.0.0.1:26379")
                .setDatabase(7);
        assertThat(RedisConnection.channelSuffix(sentinel)).isEqualTo(":db7");
    }

    @Test
    void redisClusterHasOnlyDatabaseZero() {
        Config cluster = new Config();
        cluster.useClusterServers().addNodeAddress("redis://127.0.0.1:7000");
        assertThat(RedisConnection.channelSuffix(cluster)).isEmpty();
    }

    @Test
    void redisClusterShardsItsChannelsAndPutsTheCounterInTheChannelsSlot() {
        Config cluster = new Config();
        cluster.useClusterServers().addNodeAddress("redis://127.0.0.1:7000");
        assertThat(RedisConnection.shardedChannels(cluster)).isTrue();
        assertThat(RedisConnection.keyBeside(cluster, "notes:events:last-id", "notes:events"))
                .isEqualTo("notes:events:last-id{notes:events}");
    }

    @Test
    void singleServerAndSentinelKeepPlainChannelsAndKeys() {
        Config single = new Config();
        single.useSingleServer().setAddress("redis://127.0.0.1:6379");
        Config sentinel = new Config();
        sentinel.useSentinelServers().setMasterName("mymaster").addSentinelAddress("redis://127.0.0.1:26379");
        for (Config config : new Config[] {single, sentinel}) {
            assertThat(RedisConnection.shardedChannels(config)).isFalse();
            assertThat(RedisConnection.keyBeside(config, "notes:events:last-id", "notes:events"))
                    .isEqualTo("notes:events:last-id");
        }
    }
}
