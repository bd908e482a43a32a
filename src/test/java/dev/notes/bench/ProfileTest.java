package dev.notes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void namesAFrameByTypeAndMethod() {
        RecordedClass type = mock(RecordedClass.class);
        when(type.getName()).thenReturn("dev.notes.note.NoteService");
        RecordedMethod method = mock(RecordedMethod.class);
        when(method.getType()).thenReturn(type);
        when(method.getName()).thenReturn("create");
        RecordedFrame frame = mock(RecordedFrame.class);
        when(frame.getMethod()).thenReturn(method);

        assertEquals("dev.notes.note.NoteService.create", Profile.method(frame));
    }

    @Test
    void aFrameWithoutItsMethodCountsAsNotRecorded() {
        // CI met such a frame in a real recording: the profile failed with a NullPointerException
        RecordedFrame frame = mock(RecordedFrame.class);
        when(frame.getMethod()).thenReturn(null);

        assertEquals(Profile.UNKNOWN_METHOD, Profile.method(frame));
    }
}
