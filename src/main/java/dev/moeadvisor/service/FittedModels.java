package dev.moeadvisor.service;

import java.util.Optional;

/** Where the registry finds fitted loss models: implemented by the fit service. */
public interface FittedModels {
    /** The default fit of the bundled runs, once computed. */
    Optional<LossModelChoice> defaultFit();

    /** A finished fit by id. */
    Optional<LossModelChoice> fit(String id);
}
