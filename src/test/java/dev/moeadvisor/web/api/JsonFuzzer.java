package dev.moeadvisor.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of malformed requests: it mutates a valid JSON body (drop, duplicate or rename a field, swap a
 * value's type, extreme numbers, bare NaN/Infinity tokens, huge and deeply nested arrays, long and odd unicode
 * strings), then optionally damages the text (truncation, random bytes, stray characters), and draws random CSV
 * files, path segments and headers. Everything comes from one {@link SplittableRandom}, so a seed reproduces a run.
 */
final class JsonFuzzer {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Numbers at the edges: zero, signs, int/long overflow, double overflow/underflow, fractions where ints go. */
    static final String[] EXTREME_NUMBERS = {"0", "-0", "-1", "1", "0.5", "-0.0", "1e308", "-1e308", "1e-320",
            "4.9e-324", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "1e30", "1e32", "1e33", "1e18", "1e19", "1e999", "-1e999", "1e-999", "1.7976931348623157e308", "65536",
            "65537", "16777217", "1048577", "10000", "10001", "400", "401", "100001", "3.0", "1E+2", "123456789012345678901234567890",
            "0.0000000000000000000000000001"};
    /** Bare tokens that are not JSON numbers. */
    static final String[] BAD_TOKENS = {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "nan", "undefined",
            "0x10", "007", "+1", ".5", "1.", "1e", "--1", "1_000", "True", "NULL", "'single'", "1/0"};
    static final String[] TEXT_NUMBERS = {"NaN", "Infinity", "-Infinity", "1e22", "12", "", " ", "abc", "1,5", "0x1F",
            "١٢٣", "1e999", "null", "true"};
    /** Strings that have broken parsers, templates and logs elsewhere. */
    static final String[] ODD_STRINGS = {"", " ", "\t", "\u0000", "a\u0000b", "\uD83D\uDE00", "\uD800", "\uDFFF",
            "\u202Eevil", "Ωμέγα", "日本語", "é", "e\u0301", "\uFEFF", "\n", "\r\n", "\\", "\"", "'", "<script>alert(1)</script>",
            "{{x}}", "{x}", "${x}", "#{x}", "%s%n", "%00", "../../etc/passwd", "NaN", "null", "true", "0", "-1",
            "ling-2025", "default", "equal-resources-2025", "val_bpc", "train_loss", "H100", "h100", "moe", "dense",
            "MOE", "a,b", "a\"b", "'; DROP TABLE runs; --"};
    static final String[] FIELD_NAMES = {"", " ", "x", "null", "__proto__", "constructor", "@type", "$ref", "shape ",
            "Shape", "SHAPE", "tokens ", "compute_flops", "computeflops", "gpu_budget", "topk", "top_k", "dmodel", "id",
            "\u0000", "日本", "\uD83D\uDE00", "a.b", "a[0]", "class"};
    static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=xyz", "application/octet-stream", "text/csv",
            "application/json; charset=UTF-16", "application/json; charset=nonsense", "application/json; charset=",
            "application/json;;", "application/JSON", "garbage", "garbage/", "/json", "application/json, text/plain",
            "application/problem+json", "application/*", "*/*", "text/html", "application/json; q=abc",
            "application/vnd.api+json", "application/json-patch+json"};
    static final String[] ACCEPTS = {"*/*", "application/json", "application/problem+json", "text/csv", "text/html",
            "application/xml", "text/plain", "garbage", "application/json;q=0", "text/*;q=abc", "image/png",
            "text/html, application/json;q=0.1", "application/*", ""};

    final SplittableRandom r;
    private final Map<String, String> raw = new LinkedHashMap<>();
    private int markers;

    JsonFuzzer(SplittableRandom r) {
        this.r = r;
    }

    // ---- dice ----

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    int nextInt(int bound) {
        return r.nextInt(bound);
    }

    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    @SafeVarargs
    final <T> T pick(T... xs) {
        return xs[r.nextInt(xs.length)];
    }

    <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    /** 10^x for x uniform in [lo, hi]. */
    double decade(double lo, double hi) {
        return Math.pow(10, lo + r.nextDouble() * (hi - lo));
    }

    // ---- values ----

    String randomString() {
        return switch (r.nextInt(7)) {
            case 0 -> pick(ODD_STRINGS);
            case 1 -> ascii(between(1, 12));
            case 2 -> "x".repeat(between(200, 5000));
            case 3 -> unicode(between(1, 30));
            case 4 -> ascii(between(1, 8)) + pick(ODD_STRINGS);
            case 5 -> "y".repeat(between(50_000, 300_000));
            default -> Integer.toString(r.nextInt());
        };
    }

    String ascii(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) between(0x21, 0x7e));
        }
        return b.toString();
    }

    /** Letters and digits only, e.g. for names that must not accidentally spell a class name. */
    String word(int n) {
        String alphabet = "abcdefghijkmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    String unicode(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(6);
            int cp = switch (kind) {
                case 0 -> between(0, 0x1f);              // control characters
                case 1 -> between(0x80, 0x7ff);
                case 2 -> between(0x800, 0xd7ff);
                case 3 -> between(0xd800, 0xdfff);       // lone surrogates
                case 4 -> between(0x10000, 0x10ffff);
                default -> between(0xe000, 0xfffd);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** A raw token substituted verbatim into the serialized text (a JSON tree cannot hold NaN or 1e999). */
    JsonNode rawToken(String token) {
        String marker = "@@RAW" + (markers++) + "@@";
        raw.put('"' + marker + '"', token);
        return F.textNode(marker);
    }

    JsonNode randomValue(int depth) {
        int k = r.nextInt(depth > 2 ? 8 : 11);
        return switch (k) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(r.nextBoolean());
            case 2 -> F.textNode(randomString());
            case 3 -> rawToken(pick(EXTREME_NUMBERS));
            case 4 -> rawToken(pick(BAD_TOKENS));
            case 5 -> F.textNode(pick(TEXT_NUMBERS));
            case 6 -> F.numberNode(r.nextInt(2001) - 1000);
            case 7 -> F.numberNode(r.nextDouble() * decade(-3, 24));
            case 8 -> {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(depth + 1));
                }
                yield a;
            }
            case 9 -> {
                ObjectNode o = F.objectNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.set(pick(FIELD_NAMES) + i, randomValue(depth + 1));
                }
                yield o;
            }
            default -> F.arrayNode();
        };
    }

    /** Another type than the node's own, or a hostile value of the same type. */
    JsonNode swapType(JsonNode old) {
        return switch (r.nextInt(9)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(r.nextBoolean());
            case 2 -> old.isNumber() ? F.textNode(old.asText()) : F.textNode(randomString());
            case 3 -> rawToken(pick(EXTREME_NUMBERS));
            case 4 -> rawToken(pick(BAD_TOKENS));
            case 5 -> F.arrayNode().add(old.deepCopy());
            case 6 -> F.objectNode().set("value", old.deepCopy());
            case 7 -> F.textNode(pick(TEXT_NUMBERS));
            default -> randomValue(0);
        };
    }

    JsonNode hugeArray() {
        ArrayNode a = F.arrayNode();
        int n = pick(1000, 10_000, 100_000);
        JsonNode item = chance(0.5) ? F.numberNode(1) : F.textNode("z");
        for (int i = 0; i < n; i++) {
            a.add(item);
        }
        return a;
    }

    /** Nesting deeper than any parser default (Jackson: 1000). */
    JsonNode deepNesting() {
        int depth = pick(50, 999, 1001, 5000, 20_000);
        String open = chance(0.5) ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return rawToken(open.repeat(depth) + "1" + close.repeat(depth));
    }

    // ---- tree mutations ----

    /** Every container in the tree (the root included), for picking a place to mutate. */
    private static List<ContainerNode<?>> containers(JsonNode root) {
        List<ContainerNode<?>> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) {
            out.add(c);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }

    /** Applies one random structural mutation somewhere in the tree; returns the (possibly new) root. */
    JsonNode mutateTree(JsonNode root) {
        if (chance(0.04)) {
            return randomValue(0);                                   // a different root entirely
        }
        List<ContainerNode<?>> cs = containers(root);
        if (cs.isEmpty()) {
            return randomValue(0);
        }
        ContainerNode<?> c = pick(cs);
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? null : pick(names);
            int op = r.nextInt(10);
            if (name == null) {
                op = 6;
            }
            switch (op) {
                case 0 -> o.remove(name);
                case 1 -> {                                          // duplicate key, second value differs
                    String marker = "@@DUP" + (markers++) + "@@";
                    raw.put('"' + marker + '"', MAPPER.valueToTree(name).toString());
                    o.set(marker, chance(0.5) ? o.get(name).deepCopy() : randomValue(1));
                }
                case 2 -> {                                          // rename
                    JsonNode v = o.remove(name);
                    String renamed = switch (r.nextInt(4)) {
                        case 0 -> name.toUpperCase();
                        case 1 -> name + "_";
                        case 2 -> name.isEmpty() ? "q" : name.substring(1);
                        default -> pick(FIELD_NAMES);
                    };
                    o.set(renamed, v);
                }
                case 3, 4 -> o.set(name, swapType(o.get(name)));
                case 5 -> o.set(name, rawToken(pick(r.nextBoolean() ? EXTREME_NUMBERS : BAD_TOKENS)));
                case 6 -> o.set(pick(FIELD_NAMES), randomValue(1));   // unknown field
                case 7 -> o.set(name, F.textNode(randomString()));
                case 8 -> o.set(name, chance(0.5) ? hugeArray() : deepNesting());
                default -> o.set(name, F.nullNode());
            }
        } else if (c instanceof ArrayNode a) {
            int op = r.nextInt(6);
            if (a.isEmpty()) {
                op = 3;
            }
            switch (op) {
                case 0 -> a.remove(r.nextInt(a.size()));
                case 1 -> a.set(r.nextInt(a.size()), swapType(a.get(r.nextInt(a.size()))));
                case 2 -> a.add(a.get(r.nextInt(a.size())).deepCopy());
                case 3 -> a.add(randomValue(1));
                case 4 -> a.removeAll();
                default -> a.set(r.nextInt(a.size()), F.nullNode());
            }
        }
        return root;
    }

    /** Serializes with the raw tokens and duplicate keys substituted. */
    String write(JsonNode root) {
        String text;
        try {
            text = MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        raw.clear();
        return text;
    }

    // ---- text mutations ----

    /** Damages the serialized text (or replaces it): the body then rarely parses. */
    byte[] mutateText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return switch (r.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> java.util.Arrays.copyOf(utf8, utf8.length == 0 ? 0 : r.nextInt(utf8.length));   // truncation
            case 2 -> randomBytes(between(1, 2000));
            case 3 -> insert(utf8, randomBytes(between(1, 4)));
            case 4 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case 5 -> (text + pick(",", "}", "]", "{", " trailing", "\u0000", "\n{}", "//c")).getBytes(StandardCharsets.UTF_8);
            case 6 -> pick("null", "true", "0", "\"\"", "[]", "{}", "[{}]", "\"text\"", "{\"a\"}", "{,}", "{'a':1}",
                    "{a:1}", "/* c */ {}", " ", "\n", "1e999", "NaN").getBytes(StandardCharsets.UTF_8);
            case 7 -> text.replaceFirst(":", pick("=", "::", "", ": :")).getBytes(StandardCharsets.UTF_8);
            case 8 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 9 -> text.getBytes(StandardCharsets.UTF_16);
            case 10 -> text.getBytes(StandardCharsets.ISO_8859_1);
            default -> flip(utf8);
        };
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private byte[] insert(byte[] src, byte[] extra) {
        int at = src.length == 0 ? 0 : r.nextInt(src.length);
        byte[] out = new byte[src.length + extra.length];
        System.arraycopy(src, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(src, at, out, at + extra.length, src.length - at);
        return out;
    }

    private byte[] flip(byte[] src) {
        byte[] out = src.clone();
        int n = between(1, 5);
        for (int i = 0; i < n && out.length > 0; i++) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }

    /**
     * A mutated body: {@code tree} ops on the valid tree, then text damage with probability {@code textP}. With
     * probability {@code validP} the valid body is sent unchanged.
     */
    Mutant mutate(JsonNode valid, double validP, double textP, java.util.function.UnaryOperator<JsonNode> guard) {
        JsonNode root = valid.deepCopy();
        if (!chance(validP)) {
            int ops = between(1, 3);
            for (int i = 0; i < ops; i++) {
                root = mutateTree(root);
            }
        }
        root = guard.apply(root);
        String text = write(root);
        if (chance(textP)) {
            return new Mutant(mutateText(text), true);
        }
        return new Mutant(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A body and whether its text was damaged. */
    record Mutant(byte[] body, boolean damaged) {}

    // ---- CSV ----

    /** Mutates a CSV file line by line and cell by cell. */
    String mutateCsv(List<List<String>> rows) {
        List<List<String>> t = new ArrayList<>();
        for (List<String> row : rows) {
            t.add(new ArrayList<>(row));
        }
        int ops = between(1, 3);
        for (int i = 0; i < ops; i++) {
            List<String> row = pick(t);
            int col = row.isEmpty() ? 0 : r.nextInt(row.size());
            switch (r.nextInt(14)) {
                case 0 -> t.get(0).set(col, pick(word(between(1, 10)), "", " run_id", "RUN_ID", "d-model", "\uFEFFrun_id",
                        "value", "tokens"));                                        // random or repeated header
                case 1 -> {                                                        // a column missing everywhere
                    for (List<String> x : t) {
                        if (col < x.size()) {
                            x.remove(col);
                        }
                    }
                }
                case 2 -> row.add(pick("", "extra", "1", "\"q\""));                  // extra column in one row
                case 3 -> {
                    if (!row.isEmpty()) {
                        row.remove(col);                                           // missing cell
                    }
                }
                case 4 -> {
                    if (!row.isEmpty()) {
                        row.set(col, pick(TEXT_NUMBERS));                           // text in numbers
                    }
                }
                case 5 -> {
                    if (!row.isEmpty()) {
                        row.set(col, pick(EXTREME_NUMBERS));
                    }
                }
                case 6 -> {
                    if (!row.isEmpty()) {
                        row.set(col, pick("\"unclosed", "a\"b", "\"a\"b\"", "\"\"", "\"a,b\"", "\"multi\nline\"",
                                "\"", "'q'"));                                   // quoting errors
                    }
                }
                case 7 -> t.add(between(1, t.size()), new ArrayList<>(List.of("")));  // empty line
                case 8 -> t.add(new ArrayList<>(pick(t)));                           // duplicate row
                case 9 -> {
                    if (!row.isEmpty()) {
                        row.set(col, randomString().replace("\"", ""));
                    }
                }
                case 10 -> {
                    for (List<String> x : t) {                                      // shuffle one column away
                        if (x.size() > 1) {
                            java.util.Collections.swap(x, 0, x.size() - 1);
                        }
                    }
                }
                case 11 -> t.add(new ArrayList<>(List.of(",,,,,,,,,,,,,,,,,,,,")));
                case 12 -> {
                    if (!row.isEmpty()) {
                        row.set(col, pick("-1", "0", "1.5", "1e-320", "999999999999", "-0"));
                    }
                }
                default -> t.remove(between(0, t.size() - 1));                      // drop a line (maybe the header)
            }
            if (t.isEmpty()) {
                break;
            }
        }
        String sep = pick(",", ",", ",", ";", "\t");
        String eol = pick("\n", "\n", "\r\n", "\r");
        StringBuilder b = new StringBuilder();
        for (List<String> row : t) {
            b.append(String.join(sep, row)).append(eol);
        }
        String csv = b.toString();
        if (chance(0.1)) {
            csv = csv.substring(0, csv.isEmpty() ? 0 : r.nextInt(csv.length()));
        }
        return csv;
    }

    // ---- paths ----

    /** A random path segment, already percent-encoded for the request line. */
    String pathSegment(List<String> known) {
        return switch (r.nextInt(12)) {
            case 0, 1 -> encode(pick(known));
            case 2 -> Long.toString(r.nextLong());
            case 3 -> pick("0", "-1", "1", "2", "50", "99999999999999999999", "9223372036854775807",
                    "9223372036854775808", "1e3", "0x10", "+5", "%205", "1.0", "00001", "-0");
            case 4 -> encode(word(between(1, 40)));
            case 5 -> encode(unicode(between(1, 10)));
            case 6 -> pick("..", ".", "%2e%2e", "%2E", "%2F", "a%2Fb", "%00", "a%00b", "%25", "%25zz", "%C0%AF",
                    "%E2%80%AE", "%FF%FE", ";x=1", "a;b", "%3B", "*", "~", "%27", "%22", "%3Cscript%3E", "%24%7Bx%7D",
                    "%7B%7Bx%7D%7D", "%20", "+", "runs.csv", "predict", "sweep");
            case 7 -> encode(pick(known)) + pick("%20", "%00", "x", "/", "%2F", ";a", "..", "/..", "/runs.csv",
                    "/predict", "?x=1", "%3F");
            case 8 -> "a".repeat(between(100, 1500));
            case 9 -> encode(pick(ODD_STRINGS));
            case 10 -> encode(pick(known).toUpperCase());
            default -> encode(ascii(between(1, 20)));
        };
    }

    static String encode(String s) {
        // RFC 3986 unreserved characters stay; everything else (UTF-8 bytes) is %XX.
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    // ---- helpers for guards ----

    static Iterator<JsonNode> elements(JsonNode n) {
        return n == null ? java.util.Collections.emptyIterator() : n.elements();
    }
}
