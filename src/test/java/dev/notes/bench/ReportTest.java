package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void writesASectionOfItsOwnAfterTheNumberedFigures() {
        Report report = new Report();
        report.add("1. Page throughput", "anonymous GET /", 1000, "req/s", null);
        report.table(new Report.Table("Redis commands", List.of("command", "per view"), List.of(List.of("HGET", "2"))));
        report.section("Both sides, one run.", new Report.Table("Notes ÷ Spring peer, same run",
                List.of("figure", "Notes", "peer"), List.of(List.of("anonymous GET /", "1,000", "800"))));

        String markdown = report.markdown(null);

        assertThat(markdown).contains("""
                ## Notes ÷ Spring peer, same run

                Both sides, one run.

                | figure | Notes | peer |
                |---|---:|---:|
                | anonymous GET / | 1,000 | 800 |
                """);
        assertThat(markdown.indexOf("## Notes ÷ Spring peer")).isGreaterThan(markdown.indexOf("## 1. Page throughput"))
                .isLessThan(markdown.indexOf("### Redis commands"));
    }
}
