package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalUsernameTest {

    @Test
    void theClaimBecomesAUsernameOfOurs() {
        assertThat(ExternalUsername.base("Ada.Lovelace")).isEqualTo("ada.lovelace");
        assertThat(ExternalUsername.base("Zoë Ångström")).isEqualTo("zoe-angstrom");
        assertThat(ExternalUsername.base("ada@example.org")).isEqualTo("ada-example.org");
        assertThat(ExternalUsername.base("--..weird//name..--")).isEqualTo("weird-name");
        assertThat(ExternalUsername.base("日本")).isEmpty();
        assertThat(ExternalUsername.base(null)).isEmpty();
        assertThat(ExternalUsername.base("x".repeat(60))).hasSize(Registration.USERNAME_MAX);
    }

    @Test
    void everyCandidateIsAValidUsernameAndTheyAreTriedInOrder() {
        List<String> names = ExternalUsername.candidates("Grace", "subject-1");
        assertThat(names).hasSize(ExternalUsername.CANDIDATES).startsWith("grace", "grace-2", "grace-3")
                .endsWith("grace-20").doesNotHaveDuplicates();
        List<String> longOnes = ExternalUsername.candidates("y".repeat(40), "s");
        assertThat(longOnes).allMatch(name -> name.matches("[a-z0-9._-]{3,40}"));
        assertThat(longOnes.get(1)).isEqualTo("y".repeat(38) + "-2");
        assertThat(longOnes).doesNotHaveDuplicates();
    }

    @Test
    void withoutAUsableClaimTheSubjectStandsInAndAShortNameIsLengthened() {
        assertThat(ExternalUsername.candidates(null, "248289761001").get(0)).isEqualTo("248289761001");
        assertThat(ExternalUsername.candidates("日本", "f4e1c2").get(0)).isEqualTo("f4e1c2");
        assertThat(ExternalUsername.candidates("al", "s").get(0)).isEqualTo("user-al");
        assertThat(ExternalUsername.candidates("", "").get(0)).isEqualTo("user");
    }

    @Test
    void theDisplayNameClaimIsKeptWithinRegistrationsRules() {
        assertThat(ExternalAccounts.displayName("  Ada Lovelace ", "ada")).isEqualTo("Ada Lovelace");
        assertThat(ExternalAccounts.displayName("Ada\nINFO forged", "ada")).isEqualTo("Ada INFO forged");
        assertThat(ExternalAccounts.displayName(" ", "ada")).isEqualTo("ada");
        assertThat(ExternalAccounts.displayName(null, "ada")).isEqualTo("ada");
        assertThat(ExternalAccounts.displayName("n".repeat(150), "ada")).hasSize(Registration.DISPLAY_NAME_MAX);
    }
}
