package org.confab.bench.measure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The named results of one run, in the order they were added; values are numbers or words. */
public final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public Figures put(String key, Object value) {
        if (!key.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("figure keys are lower_snake_case: " + key);
        }
        values.put(key, value);
        return this;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public OptionalDouble number(String key) {
        return values.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    public String text(String key) {
        Object v = values.get(key);
        return v == null ? null : format(v);
    }

    /** Whole numbers without a fraction, others with up to 3 decimals; words with spaces made safe for key=value. */
    public static String format(Object value) {
        if (value instanceof Double d || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.valueOf(value).replace(' ', '_');
    }
}
