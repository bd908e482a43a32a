package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.Codec;
import org.redisson.codec.Kryo5Codec;

/** What Liberty's session cache stores goes through the codec and back; nothing else does. */
class SessionCodecTest {

    private final SessionCodec codec = new SessionCodec();

    private Object roundTrip(Object value) throws IOException {
        ByteBuf encoded = codec.getValueEncoder().encode(value);
        try {
            return codec.getValueDecoder().decode(encoded, null);
        } finally {
            encoded.release();
        }
    }

    private static byte[] bytes(Codec codec, Object value) throws IOException {
        ByteBuf encoded = codec.getValueEncoder().encode(value);
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return bytes;
        } finally {
            encoded.release();
        }
    }

    /** As Liberty's SessionInfo keeps it: created, last access, max inactive, listener types, user, attribute names. */
    private static ArrayList<Object> metadata() {
        ArrayList<Object> metadata = new ArrayList<>();
        metadata.add(1_764_446_400_000L);
        metadata.add(1_764_446_460_000L);
        metadata.add(1800);
        metadata.add((short) 0);
        metadata.add("anonymous");
        metadata.add(new TreeSet<>(List.of("notes.u", "jakarta.faces.request.charset")));
        return metadata;
    }

    @Test
    void sessionMetadataRoundTrips() throws IOException {
        assertThat(roundTrip(metadata())).isEqualTo(metadata());
    }

    @Test
    void metadataWithoutAttributesRoundTrips() throws IOException {
        ArrayList<Object> metadata = metadata();
        metadata.set(5, null);
        assertThat(roundTrip(metadata)).isEqualTo(metadata);
    }

    @Test
    void attributeBytesAndKeysRoundTrip() throws IOException {
        byte[] attribute = {(byte) 0xac, (byte) 0xed, 0, 5, 't', 0, 1, 'x'};
        assertThat((byte[]) roundTrip(attribute)).containsExactly(attribute);
        assertThat(roundTrip("S1yJm3nB0QfVt2xK9wLd4Ea.notes.u")).isEqualTo("S1yJm3nB0QfVt2xK9wLd4Ea.notes.u");
        assertThat(roundTrip(42L)).isEqualTo(42L);
    }

    @Test
    void noValueCarriesAClassName() throws IOException {
        String encoded = new String(bytes(codec, metadata()), StandardCharsets.ISO_8859_1);
        assertThat(encoded).doesNotContain("java.util");
        assertThat(bytes(codec, metadata()).length).isLessThan(bytes(new Kryo5Codec(), metadata()).length - 30);
    }

    @Test
    void anUnregisteredClassIsNeitherWrittenNorRead() throws IOException {
        assertThatThrownBy(() -> bytes(codec, new HashMap<String, String>())).hasMessageContaining("not registered");
        // As someone who can write to Redis would plant it: a session's metadata holding another class
        byte[] planted = bytes(new Kryo5Codec(), new ArrayList<>(List.of(new HashMap<String, String>())));
        ByteBuf buffer = Unpooled.wrappedBuffer(planted);
        assertThatThrownBy(() -> codec.getValueDecoder().decode(buffer, null)).hasMessageContaining("java.util.HashMap");
    }

    @Test
    void redissonCanCopyItForAnotherClassLoader() throws ReflectiveOperationException, IOException {
        SessionCodec copy = BaseCodec.copy(getClass().getClassLoader(), codec);
        assertThat(copy).isInstanceOf(SessionCodec.class).isNotSameAs(codec);
        assertThat(bytes(copy, metadata())).containsExactly(bytes(codec, metadata()));
    }
}
