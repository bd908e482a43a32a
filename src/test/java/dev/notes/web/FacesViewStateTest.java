package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FacesViewStateTest {

    /**
     * MyFaces 4.0 refuses a view state when its age in whole minutes, rounded down, is above the
     * timeout; this is that rule, to show which timeout makes a lifetime exact.
     */
    private static boolean myFacesRefuses(long ageMillis, long timeoutMinutes) {
        return timeoutMinutes > 0 && ageMillis / 60_000 > timeoutMinutes;
    }

    @Test
    void aFormIsRefusedFromTheMomentItIsAsOldAsTheLifetime() {
        for (Duration lifetime : new Duration[] {Duration.ofMinutes(2), Duration.ofHours(12)}) {
            long timeout = FacesViewState.timeoutMinutes(lifetime);
            assertThat(myFacesRefuses(lifetime.toMillis() - 1, timeout)).as("just younger than %s", lifetime).isFalse();
            assertThat(myFacesRefuses(lifetime.toMillis(), timeout)).as("as old as %s", lifetime).isTrue();
        }
    }

    @Test
    void theShortestLifetimeStillExpires() {
        assertThat(FacesViewState.timeoutMinutes(Duration.ofMinutes(2))).isPositive();
    }
}
