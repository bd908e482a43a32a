package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrkTest {

    @Test
    void readsThroughputPercentilesAndErrors() {
        String output = """
                Running 10s test @ http://127.0.0.1:9081/
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     5.12ms    2.01ms  30.00ms   80.00%
                    Req/Sec     1.60k   100.00     1.80k    70.00%
                  Latency Distribution
                     50%  812.00us
                     75%    6.00ms
                     90%    7.50ms
                     99%    1.20s
                  32000 requests in 10.00s, 320.00MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 5
                Requests/sec:   3200.50
                Transfer/sec:     32.00MB
                """;

        Wrk.Result result = Wrk.parse(output);

        assertThat(result.requestsPerSecond()).isEqualTo(3200.50);
        assertThat(result.p50Millis()).isCloseTo(0.812, within(1e-9));
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.requests()).isEqualTo(32000);
        assertThat(result.errors()).isEqualTo(8);
    }

    @Test
    void theCookieScriptSendsEverySessionInTurn() throws Exception {
        String script = Files.readString(Wrk.rotatingCookies(List.of("JSESSIONID=a", "JSESSIONID=b")));

        assertThat(script).contains("cookies = {\"JSESSIONID=a\", \"JSESSIONID=b\"}")
                .contains("cookies[(counter % #cookies) + 1]");
    }
}
