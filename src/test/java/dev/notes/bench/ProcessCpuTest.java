package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void addsUserAndSystemTicksCountedAfterTheCommandName() {
        // A command name with a space and a parenthesis, as a thread may name itself.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 57 0 9876 4000000000 100000"
                + " 18446744073709551615 1 1 0 0 0 0 0 4096 17922 0 0 0 17 1 0 0 0 0 0\n";

        assertThat(ProcessCpu.seconds(stat, 100)).isCloseTo(18.01, within(1e-9));
        assertThat(ProcessCpu.seconds(stat, 1000)).isCloseTo(1.801, within(1e-9));
    }

    @Test
    void readsThisProcess() {
        assertThat(ProcessCpu.seconds(ProcessHandle.current().pid())).isPositive();
    }
}
