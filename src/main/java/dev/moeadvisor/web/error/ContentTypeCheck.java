package dev.moeadvisor.web.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A request body whose {@code Content-Type} does not parse as a media type ({@code garbage}, {@code /json},
 * {@code application/json, text/plain}) is answered 415 before routing. Without this, a path with several
 * {@code @Consumes} methods (e.g. {@code POST /api/v1/datasets}: JSON or CSV) fails inside the framework's media
 * type parser with an IllegalArgumentException, which only the catch-all mapper sees (500).
 */
public class ContentTypeCheck {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || WITHOUT_BODY.contains(request.getMethod())) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "the Content-Type header is not a media type (type/subtype, e.g. application/json)", null);
        }
    }
}
