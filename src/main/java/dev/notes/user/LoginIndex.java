package dev.notes.user;

import java.util.List;

/**
 * The logins each user has now, for the account page: Liberty's session store has no index by user,
 * so this keeps one. A login is added when it starts and removed when its session ends (logout,
 * expiry, a newer epoch: {@link LoginIndexMaintenance}); an entry lives at most the session
 * lifetime, so one whose end went unseen (an instance killed) goes by itself. Adapters:
 * {@link DatabaseLoginIndex} alone, one in Redis in a cluster ({@code dev.notes.cluster}): each
 * beside the sessions it lists, so the list outlives what they outlive.
 */
public interface LoginIndex {

    /** Most logins kept per user: beyond it the oldest is forgotten (it still works; it is only not listed). */
    int MAX_PER_USER = 50;

    void add(String username, ActiveLogin login);

    void remove(String username, String loginId);

    /** The user's logins younger than the session lifetime, newest first. */
    List<ActiveLogin> of(String username);

    /** Forgets every login of the user: they have all been ended at once. */
    void removeAll(String username);
}
