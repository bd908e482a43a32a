package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EventSignerTest {

    private static final byte[] KEY = key(1);
    private final EventSigner signer = new EventSigner(KEY);

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void theSignatureIsTheHmacSha256OfTheUtf8BytesInUnpaddedBase64Url() throws Exception {
        String encoded = "{\"note\":{\"title\":\"é 😀\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));

        assertThat(signer.sign(encoded)).isEqualTo(expected).hasSize(EventSigner.SIGNATURE_CHARS);
        assertThat(signer.verify(encoded, expected)).isTrue();
    }

    @Test
    void aChangedEventOrSignatureOrAnotherKeyFails() {
        String signature = signer.sign("{\"a\":1}");
        char last = signature.charAt(signature.length() - 1);
        String changedSignature = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(signer.verify("{\"a\":2}", signature)).isFalse();
        assertThat(signer.verify("{\"a\":1}", changedSignature)).isFalse();
        assertThat(new EventSigner(key(2)).verify("{\"a\":1}", signature)).isFalse();
    }

    @Test
    void signaturesThatAreNoBase64OrOfAnotherLengthFail() {
        String signature = signer.sign("{}");
        assertThat(signer.verify("{}", "")).isFalse();
        assertThat(signer.verify("{}", "!".repeat(EventSigner.SIGNATURE_CHARS))).isFalse();
        assertThat(signer.verify("{}", signature.substring(0, 40))).isFalse();
        assertThat(signer.verify("{}", signature + "AAAA")).isFalse();
    }
}
