package dev.notes.user;

/**
 * Tells the other instances that a user's session epoch changed, so that they forget what they
 * cached of it ({@link SessionEpochs#forget}) at once instead of at the end of its maximum age.
 * Alone, there is nobody to tell ({@link LocalSessionEpochAnnouncer}); in a cluster, through Redis
 * ({@code dev.notes.cluster.RedisSessionEpochAnnouncer}). Chosen by configuration in
 * {@code dev.notes.cluster.SessionEpochAnnouncers}.
 */
public interface SessionEpochAnnouncer {

    /** Announces a committed change of {@code username}'s epoch; never throws: a lost announcement only delays. */
    void announce(String username);
}
