package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * The announcer of an instance on its own: its one cache is the one {@link SessionEpochs} has
 * already forgotten the entry of, so there is no other instance to tell.
 */
@ApplicationScoped
@Typed(LocalSessionEpochAnnouncer.class)
public class LocalSessionEpochAnnouncer implements SessionEpochAnnouncer {

    @Override
    public void announce(String username) {
        // nobody else to tell
    }
}
