package dev.moeadvisor.service;

/**
 * A client's value quoted back in a message, bounded: at most {@value #MAX} characters, then an ellipsis and the
 * full length, so an 11 MB id is never echoed whole (in a problem's detail and its field error alike).
 */
public final class Echo {

    /** Most characters of a client's value repeated in a message. */
    public static final int MAX = 64;

    private Echo() {
    }

    /** {@code 'value'}, or {@code 'first 64 characters…' (N characters)}. */
    public static String quoted(String value) {
        if (value == null) {
            return "''";
        }
        if (value.length() <= MAX) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX) + "…' (" + value.length() + " characters)";
    }
}
