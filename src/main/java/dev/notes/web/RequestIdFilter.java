package dev.notes.web;

import dev.notes.platform.LogFields;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id ({@link RequestId}: the proxy's {@code X-Request-Id} if well-formed,
 * else a new one), sends it back in the {@code X-Request-Id} response header, where the access log
 * reads it ({@code %{X-Request-Id}o}), and puts it on every log line written on the request's thread
 * meanwhile ({@link LogFields}: {@code ext_requestId} in JSON logs). The first filter in web.xml, so
 * that even a refused request has one.
 */
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestId.of(request.getHeader(RequestId.HEADER));
        response.setHeader(RequestId.HEADER, id);
        LogFields.beginRequest(id);
        try {
            chain.doFilter(request, response);
        } finally {
            LogFields.endRequest();
        }
    }
}
