package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisWrongPasswordException;

/**
 * The reasons given for the failures Redisson reports, each built as Redisson 4.7 nests it (seen
 * against a real TLS Redis): the reason lies under "Unable to connect to Redis server".
 */
class RedisProblemTest {

    /** Redisson's outer exceptions around {@code cause}. */
    private static RuntimeException asRedissonThrowsIt(Throwable cause) {
        return new RedisConnectionException(new RedisConnectionException(
                "Unable to connect to Redis server: 127.0.0.1/127.0.0.1:6380", new CompletionException(cause)));
    }

    @Test
    void aWrongPasswordNamesTheUserAndPasswordSettingsAndQuotesRedisWithoutTheChannel() {
        String reason = RedisProblem.describe(asRedissonThrowsIt(new RedisWrongPasswordException(
                "WRONGPASS invalid username-password pair or user is disabled.. channel: [id: 0x825acae0]"
                        + " data: CommandData [command=(AUTH), params: (password masked), codec=null]")));
        assertThat(reason).startsWith("Redis refused the user and password (REDIS_USERNAME, REDIS_PASSWORD)")
                .endsWith("[RedisWrongPasswordException: WRONGPASS invalid username-password pair or user is disabled.]");
    }

    @Test
    void anUntrustedCertificateNamesTheTrustStoreAndTheAddress() {
        String reason = RedisProblem.describe(asRedissonThrowsIt(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target")));
        assertThat(reason).contains("TLS handshake", "REDIS_TRUSTSTORE", "REDIS_URL")
                .endsWith("[SSLHandshakeException: PKIX path building failed: unable to find valid certification path"
                        + " to requested target]");
    }

    @Test
    void aTrustStoreThatCannotBeReadClosesTheChannelAndNamesTheTrustStoreSettings() {
        String reason = RedisProblem.describe(asRedissonThrowsIt(new ClosedChannelException()));
        assertThat(reason).contains("REDIS_TRUSTSTORE", "REDIS_TRUSTSTORE_PASSWORD", "Failed to initialize a channel");
    }

    @Test
    void plainTextToATlsPortTimesOutTheLoginAndSuggestsRediss() {
        String reason = RedisProblem.describe(asRedissonThrowsIt(new RedisTimeoutException(
                "Command execution timeout for command: (AUTH), params: (password masked)")));
        assertThat(reason).contains("rediss://");
    }

    @Test
    void aRefusedConnectionNamesTheAddress() {
        assertThat(RedisProblem.describe(asRedissonThrowsIt(new ConnectException("Connection refused"))))
                .startsWith("nothing accepts connections at the Redis address (REDIS_URL)");
    }

    @Test
    void anAclRefusalNamesTheUser() {
        assertThat(RedisProblem.describe(new RedisException(
                "NOPERM this user has no permissions to access one of the keys used as arguments")))
                .startsWith("Redis's ACL refuses the user (REDIS_USERNAME)");
    }

    @Test
    void anythingElseKeepsTheInnermostMessage() {
        assertThat(RedisProblem.describe(asRedissonThrowsIt(new IllegalStateException("something new"))))
                .endsWith("[IllegalStateException: something new]");
    }
}
