package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules for NOTES_FACES_SECRET and NOTES_FACES_MAC_SECRET, read as the application reads them. */
class FacesKeysTest {

    /** Fixed bytes that look random enough (distinct, not printable text); made here, written nowhere. */
    private static String key(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + 151 * i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final String SECRET = key(32, 7);
    private static final String MAC_SECRET = key(32, 91);

    private static Settings settings(Map<String, String> values) {
        return Settings.from(name -> Optional.ofNullable(values.get(name)));
    }

    private static Settings keys(String secret, String macSecret, String cluster) {
        Map<String, String> values = new HashMap<>();
        values.put("NOTES_CLUSTER", cluster);
        values.put("NOTES_FACES_SECRET", secret);
        values.put("NOTES_FACES_MAC_SECRET", macSecret);
        values.values().removeIf(value -> value == null);
        return settings(values);
    }

    @Test
    void goodKeysReachMyFacesUnchanged() {
        FacesKeys keys = keys(SECRET, MAC_SECRET, "redis").viewState().keys().orElseThrow();
        assertThat(keys.secretBase64()).isEqualTo(SECRET);
        assertThat(keys.macSecretBase64()).isEqualTo(MAC_SECRET);
    }

    @Test
    void everyAesKeyLengthIsTakenAndALongerMacKeyToo() {
        for (int length : new int[] {16, 24, 32}) {
            assertThat(keys(key(length, 3), key(64, 5), "none").viewState().keys()).as("%d bytes", length).isPresent();
        }
    }

    @Test
    void paddingMayBeLeftOffAsMyFacesDecoderAllowsIt() {
        String unpadded = key(16, 11).replace("=", "");
        assertThat(keys(unpadded, MAC_SECRET, "none").viewState().keys().orElseThrow().secretBase64())
                .isEqualTo(key(16, 11));
    }

    @Test
    void aloneWithoutKeysMyFacesMakesItsOwn() {
        assertThat(settings(Map.of()).viewState().keys()).isEmpty();
    }

    @Test
    void aClusterWithoutKeysDoesNotStart() {
        assertRefused(() -> keys(null, null, "redis"), "NOTES_CLUSTER=redis needs NOTES_FACES_SECRET and NOTES_FACES_MAC_SECRET");
    }

    @Test
    void oneKeyWithoutTheOtherDoesNotStartAloneOrInACluster() {
        assertRefused(() -> keys(SECRET, null, "none"), "NOTES_FACES_SECRET is set but NOTES_FACES_MAC_SECRET is not");
        assertRefused(() -> keys(null, MAC_SECRET, "redis"), "NOTES_FACES_MAC_SECRET is set but NOTES_FACES_SECRET is not");
    }

    @Test
    void theExamplesPlaceholderIsRefusedAsSuch() {
        assertRefused(() -> keys("change me", "change me", "redis"), "NOTES_FACES_SECRET is a placeholder",
                "NOTES_FACES_MAC_SECRET is a placeholder");
        assertRefused(() -> keys(SECRET, "CHANGE_ME", "none"), "NOTES_FACES_MAC_SECRET is a placeholder");
    }

    @Test
    void somethingThatIsNotBase64IsRefused() {
        assertRefused(() -> keys(SECRET.replace('A', '!').replace('a', '!') + "!", MAC_SECRET, "none"),
                "NOTES_FACES_SECRET is not base64");
        // the URL-safe alphabet is not what MyFaces decodes
        String urlSafe = Base64.getUrlEncoder().encodeToString(Base64.getDecoder().decode(key(32, 200)));
        assertThat(urlSafe).containsAnyOf("-", "_");
        assertRefused(() -> keys(SECRET, urlSafe, "none"), "NOTES_FACES_MAC_SECRET is not base64");
    }

    @Test
    void keysTooShortOrOfNoAesLengthAreRefused() {
        assertRefused(() -> keys(key(8, 1), MAC_SECRET, "none"), "NOTES_FACES_SECRET decodes to 8 bytes");
        assertRefused(() -> keys(key(20, 1), MAC_SECRET, "none"), "NOTES_FACES_SECRET decodes to 20 bytes");
        assertRefused(() -> keys(key(64, 1), MAC_SECRET, "none"), "NOTES_FACES_SECRET decodes to 64 bytes");
        assertRefused(() -> keys(SECRET, key(16, 1), "none"), "NOTES_FACES_MAC_SECRET decodes to 16 bytes, fewer than the 32");
    }

    @Test
    void weakKeysAreRefused() {
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] sevens = new byte[16];
        Arrays.fill(sevens, (byte) 7);
        assertRefused(() -> keys(Base64.getEncoder().encodeToString(sevens), zeros, "none"),
                "NOTES_FACES_SECRET is one byte repeated", "NOTES_FACES_MAC_SECRET is one byte repeated");
        String phrase = Base64.getEncoder().encodeToString("our very own secret phrase, 2026".getBytes());
        assertRefused(() -> keys(SECRET, phrase, "none"), "NOTES_FACES_MAC_SECRET decodes to plain text");
        assertRefused(() -> keys(SECRET, SECRET, "none"), "are the same key");
    }

    @Test
    void messagesSayHowToMakeKeysAndNeverShowTheValue() {
        String phrase = Base64.getEncoder().encodeToString("our very own secret phrase, 2026".getBytes());
        assertThatThrownBy(() -> keys(key(8, 1), phrase, "redis"))
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(key(8, 1))
                .hasMessageNotContaining(phrase);
    }

    @Test
    void theKeysNeverShowInTheirTextForm() {
        FacesKeys keys = keys(SECRET, MAC_SECRET, "none").viewState().keys().orElseThrow();
        assertThat(keys.toString()).isEqualTo("FacesKeys[AES 256 bits, HmacSHA256 256 bits]")
                .doesNotContain(SECRET).doesNotContain(MAC_SECRET);
    }

    private static void assertRefused(ThrowingCallable reading, String... messages) {
        assertThatThrownBy(reading).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messages)
                .hasMessageContaining("openssl rand -base64 32");
    }
}
