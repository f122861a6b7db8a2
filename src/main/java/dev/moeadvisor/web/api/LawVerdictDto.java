package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.law.family.ShapeVerdicts;

import java.util.ArrayList;
import java.util.List;

/**
 * What each published MoE law family says of one of a plan's shapes at the plan's compute ({@code lawFamilies} in a
 * plan's JSON): computed from the shape and the published coefficients when the plan is read.
 *
 * @param candidate {@code recommended} or {@code alternative n} (1-based, the order of {@code alternatives})
 * @param laws      one per law; empty for a dense shape
 */
public record LawVerdictDto(String candidate, List<FamilyVerdict> laws) {

    /**
     * @param law               the law's id
     * @param unit              its loss unit
     * @param loss              the shape's loss under it, in {@code unit}
     * @param efficiencyLeverage the EL it implies; {@code null} when no dense model of the law reaches the loss
     * @param inRange           every axis inside the law's fitted ranges
     * @param outside           the axes outside, in words
     */
    public record FamilyVerdict(String law, String unit, double loss, Double efficiencyLeverage, boolean inRange,
                      String outside) {
    }

    static LawVerdictDto of(ShapeVerdicts v) {
        List<FamilyVerdict> laws = new ArrayList<>();
        for (int i = 0; i < v.laws().size(); i++) {
            MoeLawFamily law = LawFamilies.PUBLISHED.get(i);
            ImpliedLeverage p = v.laws().get(i);
            laws.add(new FamilyVerdict(law.id(), law.unit(), p.loss(), Double.isFinite(p.leverage()) ? p.leverage() : null,
                    p.inRange(), p.inRange() ? "" : law.outsideInWords(p.checks())));
        }
        return new LawVerdictDto(v.label(), List.copyOf(laws));
    }
}
