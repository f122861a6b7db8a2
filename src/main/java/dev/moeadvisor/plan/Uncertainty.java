package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;
import java.util.Optional;

/**
 * Bootstrap intervals of the plan's predictions: the recommended shape and the dense baseline evaluated, at
 * their fixed tokens, under each bootstrap loss model.
 *
 * @param models          number of bootstrap models
 * @param recommendedLoss 95% interval of the recommended shape's predicted loss
 * @param recommendedEl   95% interval of its EL
 * @param denseLoss       95% interval of the dense baseline's predicted loss (empty without a baseline)
 */
public record Uncertainty(int models, Interval recommendedLoss, Interval recommendedEl, Optional<Interval> denseLoss) {
}
