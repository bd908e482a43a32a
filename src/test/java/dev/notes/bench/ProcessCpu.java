package dev.notes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU time a process has used, user and system, from the kernel's {@code /proc/<pid>/stat}: the
 * "scale" scenario sums it over the Liberty JVMs serving a load.
 */
final class ProcessCpu {

    /** Clock ticks per second, the unit of utime and stime ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {
    }

    /** User plus system CPU seconds the process has used so far. */
    /** The CPU seconds of several processes, summed. */
    static double seconds(List<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            total += seconds(pid);
        }
        return total;
    }

    static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc/" + pid + "/stat")), TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line, in seconds. The fields are
     * counted after the command name's closing parenthesis, since the name itself may hold spaces and
     * parentheses.
     */
    static double seconds(String stat, long ticksPerSecond) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        // afterName[0] is field 3 (state), so field n is afterName[n - 3].
        long utime = Long.parseLong(afterName[14 - 3]);
        long stime = Long.parseLong(afterName[15 - 3]);
        return (double) (utime + stime) / ticksPerSecond;
    }

    private static long ticksPerSecond() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && output.matches("\\d+")) {
                return Long.parseLong(output);
            }
        } catch (IOException e) {
            // Fall through to Linux's value on every common architecture.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
