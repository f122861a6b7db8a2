package dev.moeadvisor.web.api;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.service.LawFamilyPrediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shape under a budget with a published MoE law family as the {@code model} ({@code POST /api/v1/evaluate} with
 * {@code "model": "krajewski-2024"}, {@code lawFamily} in the answer).
 *
 * @param model             the law's id
 * @param name              its name
 * @param unit              the loss unit (its corpus and tokenizer)
 * @param loss              the predicted loss, in {@code unit}
 * @param efficiencyLeverage the EL it implies: compute of the law's compute-optimal dense model at equal loss over
 *                          the MoE's compute; {@code null} when no dense model reaches the loss
 * @param denseComputeFlops that dense model's compute; {@code null} likewise
 * @param computeFlops      the MoE's compute under the law's FLOP model
 * @param tokens            the tokens it buys
 * @param variables         the shape in the law's own variables, by axis
 * @param outside           the axes outside the law's fitted ranges (the envelope rule)
 * @param outsideInWords    the same, in words
 * @param citation          source
 */
public record LawFamilyDto(String model, String name, String unit, double loss, Double efficiencyLeverage,
                           Double denseComputeFlops, double computeFlops, double tokens, Map<String, Double> variables,
                           List<Outside> outside, String outsideInWords, CitationDto citation) {

    static LawFamilyDto of(LawFamilyPrediction p) {
        Map<String, Double> variables = new LinkedHashMap<>();
        p.point().values().forEach((axis, value) -> variables.put(axis.key(), value));
        return new LawFamilyDto(p.law().id(), p.law().name(), p.law().unit(), p.implied().loss(),
                finite(p.implied().leverage()), finite(p.implied().denseComputeFlops()), p.budget().computeFlops(),
                p.budget().tokens(), variables, p.outside(), EvidenceEnvelope.words(p.outside()),
                CitationDto.of(p.law().citation()));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
