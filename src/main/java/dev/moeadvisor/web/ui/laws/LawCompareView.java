package dev.moeadvisor.web.ui.laws;

import dev.moeadvisor.web.ui.shared.NumberFormats;
import dev.moeadvisor.web.ui.shared.Option;

import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.law.family.MoeLawFamily;
import io.quarkus.qute.RawString;

import java.util.List;

/**
 * The {@code /laws/compare} page: the form (known MoE shape, compute range, compute for the table), its errors, and
 * when valid the table of every law's verdict at one compute and the chart over the range.
 *
 * @param shapes    the known MoE shapes to choose from
 * @param min       the chart's lowest compute, as typed
 * @param max       the chart's highest compute, as typed
 * @param at        the table's compute, as typed
 * @param errors    messages naming the offending field; empty when valid
 * @param shapeName the chosen shape's name
 * @param rows      one per law at {@code at}; empty when invalid
 * @param chartData chart JSON; {@code null} when invalid
 */
public record LawCompareView(List<Option> shapes, String min, String max, String at, List<String> errors,
                             String shapeName, List<Row> rows, RawString chartData) {

    /**
     * One law at the table's compute.
     *
     * @param id         law id
     * @param name       law name
     * @param citation   citation text
     * @param url        citation link
     * @param leverage   EL, formatted ("unbounded" when no dense model reaches the loss)
     * @param loss       predicted loss, formatted, with {@code unit}
     * @param unit       the loss unit
     * @param inRange    every axis inside the fitted ranges
     * @param outOfRange the axes outside, with value and range, in words ({@link MoeLawFamily#outsideInWords}), e.g.
     *                   "routed experts per token k 8.0× above the fitted range (1 only)"
     */
    public record Row(String id, String name, String citation, String url, String leverage, String loss, String unit,
                      boolean inRange, String outOfRange) {

        static Row of(MoeLawFamily law, ImpliedLeverage p) {
            String outside = law.outsideInWords(p.checks());
            return new Row(law.id(), law.name(), law.citation().text(), law.citation().url(),
                    Double.isFinite(p.leverage()) ? NumberFormats.sig(p.leverage()) : "unbounded",
                    NumberFormats.fixed4(p.loss()), law.unit(), p.inRange(), outside);
        }
    }

    static List<Row> rows(LawComparison atOneCompute) {
        return atOneCompute.curves().stream().map(c -> Row.of(c.law(), c.points().get(0))).toList();
    }
}
