package dev.notes.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Percentiles of samples, and the median with min–max of figures from several rounds. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0–100) by the nearest-rank method; NaN without samples. */
    static double percentile(Collection<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double min(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** One figure over rounds: the median, and the smallest and largest round. */
    record Spread(double median, double min, double max, int rounds) {

        static Spread of(List<Double> rounds) {
            double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d))
                    .sorted().toArray();
            if (sorted.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            int middle = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
        }

        static Spread single(double value) {
            return of(List.of(value));
        }

        Spread dividedBy(Spread other) {
            return new Spread(median / other.median, min / other.max, max / other.min, Math.min(rounds, other.rounds));
        }
    }

    static double[] toArray(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
