package dev.notes.user;

/**
 * The user chose another display name. Fired inside the transaction that saved it;
 * {@link DisplayNames} forgets the old one once it commits.
 */
public record DisplayNameChanged(String username) {
}
