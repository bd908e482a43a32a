package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.live.MessageBudget.Verdict;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);
    /** 60 a minute: one a second; bursts of 3. */
    private final MessageBudget budget = new MessageBudget(60, 3, now::get);

    private void pass(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void aBurstIsAcceptedAtOnceThenTheFirstOverItIsRefusedWithAWarning() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take()).isEqualTo(Verdict.ACCEPTED);
        }
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aClientThatGoesOnAfterTheWarningIsExhausted() {
        for (int i = 0; i < 3; i++) {
            budget.take();
        }
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);
        for (int i = 0; i < 2; i++) {
            assertThat(budget.take()).isEqualTo(Verdict.REFUSED);
        }
        assertThat(budget.take()).isEqualTo(Verdict.EXHAUSTED);
    }

    @Test
    void theBudgetRefillsAtTheSteadyRateUpToTheBurst() {
        for (int i = 0; i < 3; i++) {
            budget.take();
        }
        pass(1);
        assertThat(budget.take()).isEqualTo(Verdict.ACCEPTED);
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);

        pass(3600);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take()).as("a long pause refills no more than a burst").isEqualTo(Verdict.ACCEPTED);
        }
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);
    }

    @Test
    void aClientThatLetsItsBudgetFillUpIsForgivenAndWarnedAgain() {
        for (int i = 0; i < 3; i++) {
            budget.take();
        }
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED);
        pass(3);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take()).isEqualTo(Verdict.ACCEPTED);
        }
        assertThat(budget.take()).as("warned again: its refusals were forgotten").isEqualTo(Verdict.REFUSED_WITH_WARNING);
    }

    @Test
    void aPacedFloodThatGetsAMessageThroughNowAndThenIsStillExhausted() {
        // The benchmark's subscribe flood: far more than the rate, but never more than a burst of
        // refusals between two messages the refill lets through.
        for (int i = 0; i < 3; i++) {
            budget.take();
        }
        assertThat(budget.take()).isEqualTo(Verdict.REFUSED_WITH_WARNING);
        Verdict verdict = Verdict.REFUSED;
        for (int second = 0; second < 10 && verdict != Verdict.EXHAUSTED; second++) {
            pass(1);
            assertThat(budget.take()).isEqualTo(Verdict.ACCEPTED);
            verdict = budget.take();
        }
        assertThat(verdict).isEqualTo(Verdict.EXHAUSTED);
    }

    @Test
    void aBrowserNeverComesNearTheDefaults() {
        MessageBudget browser = new MessageBudget(60, 20, now::get);
        // subscribe on connect, then for ten minutes a ping every 25 s and a resubscribe every minute
        assertThat(browser.take()).isEqualTo(Verdict.ACCEPTED);
        for (int second = 1; second <= 600; second++) {
            pass(1);
            if (second % 25 == 0) {
                assertThat(browser.take()).isEqualTo(Verdict.ACCEPTED);
            }
            if (second % 60 == 0) {
                assertThat(browser.take()).isEqualTo(Verdict.ACCEPTED);
            }
        }
    }
}
