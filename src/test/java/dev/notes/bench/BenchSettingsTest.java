package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void scenariosAreAllButScaleUnlessNamedAndAnUnknownNameIsRefused() {
        assertThat(BenchSettings.scenarios(" ")).containsExactly("pages", "sessions", "latency", "fanout", "footprint",
                "soak", "hostile", "growth");
        assertThat(BenchSettings.scenarios("scale")).containsExactly("scale");
        assertThat(BenchSettings.scenarios("hostile, pages")).isEqualTo(Set.of("hostile", "pages"));
        assertThatThrownBy(() -> BenchSettings.scenarios("hostile,storm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'storm'");
    }
}
