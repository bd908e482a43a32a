/**
 * The benchmark harness ({@code bench/run}): starts Redis, PostgreSQL and Liberty instances on this
 * machine, seeds notes, drives them with real load tools ({@code wrk} for HTTP, thousands of JDK
 * WebSocket clients for live traffic, and a hostile client, {@link dev.notes.bench.Attacker}, beside
 * normal users), measures the same pages again after growing the database to thousands of notes
 * by SQL ({@link dev.notes.bench.BulkNotes}, the "growth" scenario, last since it leaves the
 * database grown), measures the same load and changes spread over 1, 2 and 4 clustered instances
 * when asked (the "scale" scenario, run only when named, with {@link dev.notes.bench.ScaleCost} and
 * {@link dev.notes.bench.ProcessCpu} reading Redis's, PostgreSQL's and the kernel's counters, and
 * {@link dev.notes.bench.CapacityModel}, the model of {@code docs/capacity.md}, printing its
 * predictions beside those measurements and sizing 100,000 users at the run's costs) and writes
 * {@code target/bench/report.md}, a CSV and a latency plot;
 * given the Spring Boot peer's folder ({@code NOTES_PEER_DIR}), it runs the peer in the same run
 * ({@link dev.notes.bench.SpringPeer}) and reports Notes ÷ peer for every figure both show
 * ({@link dev.notes.bench.PeerComparison});
 * {@code -Dnotes.bench.scenarios} picks scenarios to run alone. Figures are reported, never
 * asserted: {@link dev.notes.bench.BenchmarkIT} runs a seconds-long smoke of the same code in every
 * build and checks only that it completed and lost nothing.
 */
package dev.notes.bench;
