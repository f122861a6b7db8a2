package dev.moeadvisor.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.shape.KnownShape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The published model shapes bundled in {@code data/shapes/known-shapes.json}. */
@ApplicationScoped
public class KnownShapeCatalog {

    static final String RESOURCE = "data/shapes/known-shapes.json";

    private final List<KnownShape> shapes;

    @Inject
    public KnownShapeCatalog(ObjectMapper mapper) {
        this.shapes = load(mapper);
    }

    static List<KnownShape> load(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            // a shape's optional int fields (moeLayerStep, mtpModules, slidingWindow) may be left out: 0 = unset
            return List.copyOf(mapper.readerFor(new TypeReference<List<KnownShape>>() { })
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<KnownShape> all() {
        return shapes;
    }

    public Optional<KnownShape> byId(String id) {
        return shapes.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
