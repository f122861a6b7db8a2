package dev.moeadvisor.web.ui.shared;

/**
 * Reads the text of form inputs as numbers in the forms {@link HumanNumber} accepts. Blank text is absent
 * ({@code null}); text that is not a number is recorded in the {@link FormErrors} under its field and read as absent,
 * so that validation can still report the other fields. One instance per request.
 */
public final class FormNumbers {

    private final FormErrors errors;

    public FormNumbers(FormErrors errors) {
        this.errors = errors;
    }

    /** A number ({@code 1e23}, {@code 10T}, {@code 35%}), or {@code null} when blank or unreadable. */
    public Double number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HumanNumber.parse(text);
        } catch (HumanNumber.UnreadableNumberException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }

    /** A whole number that fits an {@code int} ({@code 4k}, {@code 32,768}), or {@code null}. */
    public Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long x = HumanNumber.parseWhole(text);
            if (x > Integer.MAX_VALUE || x < Integer.MIN_VALUE) {
                errors.add(field, "is too large");
                return null;
            }
            return (int) x;
        } catch (HumanNumber.UnreadableNumberException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }
}
