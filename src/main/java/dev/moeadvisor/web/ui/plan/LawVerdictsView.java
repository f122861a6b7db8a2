package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.law.family.ShapeVerdicts;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import io.quarkus.qute.TemplateExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * "What each law says" on a plan's page (the {@code tags/lawVerdicts.html} partial): the recommendation and every
 * alternative, each under every published MoE law family at the plan's compute — EL, loss in the law's unit, in range
 * or not. Reached from the template as {@code plan.lawVerdicts} and {@code plan.lawNames}, so {@link PlanView} is not
 * changed.
 *
 * @param label    "recommended" or "alternative n"
 * @param experts  E/k of the shape, e.g. "64 / top-8"
 * @param cells    one per law; empty for a dense shape
 */
public record LawVerdictsView(String label, String experts, List<Cell> cells) {

    /** One law on one shape: EL, loss with unit, in range, the axes outside. */
    public record Cell(String law, String leverage, String loss, String unit, boolean inRange, String outside) {
    }

    /** The rows, recommendation first. */
    @TemplateExtension
    static List<LawVerdictsView> lawVerdicts(PlanView plan) {
        double c = plan.request().computeFlops();
        List<LawVerdictsView> rows = new ArrayList<>();
        rows.add(row(ShapeVerdicts.of("recommended", plan.recommended().shape(), c)));
        for (int i = 0; i < plan.alternatives().size(); i++) {
            rows.add(row(ShapeVerdicts.of("alternative " + (i + 1), plan.alternatives().get(i).shape(), c)));
        }
        return rows;
    }

    /** The laws, in column order. */
    @TemplateExtension
    static List<MoeLawFamily> lawFamilies(PlanView plan) {
        return LawFamilies.PUBLISHED;
    }

    private static LawVerdictsView row(ShapeVerdicts v) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < v.laws().size(); i++) {
            MoeLawFamily law = LawFamilies.PUBLISHED.get(i);
            ImpliedLeverage p = v.laws().get(i);
            cells.add(new Cell(law.id(), Double.isFinite(p.leverage()) ? NumberFormats.sig(p.leverage()) : "unbounded",
                    NumberFormats.fixed4(p.loss()), law.unit(), p.inRange(), ShapeVerdicts.outsideInWords(p)));
        }
        String experts = v.shape().isMoe() ? v.shape().experts() + " / top-" + v.shape().topK() : "dense";
        return new LawVerdictsView(v.label(), experts, cells);
    }
}
