package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void scenariosAreAllUnlessNamedAndAnUnknownNameIsRefused() {
        assertThat(BenchSettings.scenarios(" ")).containsExactlyElementsOf(BenchSettings.SCENARIOS);
        assertThat(BenchSettings.scenarios("hostile, pages")).isEqualTo(Set.of("hostile", "pages"));
        assertThatThrownBy(() -> BenchSettings.scenarios("hostile,storm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'storm'");
    }
}
