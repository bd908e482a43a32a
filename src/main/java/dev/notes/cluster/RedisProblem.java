package dev.notes.cluster;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.redisson.client.RedisAuthRequiredException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisWrongPasswordException;

/**
 * Why Redis cannot be used, in one line that names the setting to look at. Redisson's own message
 * says only "Unable to connect to Redis server: host:port" whatever went wrong; the reason (a wrong
 * password, a certificate not trusted, a trust store that cannot be read, plain text sent to a TLS
 * port) lies several causes deep.
 * The line holds no secret: Redisson masks the parameters of {@code AUTH}, and Redis's replies and
 * the JDK's TLS messages name none.
 */
final class RedisProblem {

    private static final int MAX_CAUSES = 20;

    private RedisProblem() {
    }

    /** The reason for {@code failure}, then the innermost cause's type and message in brackets. */
    static String describe(Throwable failure) {
        List<Throwable> causes = causes(failure);
        Throwable innermost = causes.get(causes.size() - 1);
        return reason(causes) + " [" + innermost.getClass().getSimpleName() + ": " + shortMessage(innermost) + "]";
    }

    private static String reason(List<Throwable> causes) {
        if (has(causes, RedisWrongPasswordException.class)) {
            return "Redis refused the user and password (REDIS_USERNAME, REDIS_PASSWORD): wrong password,"
                    + " unknown or disabled user";
        }
        if (has(causes, RedisAuthRequiredException.class)) {
            return "Redis wants a password: set REDIS_PASSWORD (and REDIS_USERNAME for an ACL user)";
        }
        if (causes.stream().anyMatch(c -> c.getMessage() != null && c.getMessage().startsWith("NOPERM"))) {
            return "Redis's ACL refuses the user (REDIS_USERNAME) a command, key or channel Notes needs"
                    + " (README, Operations, \"Securing Redis\")";
        }
        if (has(causes, SSLException.class)) {
            return "the TLS handshake with Redis failed: REDIS_TRUSTSTORE must hold the CA that signed Redis's"
                    + " certificate, and the certificate must name the host of the address (REDIS_URL)";
        }
        if (causes.stream().anyMatch(c -> c instanceof RedisTimeoutException && String.valueOf(c.getMessage())
                .contains("(AUTH)"))) {
            return "Redis did not answer the login: if it accepts TLS only, the address must begin with rediss://";
        }
        if (has(causes, ClosedChannelException.class)) {
            // Netty closes the channel when it cannot set up TLS, and logs why just before
            // ("Failed to initialize a channel", e.g. a FileNotFoundException).
            return "the connection closed before Redis was reached: with rediss://, REDIS_TRUSTSTORE must be"
                    + " a readable trust store and REDIS_TRUSTSTORE_PASSWORD its password (Netty logs what failed"
                    + " as 'Failed to initialize a channel')";
        }
        if (has(causes, ConnectException.class)) {
            return "nothing accepts connections at the Redis address (REDIS_URL)";
        }
        return "Redis cannot be reached or refused a command";
    }

    private static boolean has(List<Throwable> causes, Class<? extends Throwable> type) {
        return causes.stream().anyMatch(type::isInstance);
    }

    /** {@code failure} and its causes, outermost first; bounded, since a cause chain may loop. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause) && causes.size() < MAX_CAUSES;
                cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    /** The message without Redisson's description of the Netty channel and command that follows it. */
    private static String shortMessage(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int channel = message.indexOf(". channel: [");
        return channel < 0 ? message : message.substring(0, channel);
    }
}
