package dev.moeadvisor.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON input: a typo in a field name, a number given as text, a fraction where a whole number goes, or a
 * missing primitive is refused with a 400 naming the field rather than silently defaulted or truncated. A field
 * given twice is refused too (400): it is ambiguous, and on a record whose every field was already read Jackson
 * would otherwise fail with a definition error that answers 500.
 *
 * <p>Numbers are read and written with Jackson's fast double parser and writer (FastDoubleParser, Schubfach): the
 * same doubles, correctly rounded, where the JDK's {@code Double.toString} was a tenth of an evaluate's cost; the text
 * written is the shortest that reads back as the same double.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.configure(JsonParser.Feature.USE_FAST_DOUBLE_PARSER, true);
        mapper.configure(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER, true);
        mapper.configure(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS, true);
        mapper.configure(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS, true);
    }
}
