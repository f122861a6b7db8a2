package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.Range;

import java.util.Collections;
import java.util.Map;

/**
 * How a law family describes itself: what pages and the API list, and what the envelope rule reads.
 *
 * @param id           stable id, e.g. {@code krajewski-2024}
 * @param name         short name for tables and chart legends
 * @param formula      the MoE loss formula in plain text, in the paper's own variables
 * @param coefficients coefficients in the formula's order, as published
 * @param citation     source
 * @param conventions  what its variables mean and how a shape is converted to them
 * @param unit         the loss unit, e.g. "nats/token (C4, GPT-2 tokenizer, training loss)"
 * @param ranges       the ranges the law was fitted on, per axis, in its own convention
 * @param axisMeanings what each axis of {@code ranges} means for this law
 */
public record LawCard(String id, String name, String formula, Map<String, Double> coefficients, Citation citation,
                      LawConventions conventions, String unit, Map<Axis, Range> ranges,
                      Map<Axis, String> axisMeanings) {

    public LawCard {
        coefficients = Collections.unmodifiableMap(coefficients);
        ranges = Collections.unmodifiableMap(ranges);
        axisMeanings = Collections.unmodifiableMap(axisMeanings);
    }
}
