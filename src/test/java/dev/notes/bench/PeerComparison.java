package dev.notes.bench;

import dev.notes.bench.Stats.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes beside the Spring peer, figure by figure, from one run: each side's median and range over
 * the rounds, the ratio Notes ÷ peer, and whether that ratio meets the goal, which for each
 * figure says which way is better.
 */
final class PeerComparison {

    static final String TITLE = "Notes ÷ Spring peer, same run";

    /** Which way a figure is better, and so what its ratio aims at. */
    enum Better {
        /** Throughput: Notes ahead when Notes ÷ peer ≥ 1.2 (the goal for pages). */
        HIGHER("≥ 1.2 (higher is better)") {
            @Override
            boolean met(double ratio) {
                return ratio >= 1.2;
            }
        },
        /** Costs and times: Notes ahead when Notes ÷ peer < 1. */
        LOWER("< 1 (lower is better)") {
            @Override
            boolean met(double ratio) {
                return ratio < 1;
            }
        };

        private final String goal;

        Better(String goal) {
            this.goal = goal;
        }

        abstract boolean met(double ratio);

        String goal() {
            return goal;
        }
    }

    /** One figure on both sides; {@code remark} says where the two pages differ. */
    record Row(String figure, Spread notes, Spread peer, String unit, Better better, String remark) {

        Spread ratio() {
            return notes.dividedBy(peer);
        }

        /** Whether the median ratio meets the goal; a figure not measured on a side meets nothing. */
        boolean met() {
            double ratio = ratio().median();
            return !Double.isNaN(ratio) && better.met(ratio);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String figure, Spread notes, Spread peer, String unit, Better better, String remark) {
        rows.add(new Row(figure, notes, peer, unit, better, remark));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The report's table: figure, both sides, the ratio with its range, the goal and whether it is met. */
    Report.Table table() {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            Spread ratio = row.ratio();
            cells.add(List.of(row.figure(), side(row.notes(), row.unit()), side(row.peer(), row.unit()),
                    Report.number(ratio.median()) + "× (" + range(ratio) + ")",
                    row.better().goal() + (row.met() ? ": met" : ": not met"), row.remark() == null ? "" : row.remark()));
        }
        return new Report.Table(TITLE, List.of("figure", "Notes: median (min–max)", "Spring peer: median (min–max)",
                "Notes ÷ peer (range)", "goal", "remark"), cells);
    }

    private static String side(Spread value, String unit) {
        return Report.number(value.median()) + (unit.isEmpty() ? "" : " " + unit) + (value.rounds() > 1 ? " (" + range(value) + ")" : "");
    }

    private static String range(Spread value) {
        return Report.number(value.min()) + "–" + Report.number(value.max());
    }
}
