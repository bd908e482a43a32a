package dev.notes.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The capacity model of {@code docs/capacity.md}, fed with one run's costs: what each logged-in
 * view and each change cost on one instance, the model's prediction of those costs with more
 * instances (the same per request: an instance keeps nothing another one needs, so Redis and
 * PostgreSQL see the same work per view wherever it is served; a change costs Redis its message
 * once per instance subscribed), and what a workload of the issue's size would need at these costs.
 */
final class CapacityModel {

    /** The costs the model starts from, all measured by the scale scenario with one serving instance. */
    record UnitCosts(double serverCpuMillisPerView, double redisCommandsPerView, double redisBytesPerView,
            double redisCpuMicrosPerView, double postgresTransactionsPerView, double postgresRowsPerView,
            double redisBytesPerChangePerInstance, double serverCpuMicrosPerFrame) {

        /**
         * From the page load over one instance, and from changes that reached {@code clientsPerChange}
         * clients while {@code instancesSubscribed} instances received every change.
         */
        static UnitCosts of(ScaleCost oneInstance, double redisBytesPerChange, int instancesSubscribed,
                double serverCpuMillisPerChange, int clientsPerChange) {
            return new UnitCosts(oneInstance.serverCpuMillisPerRequest(),
                    oneInstance.perRequest(oneInstance.redisCommands()), oneInstance.redisBytesPerRequest(),
                    oneInstance.redisCpuMicrosPerRequest(), oneInstance.perRequest(oneInstance.postgresTransactions()),
                    oneInstance.perRequest(oneInstance.postgresRowsReturned() + oneInstance.postgresRowsFetched()),
                    redisBytesPerChange / instancesSubscribed, serverCpuMillisPerChange * 1000 / clientsPerChange);
        }
    }

    /**
     * Concurrent logged-in users, each with a live page open, reading a page every
     * {@code secondsBetweenViews}; {@code editingShare} of them save a change every
     * {@code secondsBetweenSaves}; {@code homeShare} of them are on the home page, whose topic
     * every note change reaches.
     */
    record Workload(int users, double secondsBetweenViews, double editingShare, double secondsBetweenSaves,
            double homeShare) {

        /** Issue 16's: 100,000 concurrent users, 10 % editing. */
        static final Workload ISSUE = new Workload(100_000, 30, 0.10, 60, 0.5);

        double viewsPerSecond() {
            return users / secondsBetweenViews;
        }

        double changesPerSecond() {
            return users * editingShare / secondsBetweenSaves;
        }

        double homeSockets() {
            return users * homeShare;
        }
    }

    /** One figure: the model's value beside the measured one. */
    record Prediction(String figure, double model, double measured) {

        double measuredOverModel() {
            return measured / model;
        }
    }

    private CapacityModel() {
    }

    /**
     * The model's per-request costs for a load over more instances, beside what that load measured:
     * the same as over one instance.
     */
    static List<Prediction> predict(UnitCosts units, ScaleCost measured) {
        return List.of(
                new Prediction("server CPU / request, ms", units.serverCpuMillisPerView(), measured.serverCpuMillisPerRequest()),
                new Prediction("Redis commands / request", units.redisCommandsPerView(),
                        measured.perRequest(measured.redisCommands())),
                new Prediction("Redis bytes / request", units.redisBytesPerView(), measured.redisBytesPerRequest()),
                new Prediction("Redis CPU / request, µs", units.redisCpuMicrosPerView(), measured.redisCpuMicrosPerRequest()),
                new Prediction("PostgreSQL transactions / request", units.postgresTransactionsPerView(),
                        measured.perRequest(measured.postgresTransactions())));
    }

    /** What the workload needs at these costs: rows of figure, arithmetic, result. */
    static List<List<String>> sizing(UnitCosts units, Workload workload) {
        double views = workload.viewsPerSecond();
        double changes = workload.changesPerSecond();
        double frames = changes * workload.homeSockets();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("views / s", number(workload.users()) + " users ÷ " + number(workload.secondsBetweenViews()) + " s", views, ""));
        rows.add(row("changes / s", number(workload.users()) + " × " + number(workload.editingShare()) + " ÷ "
                + number(workload.secondsBetweenSaves()) + " s", changes, ""));
        rows.add(row("server CPU for the views", number(views) + " × " + number(units.serverCpuMillisPerView()) + " ms",
                views * units.serverCpuMillisPerView() / 1000, "cores"));
        rows.add(row("live frames / s, one per change and home socket", number(changes) + " × "
                + number(workload.homeSockets()), frames, ""));
        rows.add(row("server CPU for those frames", number(frames) + " × " + number(units.serverCpuMicrosPerFrame()) + " µs",
                frames * units.serverCpuMicrosPerFrame() / 1e6, "cores"));
        rows.add(row("Redis commands / s", number(views) + " × " + number(units.redisCommandsPerView()),
                views * units.redisCommandsPerView(), ""));
        rows.add(row("Redis bytes / s (sessions)", number(views) + " × " + number(units.redisBytesPerView()) + " B",
                views * units.redisBytesPerView() / 1e6, "MB/s"));
        rows.add(row("Redis CPU (sessions; one core is the most one Redis uses)", number(views) + " × "
                + number(units.redisCpuMicrosPerView()) + " µs", views * units.redisCpuMicrosPerView() / 1e6, "cores"));
        rows.add(row("Redis event bytes / s per instance subscribed", number(changes) + " × "
                + number(units.redisBytesPerChangePerInstance()) + " B",
                changes * units.redisBytesPerChangePerInstance() / 1e6, "MB/s"));
        rows.add(row("PostgreSQL transactions / s", number(views) + " × " + number(units.postgresTransactionsPerView()),
                views * units.postgresTransactionsPerView(), ""));
        rows.add(row("PostgreSQL rows read / s", number(views) + " × " + number(units.postgresRowsPerView()),
                views * units.postgresRowsPerView(), ""));
        return rows;
    }

    private static List<String> row(String figure, String arithmetic, double result, String unit) {
        return List.of(figure, arithmetic, (number(result) + " " + unit).strip());
    }

    private static String number(double value) {
        return Report.number(value);
    }
}
