package dev.notes.user;

/**
 * The user's session epoch was raised, ending every login that carries a lower one, or the user's
 * account began, under a name that may have belonged to a deleted one. Fired inside the transaction
 * that changed it; {@link SessionEpochs} acts once it commits, on every instance.
 */
public record SessionEpochAdvanced(String username) {
}
