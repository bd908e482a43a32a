package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringPeerTest {

    @Test
    void runsWithNotesJvmOptionsWithoutTheirCommentsOrTheirDeserialisationFilter(@TempDir Path directory) throws Exception {
        Path options = Files.writeString(directory.resolve("jvm.options"), """
                # A fixed heap ceiling
                -Xmx384m
                # what Notes deserialises
                -Djdk.serialFilter=java.lang.*;dev.notes.**;!*

                # restarted by its supervisor
                -XX:+ExitOnOutOfMemoryError
                """);

        assertThat(SpringPeer.notesJvmOptions(options)).containsExactly("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void readsTheCsrfTokenOfAForm() {
        String form = "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"a1-B2_c3\"/></form>";

        assertThat(SpringPeer.csrf(form)).isEqualTo("a1-B2_c3");
        assertThatThrownBy(() -> SpringPeer.csrf("<form></form>")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAFolderWithoutThePeer(@TempDir Path directory) {
        assertThatThrownBy(() -> SpringPeer.prepare(directory, directory.resolve("copy"), 6379, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no app/pom.xml");
    }
}
