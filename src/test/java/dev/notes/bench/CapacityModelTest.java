package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

    /** 1,000 views: 1.5 s of server CPU, 9,000 Redis commands, 900 kB, 0.05 s of Redis CPU, 2,000 transactions. */
    private static final ScaleCost ONE_INSTANCE = new ScaleCost(1000, 9000, 700_000, 200_000, 0.05, 2000, 90_000, 15_000, 1.5);

    @Test
    void unitCostsArePerViewPerChangeAndInstanceAndPerFrame() {
        CapacityModel.UnitCosts units = CapacityModel.UnitCosts.of(ONE_INSTANCE, 16_000, 4, 30, 300);

        assertThat(units.serverCpuMillisPerView()).isCloseTo(1.5, within(1e-9));
        assertThat(units.redisCommandsPerView()).isCloseTo(9, within(1e-9));
        assertThat(units.redisBytesPerView()).isCloseTo(900, within(1e-9));
        assertThat(units.redisCpuMicrosPerView()).isCloseTo(50, within(1e-9));
        assertThat(units.postgresTransactionsPerView()).isCloseTo(2, within(1e-9));
        assertThat(units.postgresRowsPerView()).isCloseTo(105, within(1e-9));
        assertThat(units.redisBytesPerChangePerInstance()).isCloseTo(4000, within(1e-9));
        assertThat(units.serverCpuMicrosPerFrame()).isCloseTo(100, within(1e-9));
    }

    @Test
    void predictsTheSameCostPerRequestOverMoreInstances() {
        CapacityModel.UnitCosts units = CapacityModel.UnitCosts.of(ONE_INSTANCE, 16_000, 4, 30, 300);
        ScaleCost overTwo = new ScaleCost(500, 4600, 360_000, 100_000, 0.025, 800, 45_000, 7500, 1.5);

        List<CapacityModel.Prediction> predictions = CapacityModel.predict(units, overTwo);

        assertThat(predictions).extracting(CapacityModel.Prediction::figure).containsExactly("server CPU / request, ms",
                "Redis commands / request", "Redis bytes / request", "Redis CPU / request, µs",
                "PostgreSQL transactions / request");
        assertThat(predictions.get(0).model()).isCloseTo(1.5, within(1e-9));
        assertThat(predictions.get(0).measuredOverModel()).isCloseTo(2.0, within(1e-9));
        assertThat(predictions.get(1).measuredOverModel()).isCloseTo(9.2 / 9, within(1e-9));
        assertThat(predictions.get(4).measuredOverModel()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void sizesTheIssuesWorkloadFromTheUnitCosts() {
        CapacityModel.UnitCosts units = CapacityModel.UnitCosts.of(ONE_INSTANCE, 16_000, 4, 30, 300);
        CapacityModel.Workload workload = CapacityModel.Workload.ISSUE;

        assertThat(workload.viewsPerSecond()).isCloseTo(3333.33, within(0.01));
        assertThat(workload.changesPerSecond()).isCloseTo(166.67, within(0.01));
        assertThat(workload.homeSockets()).isEqualTo(50_000);

        List<List<String>> rows = CapacityModel.sizing(units, workload);

        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(3));
        assertThat(result(rows, "server CPU for the views")).isEqualTo("5.00 cores");
        assertThat(result(rows, "live frames / s, one per change and home socket")).isEqualTo("8,333,333");
        assertThat(result(rows, "server CPU for those frames")).isEqualTo("833 cores");
        assertThat(result(rows, "Redis commands / s")).isEqualTo("30,000");
        assertThat(result(rows, "Redis CPU (sessions; one core is the most one Redis uses)")).isEqualTo("0.167 cores");
        assertThat(result(rows, "PostgreSQL transactions / s")).isEqualTo("6,667");
    }

    private static String result(List<List<String>> rows, String figure) {
        return rows.stream().filter(row -> row.get(0).equals(figure)).findFirst().orElseThrow().get(2);
    }
}
