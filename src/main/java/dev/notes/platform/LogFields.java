package dev.notes.platform;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * Fields added to every log line Liberty writes as JSON ({@code LOG_FORMAT=json}), through Liberty's
 * {@link LogRecordContext}: its JSON logs print each as {@code ext_<name>}. The simple format shows
 * none of them (the access log has the request id in its own format).
 * <ul>
 * <li>{@code ext_instance}, on every line of the instance, Liberty's own included: the instance's
 * name, as in the {@code X-Notes-Instance} header, so lines gathered from many instances say where
 * they come from.</li>
 * <li>{@code ext_requestId}, on the lines written while a request is handled on its thread: the
 * request's id, as in its {@code X-Request-Id} response header and the access log.</li>
 * </ul>
 */
public final class LogFields {

    static final String INSTANCE = "instance";
    static final String REQUEST_ID = "requestId";

    /**
     * Liberty keeps registered extensions by weak reference: this one lives as long as the
     * application, then {@link #forgetInstance()} unregisters it.
     */
    private static volatile LogRecordContext.Extension instance;

    private LogFields() {
    }

    /** Names the instance on every log line from now on. */
    public static void nameInstance(String name) {
        LogRecordContext.Extension extension = () -> name;
        instance = extension;
        LogRecordContext.registerExtension(INSTANCE, extension);
    }

    /** At the application's stop: a later deployment names the instance again. */
    public static void forgetInstance() {
        LogRecordContext.unregisterExtension(INSTANCE);
        instance = null;
    }

    /** The lines this thread writes, until {@link #endRequest()}, carry this request id. */
    public static void beginRequest(String requestId) {
        LogRecordContext.addExtension(REQUEST_ID, requestId);
    }

    public static void endRequest() {
        LogRecordContext.removeExtension(REQUEST_ID);
    }
}
