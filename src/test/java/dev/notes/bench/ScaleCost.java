package dev.notes.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What serving a load cost the shared services and the servers, for the "scale" scenario: the
 * deltas of Redis's, PostgreSQL's and the kernel's counters over a measured round, divided by the
 * requests (or changes) the round served.
 */
record ScaleCost(long requests, double redisCommands, double redisBytesIn, double redisBytesOut, double redisCpuSeconds,
        double postgresTransactions, double postgresRowsReturned, double postgresRowsFetched, double serverCpuSeconds) {

    /** The counters at one moment; two of them make a cost. */
    record Counters(long redisCommands, long redisBytesIn, long redisBytesOut, double redisCpuSeconds,
            long postgresTransactions, long postgresRowsReturned, long postgresRowsFetched, double serverCpuSeconds) {

        /**
         * Redis's {@code INFO stats} totals and its CPU seconds ({@code used_cpu_user} +
         * {@code used_cpu_sys}), the benchmark database's line of {@code pg_stat_database} and the
         * CPU seconds of the given server processes, summed. The probe's own five INFO commands and
         * the statistics query count too: a few against thousands of requests.
         */
        static Counters read(RedisProbe redis, Connection postgres, List<Long> serverPids) {
            double cpu = ProcessCpu.seconds(serverPids);
            try (Statement statement = postgres.createStatement()) {
                // A fresh snapshot of the statistics, not the one this session read last.
                statement.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet row = statement.executeQuery("SELECT xact_commit, tup_returned, tup_fetched"
                        + " FROM pg_stat_database WHERE datname = current_database()")) {
                    if (!row.next()) {
                        throw new IllegalStateException("pg_stat_database has no line for the benchmark's database");
                    }
                    RedisProbe.Info info = redis.info();
                    return new Counters(info.number("total_commands_processed"),
                            info.number("total_net_input_bytes"), info.number("total_net_output_bytes"),
                            info.decimal("used_cpu_user") + info.decimal("used_cpu_sys"),
                            row.getLong(1), row.getLong(2), row.getLong(3), cpu);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read pg_stat_database", e);
            }
        }

        /** The cost of what was served between {@code earlier} and these counters. */
        ScaleCost since(Counters earlier, long requests) {
            return new ScaleCost(requests, redisCommands - earlier.redisCommands, redisBytesIn - earlier.redisBytesIn,
                    redisBytesOut - earlier.redisBytesOut, redisCpuSeconds - earlier.redisCpuSeconds,
                    postgresTransactions - earlier.postgresTransactions,
                    postgresRowsReturned - earlier.postgresRowsReturned, postgresRowsFetched - earlier.postgresRowsFetched,
                    serverCpuSeconds - earlier.serverCpuSeconds);
        }
    }

    /**
     * Less what Redis does for the instances when nobody uses them (Redisson's pings and the like),
     * at the given rates over the round's seconds; never below nothing. Redis's CPU stays whole: its
     * idle share is below what INFO's resolution shows over a round.
     */
    ScaleCost lessRedisIdle(double commandsPerSecond, double bytesInPerSecond, double bytesOutPerSecond, double seconds) {
        return new ScaleCost(requests, Math.max(0, redisCommands - commandsPerSecond * seconds),
                Math.max(0, redisBytesIn - bytesInPerSecond * seconds), Math.max(0, redisBytesOut - bytesOutPerSecond * seconds),
                redisCpuSeconds, postgresTransactions, postgresRowsReturned, postgresRowsFetched, serverCpuSeconds);
    }

    /** Several rounds' costs as one: their deltas and requests added up. */
    static ScaleCost sum(List<ScaleCost> rounds) {
        ScaleCost total = new ScaleCost(0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (ScaleCost round : rounds) {
            total = new ScaleCost(total.requests + round.requests, total.redisCommands + round.redisCommands,
                    total.redisBytesIn + round.redisBytesIn, total.redisBytesOut + round.redisBytesOut,
                    total.redisCpuSeconds + round.redisCpuSeconds, total.postgresTransactions + round.postgresTransactions,
                    total.postgresRowsReturned + round.postgresRowsReturned,
                    total.postgresRowsFetched + round.postgresRowsFetched, total.serverCpuSeconds + round.serverCpuSeconds);
        }
        return total;
    }

    /** A delta divided by the requests served; a round that served none has no cost per request. */
    double perRequest(double delta) {
        if (requests <= 0) {
            throw new IllegalStateException("no requests were served, so there is no cost per request");
        }
        return delta / requests;
    }

    double redisBytesPerRequest() {
        return perRequest(redisBytesIn + redisBytesOut);
    }

    double serverCpuMillisPerRequest() {
        return perRequest(serverCpuSeconds * 1000);
    }

    double redisCpuMicrosPerRequest() {
        return perRequest(redisCpuSeconds * 1e6);
    }
}
