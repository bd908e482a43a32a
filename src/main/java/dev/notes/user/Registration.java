package dev.notes.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;

/**
 * What a new user fills in. The username is normalised to lower case, so that "Alice" and
 * "alice" cannot be two people. A password is 12 to 128 characters (any characters, spaces
 * included: a passphrase is welcome) and not one of the {@link CommonPasswords} ({@link NewPassword}). Accounts made
 * under the earlier 8-character rule keep their passwords: only a new password is checked.
 */
public class Registration implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int USERNAME_MAX = 40;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;

    @NotNull(message = "Please choose a username.")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,40}",
            message = "A username is 3 to 40 letters, digits or the characters . _ -")
    private String username;

    @DisplayName
    private String displayName;

    @EmailAddress
    private String email;

    @NewPassword
    private String password;

    public Registration() {
    }

    public Registration(String username, String displayName, String email, String password) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.password = password;
    }

    public static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * An e-mail address as stored: trimmed, its domain in lower case (the local part's case may
     * matter to its mail server); null for nothing but white space, which is no address.
     */
    public static String normaliseEmail(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        return at < 0 ? trimmed
                : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
