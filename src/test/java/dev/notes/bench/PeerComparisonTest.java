package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.bench.PeerComparison.Better;
import dev.notes.bench.Stats.Spread;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {

    @Test
    void throughputMeetsItsGoalAtOnePointTwoTimesThePeer() {
        PeerComparison comparison = new PeerComparison();
        comparison.add("anonymous GET /", Spread.of(List.of(1200.0, 1300.0, 1250.0)), Spread.of(List.of(1000.0, 1040.0, 990.0)),
                "req/s", Better.HIGHER, "Notes' home page lists 50 notes");
        comparison.add("logged-in GET /", Spread.single(1100.0), Spread.single(1000.0), "req/s", Better.HIGHER, null);

        List<List<String>> rows = comparison.table().rows();

        assertThat(rows.get(0)).containsExactly("anonymous GET /", "1,250 req/s (1,200–1,300)", "1,000 req/s (990–1,040)",
                "1.25× (1.15–1.31)", "≥ 1.2 (higher is better): met", "Notes' home page lists 50 notes");
        assertThat(rows.get(1).get(3)).isEqualTo("1.10× (1.10–1.10)");
        assertThat(rows.get(1).get(4)).isEqualTo("≥ 1.2 (higher is better): not met");
        assertThat(rows.get(1).get(5)).isEmpty();
    }

    @Test
    void costsAndTimesMeetTheirGoalBelowThePeer() {
        PeerComparison comparison = new PeerComparison();
        comparison.add("round trips", Spread.single(2), Spread.single(6), "", Better.LOWER, null);
        comparison.add("restart", Spread.single(4), Spread.single(4), "s", Better.LOWER, null);

        assertThat(comparison.rows()).extracting(PeerComparison.Row::met).containsExactly(true, false);
        assertThat(comparison.table().rows().get(0).subList(1, 5))
                .containsExactly("2.00", "6.00", "0.333× (0.333–0.333)", "< 1 (lower is better): met");
    }

    @Test
    void aFigureOneSideDidNotMeasureMeetsNothing() {
        PeerComparison comparison = new PeerComparison();
        comparison.add("p99", Spread.of(List.of()), Spread.single(5), "ms", Better.LOWER, null);

        assertThat(comparison.rows().get(0).met()).isFalse();
        assertThat(comparison.table().rows().get(0).get(4)).endsWith("not met");
    }

    @Test
    void titlesTheReportSection() {
        assertThat(new PeerComparison().table().title()).isEqualTo("Notes ÷ Spring peer, same run");
        assertThat(new PeerComparison().isEmpty()).isTrue();
    }
}
