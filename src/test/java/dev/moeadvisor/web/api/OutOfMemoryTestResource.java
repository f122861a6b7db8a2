package dev.moeadvisor.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test sources only: an endpoint that fails the way a request exhausting the heap does, so that the answer a client
 * gets for an {@link OutOfMemoryError} can be checked over HTTP without exhausting the test JVM's heap.
 */
@Path("/api/v1/test-only/out-of-memory")
public class OutOfMemoryTestResource {

    @GET
    public String fail() {
        throw new OutOfMemoryError("Java heap space");
    }
}
