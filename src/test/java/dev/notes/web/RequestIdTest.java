package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aWellFormedIncomingIdIsKept() {
        assertThat(RequestId.of("3f2a9c0e5b7d41e6a8c2f0b9d4e1a7c3")).isEqualTo("3f2a9c0e5b7d41e6a8c2f0b9d4e1a7c3");
        assertThat(RequestId.of("0e4c2b1a-9f8d-4c7b-a6e5-d4c3b2a1f0e9")).isEqualTo("0e4c2b1a-9f8d-4c7b-a6e5-d4c3b2a1f0e9");
        assertThat(RequestId.of("a.b_c-D")).isEqualTo("a.b_c-D");
        assertThat(RequestId.of("x".repeat(RequestId.MAX_LENGTH))).hasSize(RequestId.MAX_LENGTH);
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        for (String hostile : new String[] {null, "", "x".repeat(RequestId.MAX_LENGTH + 1), "abc\r\nforged: line",
                "abc\ndef", "\"quoted\"", "it's", "a b", "a%0d%0a", "ünïcode", "<script>", "a\u0000b", "a\u202eb"}) {
            String id = RequestId.of(hostile);
            assertThat(id).as("for %s", hostile).isNotEqualTo(hostile).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void newIdsAre128BitsOfHexAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestId.newId());
        }
        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }
}
