package dev.moeadvisor.web.guard;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose URI is longer than {@value #MAX_URI} characters with a 414 problem, on the HTTP router
 * before any resource or static file (ids, names and query parameters are far shorter). The HTTP server itself
 * accepts request lines up to {@code quarkus.http.limits.max-initial-line-length} (64 KiB) so that this answer,
 * not the server's bare one, is what a client sees; a longer line still gets the server's bodiless 414.
 */
@ApplicationScoped
public class RequestLineGuard {

    /** Longest request URI (path and query) answered. */
    public static final int MAX_URI = 8192;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String uri = rc.request().uri();
            if (uri != null && uri.length() > MAX_URI) {
                JsonObject problem = new JsonObject().put("type", "uri-too-long").put("title", "URI too long")
                        .put("status", 414).put("detail", "the request URI has " + uri.length()
                                + " characters; the limit is " + MAX_URI);
                rc.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(problem.encode());
                return;
            }
            rc.next();
        });
    }
}
