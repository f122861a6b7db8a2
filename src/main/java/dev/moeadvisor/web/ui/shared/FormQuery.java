package dev.moeadvisor.web.ui.shared;

import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A text form (a record of {@code String} fields, named as the form's inputs) as a URL query, and back: the
 * permalink of a result that is computed from its form rather than stored. Blank fields are left out; reading
 * takes each field's first value and leaves a missing one {@code null}, as an unsent form field would be.
 */
public final class FormQuery {

    private FormQuery() {
    }

    /** {@code name=value&...} of the form's non-blank fields, in declaration order, URL-encoded. */
    public static String of(Record form) {
        StringJoiner query = new StringJoiner("&");
        for (RecordComponent c : form.getClass().getRecordComponents()) {
            Object value = value(c, form);
            if (value != null && !value.toString().isBlank()) {
                query.add(encode(c.getName()) + "=" + encode(value.toString()));
            }
        }
        return query.toString();
    }

    /** The form whose fields are the query's parameters of the same names. */
    public static <R extends Record> R read(Class<R> type, MultivaluedMap<String, String> query) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> query.getFirst(c.getName())).toArray();
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type + " is not a text form", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type + " refused its fields", e.getCause());
        }
    }

    private static Object value(RecordComponent c, Record form) {
        try {
            return c.getAccessor().invoke(form);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
