package dev.moeadvisor.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the search rejected and why. A shape failing several constraints counts under each of them in
 * {@link #byConstraint()}; {@link #soleByConstraint()} counts shapes that fail that constraint alone (relaxing it
 * would admit them); {@link #betterByConstraint()} counts those of them whose predicted loss is lower than the
 * recommendation's. Keys are {@link Constraint#id()}s in a stable order.
 *
 * @param evaluated          grid shapes evaluated
 * @param rejected           shapes failing at least one constraint
 * @param byConstraint       failures per constraint
 * @param soleByConstraint   shapes failing only that constraint
 * @param betterByConstraint shapes failing only that constraint and predicted better than the recommendation
 */
public record Rejections(long evaluated, long rejected, Map<String, Long> byConstraint,
                         Map<String, Long> soleByConstraint, Map<String, Long> betterByConstraint) {

    public Rejections {
        byConstraint = Collections.unmodifiableMap(new LinkedHashMap<>(byConstraint));
        soleByConstraint = Collections.unmodifiableMap(new LinkedHashMap<>(soleByConstraint));
        betterByConstraint = Collections.unmodifiableMap(new LinkedHashMap<>(betterByConstraint));
    }

    /**
     * The constraint that binds. When a shape was recommended: the one that, alone, rejected the most shapes
     * predicted better than the recommendation (empty when none did). When nothing is feasible: the one failed
     * alone by the most shapes (relaxing it admits the most), else the one failed most often. Ties go to the
     * earlier {@link Constraint}.
     */
    public Optional<Constraint> binding(boolean planFeasible) {
        if (planFeasible) {
            return argmax(betterByConstraint);
        }
        Optional<Constraint> sole = argmax(soleByConstraint);
        return sole.isPresent() ? sole : argmax(byConstraint);
    }

    private static Optional<Constraint> argmax(Map<String, Long> counts) {
        Constraint best = null;
        long bestCount = 0;
        for (Constraint c : Constraint.values()) {
            long n = counts.getOrDefault(c.id(), 0L);
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return Optional.ofNullable(best);
    }

    public long feasible() {
        return evaluated - rejected;
    }
}
