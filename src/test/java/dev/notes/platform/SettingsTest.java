package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void unsetValuesAreTheEmbeddedDefaults() {
        Settings settings = settings(Map.of());
        assertThat(settings.cluster().isRedis()).isFalse();
        assertThat(settings.cluster().mode()).isEqualTo("none");
        assertThat(settings.cluster().instanceName()).isEmpty();
        assertThat(settings.firstUser().username()).isEmpty();
    }

    @Test
    void theClusterModeIgnoresCaseAndBlanks() {
        assertThat(settings(Map.of("NOTES_CLUSTER", " Redis ")).cluster().isRedis()).isTrue();
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(settings(Map.of("NOTES_INSTANCE", "  ")).cluster().instanceName()).isEmpty();
    }

    @Test
    void anUnknownModeStopsTheStartAndNamesTheVariable() {
        assertThatThrownBy(() -> settings(Map.of("NOTES_CLUSTER", "kafka")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_CLUSTER=kafka")
                .hasMessageContaining("none, redis");
    }

    @Test
    void durationsUseLibertysNotation() {
        assertThat(Settings.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Settings.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Settings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Settings.parseDuration("1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void somethingElseIsNoDuration() {
        assertThat(Settings.parseDuration("")).isNull();
        assertThat(Settings.parseDuration("15")).isNull();
        assertThat(Settings.parseDuration("0s")).isNull();
        assertThat(Settings.parseDuration("-5m")).isNull();
        assertThat(Settings.parseDuration("5m 3s")).isNull();
        assertThat(Settings.parseDuration("99999999999999999999s")).isNull();
        assertThat(Settings.parseDuration("m")).isNull();
    }

    @Test
    void theRequestBodyLimitFitsALongNoteByDefault() {
        // 100,000 characters of 3-byte UTF-8, each byte form-encoded as %XX, plus the view state
        assertThat(settings(Map.of()).requests().maxBodyBytes()).isGreaterThan(100_000 * 9 + 64 * 1024);
        assertThat(settings(Map.of("REQUEST_MAX_BODY_BYTES", "65536")).requests().maxBodyBytes()).isEqualTo(65536);
    }

    @Test
    void aRequestBodyLimitTooSmallForAFormStopsTheStart() {
        assertThatThrownBy(() -> settings(Map.of("REQUEST_MAX_BODY_BYTES", "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REQUEST_MAX_BODY_BYTES=100");
        assertThatThrownBy(() -> settings(Map.of("REQUEST_MAX_BODY_BYTES", "2m")))
                .hasMessageContaining("REQUEST_MAX_BODY_BYTES=2m");
    }
}
