package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisProbeTest {

    @Test
    void readsTheArgumentsOfAMonitorLineAndTheSizeOfTheirRequest() {
        RedisProbe.Command command = RedisProbe.parseMonitorLine(
                "+1764446400.123456 [0 127.0.0.1:5555] \"HSET\" \"k\\\"1\" \"\\xac\\xed\" \"\"");

        assertThat(command.arguments()).containsExactly("HSET", "k\"1", "??", "");
        assertThat(command.database()).isZero();
        // *4, then $4 HSET, $3 k"1, $2 and two bytes, $0 and nothing: each with its CRLFs.
        assertThat(command.requestBytes()).isEqualTo(4 + (4 + 6) + (4 + 5) + (4 + 4) + (4 + 2));
    }

    @Test
    void readsEveryFieldOfOneInfoReply() {
        RedisProbe.Info info = RedisProbe.Info.parse("# Server\r\nredis_version:7.0.15\r\n\r\n# Stats\r\n"
                + "total_commands_processed:42\r\nused_cpu_sys:1.500000\r\nmaster_host:10.0.0.1:6379\r\n");

        assertThat(info.text("redis_version")).isEqualTo("7.0.15");
        assertThat(info.number("total_commands_processed")).isEqualTo(42);
        assertThat(info.decimal("used_cpu_sys")).isEqualTo(1.5);
        assertThat(info.text("master_host")).as("only the first colon separates").isEqualTo("10.0.0.1:6379");
        assertThatThrownBy(() -> info.text("Server")).hasMessageContaining("no Server");
    }

    @Test
    void refusesALineThatIsNoCommand() {
        assertThatThrownBy(() -> RedisProbe.parseMonitorLine("+OK")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void saysWhetherAScriptRanTheCommand() {
        RedisProbe.Command inScript = RedisProbe.parseMonitorLine("+1764446400.123456 [0 lua] \"hset\" \"k\" \"v\"");
        RedisProbe.Command sent = RedisProbe.parseMonitorLine("+1764446400.123456 [0 127.0.0.1:5555] \"PING\"");

        assertThat(inScript.fromScript()).isTrue();
        assertThat(inScript.requestBytes()).as("carried by no request").isZero();
        assertThat(sent.fromScript()).isFalse();
        assertThat(sent.requestBytes()).isEqualTo(4 + 4 + 6);
    }

    @Test
    void tellsTheDatabaseACommandRanIn() {
        assertThat(RedisProbe.parseMonitorLine("+1764446400.123456 [1 127.0.0.1:5555] \"HGETALL\" \"k\"").database()).isEqualTo(1);
        assertThat(RedisProbe.parseMonitorLine("+1764446400.123456 [12 lua] \"hget\" \"k\" \"f\"").database()).isEqualTo(12);
    }

    @Test
    void namesCommandsByWhatTheyWorkOn() {
        assertThat(kind(false, "EVALSHA", "3f2a", "5", "com.ibm.ws.session.meta.default_host%2F", "b", "c", "d", "e", "-1"))
                .isEqualTo("EVALSHA session metadata (5 keys)");
        assertThat(kind(false, "EVALSHA_RO", "3f2a", "2", "com.ibm.ws.session.attr.default_host%2F", "jcache_timeout_set:x",
                "-1", "1795984114426", "?Vi3SnOTnE2HVLhbw8xbI6WJ.jakarta.faces.request.charset"))
                .isEqualTo("EVALSHA_RO session attribute jakarta.faces.request.charset (2 keys)");
        assertThat(kind(true, "hset", "com.ibm.ws.session.attr.default_host%2F", "?Vi3SnOTnE2HVLhbw8xbI6WJ.WELD_S_HASH", "?"))
                .isEqualTo("inside a script: HSET session attributes");
        assertThat(kind(false, "EVALSHA", "3f2a", "2", "sm/", "jcache_timeout_set:{sm/}", "-1"))
                .isEqualTo("EVALSHA session metadata (2 keys)");
        assertThat(kind(false, "EVALSHA", "3f2a", "2", "jcache_timeout_set:{sa/}", "sa/",
                "-1", "?Vi3SnOTnE2HVLhbw8xbI6WJ.notes.rv"))
                .isEqualTo("EVALSHA session attribute notes.rv (2 keys)");
        assertThat(kind(true, "hget", "sa/", "?Vi3SnOTnE2HVLhbw8xbI6WJ.notes.u"))
                .isEqualTo("inside a script: HGET session attributes");
        assertThat(kind(false, "GET", "notes:events:last-id")).isEqualTo("GET notes:events:last-id");
        assertThat(kind(false, "HGET", "user:12345678deadbeef", "f")).isEqualTo("HGET user:…");
        assertThat(kind(false, "PING")).isEqualTo("PING");
        assertThat(kind(false, "EVAL", "return 1", "0")).isEqualTo("EVAL (0 keys)");
    }

    private static String kind(boolean fromScript, String... arguments) {
        return Benchmark.commandKind(new RedisProbe.Command(List.of(arguments), 0, fromScript, 0));
    }
}
