package dev.notes.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.notes.platform.Settings;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DelayedRefusalsTest {

    private final DelayedRefusals refusals = new DelayedRefusals(Settings.from(name -> Optional.ofNullable(
            Map.of("REFUSAL_DELAY", "1500ms", "REFUSALS_HELD_MAX", "2").get(name))));
    private final List<HttpServletResponse> answered = new ArrayList<>();

    /** A request that can wait; its async context hands the listener to {@code listeners}. */
    private Waiting request(boolean asyncSupported) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        AsyncContext async = mock(AsyncContext.class);
        when(request.isAsyncSupported()).thenReturn(asyncSupported);
        when(request.startAsync(request, response)).thenReturn(async);
        when(async.getResponse()).thenReturn(response);
        return new Waiting(request, response, async);
    }

    private record Waiting(HttpServletRequest request, HttpServletResponse response, AsyncContext async) {

        AsyncListener listener() {
            ArgumentCaptor<AsyncListener> listener = ArgumentCaptor.forClass(AsyncListener.class);
            verify(async).addListener(listener.capture());
            return listener.getValue();
        }

        AsyncEvent event() {
            return new AsyncEvent(async, request, response);
        }
    }

    private void refuse(Waiting waiting) throws Exception {
        refusals.refuse(waiting.request(), waiting.response(), answered::add);
    }

    @Test
    void aRefusalWaitsForTheDelayThenIsAnsweredAndItsPlaceGivenBack() throws Exception {
        Waiting waiting = request(true);
        refuse(waiting);

        verify(waiting.async()).setTimeout(1500);
        assertThat(answered).as("nothing before the delay").isEmpty();
        assertThat(refusals.held()).isEqualTo(1);

        AsyncListener listener = waiting.listener();
        listener.onTimeout(waiting.event());
        assertThat(answered).containsExactly(waiting.response());
        verify(waiting.async()).complete();
        listener.onComplete(waiting.event());
        assertThat(refusals.held()).isZero();
    }

    @Test
    void beyondTheMostHeldRefusalsAreAnsweredAtOnce() throws Exception {
        Waiting first = request(true);
        Waiting second = request(true);
        Waiting third = request(true);
        refuse(first);
        refuse(second);
        refuse(third);

        assertThat(answered).containsExactly(third.response());
        verify(third.request(), never()).startAsync(any(), any());
        assertThat(refusals.held()).isEqualTo(2);

        first.listener().onComplete(first.event());
        Waiting fourth = request(true);
        refuse(fourth);
        assertThat(answered).as("a place was given back").containsExactly(third.response());
    }

    @Test
    void aClientThatGoesAwayWhileWaitingGivesItsPlaceBack() throws Exception {
        Waiting waiting = request(true);
        refuse(waiting);
        AsyncListener listener = waiting.listener();

        listener.onError(waiting.event());
        verify(waiting.async()).complete();
        listener.onComplete(waiting.event());
        assertThat(refusals.held()).isZero();
        assertThat(answered).isEmpty();
    }

    @Test
    void aRequestThatCannotWaitIsAnsweredAtOnce() throws Exception {
        Waiting waiting = request(false);
        refuse(waiting);

        assertThat(answered).containsExactly(waiting.response());
        assertThat(refusals.held()).isZero();
    }
}
