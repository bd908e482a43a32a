package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnchangedSessionValuesTest {

    /** The session as Faces sees it, recording every write that would reach the session store. */
    private final List<String> writes = new ArrayList<>();
    private final Map<String, Object> session = new HashMap<>() {
        @Override
        public Object put(String key, Object value) {
            writes.add(key);
            return super.put(key, value);
        }
    };
    private final Map<String, Object> faces = new UnchangedSessionValues.SkippingEqualPuts(session);

    @Test
    void anEqualStringIsNotWrittenAgain() {
        faces.put("jakarta.faces.request.charset", "UTF-8");
        faces.put("jakarta.faces.request.charset", new String("UTF-8"));

        assertThat(writes).containsExactly("jakarta.faces.request.charset");
    }

    @Test
    void aDifferentValueIsWritten() {
        faces.put("charset", "UTF-8");
        faces.put("charset", "ISO-8859-1");

        assertThat(writes).hasSize(2);
        assertThat(session).containsEntry("charset", "ISO-8859-1");
    }

    @Test
    void theSameMutableObjectIsWrittenAgainBecauseThatIsHowAnInPlaceChangeIsAnnounced() {
        List<String> keys = new ArrayList<>(List.of("a"));
        faces.put("keys", keys);
        keys.add("b");
        faces.put("keys", keys);

        assertThat(writes).containsExactly("keys", "keys");
    }

    @Test
    void equalBoxedNumbersAndBooleansAreNotWrittenAgain() {
        faces.put("count", 3);
        faces.put("count", Integer.valueOf(3));
        faces.put("flag", Boolean.TRUE);
        faces.put("flag", true);

        assertThat(writes).containsExactly("count", "flag");
    }

    @Test
    void readsAndRemovalsReachTheSession() {
        session.put("x", "1");

        assertThat(faces.get("x")).isEqualTo("1");
        assertThat(faces.containsKey("x")).isTrue();
        assertThat(faces.remove("x")).isEqualTo("1");
        assertThat(session).doesNotContainKey("x");
    }
}
