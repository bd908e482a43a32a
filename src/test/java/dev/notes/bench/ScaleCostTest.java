package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleCostTest {

    @Test
    void dividesTheCountersDeltasByTheRequestsOfEveryRound() {
        ScaleCost.Counters before = new ScaleCost.Counters(1000, 50_000, 90_000, 4.0, 300, 7000, 2000, 12.5);
        ScaleCost.Counters afterFirst = new ScaleCost.Counters(1600, 80_000, 150_000, 4.03, 500, 9000, 2600, 14.0);
        ScaleCost.Counters afterSecond = new ScaleCost.Counters(2000, 100_000, 190_000, 4.05, 600, 10_000, 3000, 15.5);

        ScaleCost total = ScaleCost.sum(List.of(afterFirst.since(before, 300), afterSecond.since(afterFirst, 200)));

        assertThat(total.requests()).isEqualTo(500);
        assertThat(total.perRequest(total.redisCommands())).isCloseTo(2.0, within(1e-9));
        assertThat(total.redisBytesPerRequest()).isCloseTo((50_000 + 100_000) / 500.0, within(1e-9));
        assertThat(total.perRequest(total.postgresTransactions())).isCloseTo(0.6, within(1e-9));
        assertThat(total.perRequest(total.postgresRowsReturned() + total.postgresRowsFetched())).isCloseTo(8.0, within(1e-9));
        assertThat(total.serverCpuMillisPerRequest()).isCloseTo(6.0, within(1e-9));
        assertThat(total.redisCpuMicrosPerRequest()).isCloseTo(100.0, within(1e-6));
    }

    @Test
    void takesRedissIdleTrafficAwayProRataButNeverBelowNothing() {
        ScaleCost round = new ScaleCost(100, 500, 40_000, 60_000, 0.01, 110, 4000, 1000, 2.0);

        ScaleCost busy = round.lessRedisIdle(10, 1000, 500, 5);

        assertThat(busy.perRequest(busy.redisCommands())).isCloseTo(4.5, within(1e-9));
        assertThat(busy.redisBytesPerRequest()).isCloseTo((35_000 + 57_500) / 100.0, within(1e-9));
        assertThat(busy.postgresTransactions()).isEqualTo(110);
        assertThat(busy.redisCpuSeconds()).isEqualTo(0.01);
        assertThat(round.lessRedisIdle(1000, 0, 0, 5).redisCommands()).isZero();
    }

    @Test
    void aRoundWithoutRequestsHasNoCostPerRequest() {
        ScaleCost.Counters counters = new ScaleCost.Counters(1, 1, 1, 1, 1, 1, 1, 1);

        assertThatThrownBy(() -> counters.since(counters, 0).perRequest(0)).isInstanceOf(IllegalStateException.class);
    }
}
