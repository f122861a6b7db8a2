package dev.moeadvisor.web.api;

import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A flag that turns true when the HTTP client goes away before its answer is sent (Vert.x calls the routing
 * context's end handlers with a failure when the connection closes first), so a plan or sweep running on a worker
 * thread can stop itself ({@link dev.moeadvisor.plan.SearchLimits}).
 */
public final class ClientGone {

    private ClientGone() {
    }

    public static BooleanSupplier watch(RoutingContext context) {
        if (context == null) {
            return () -> false;
        }
        AtomicBoolean gone = new AtomicBoolean(context.response().closed());
        context.addEndHandler(result -> {
            if (result.failed()) {
                gone.set(true);
            }
        });
        return gone::get;
    }
}
