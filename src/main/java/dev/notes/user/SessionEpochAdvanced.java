package dev.notes.user;

/**
 * The user's session epoch was raised, ending every login that carries a lower one. Fired inside
 * the transaction that raised it; {@link SessionEpochs} acts once it commits.
 */
public record SessionEpochAdvanced(String username) {
}
