package dev.moeadvisor.web.api;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import java.lang.annotation.ElementType;

/**
 * Bean Validation of request bodies reaches every property. What HTTP input is validated is a DTO, never an entity
 * (the store's entities carry no constraints, and Hibernate ORM validates entities with a resolver of its own), so the
 * JPA reachability check Quarkus installs by default — a Hibernate ORM "is this attribute loaded" lookup per property,
 * with a per-validation cache of the answers — buys nothing and cost about a tenth of a {@code POST /api/v1/evaluate}
 * (README, Speed).
 */
@Singleton
public class ValidationConfig implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new Everything()).enableTraversableResolverResultCache(false);
    }

    /** Every property is reachable and cascadable. */
    static final class Everything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean,
                                    ElementType elementType) {
            return true;
        }
    }
}
