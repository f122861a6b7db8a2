package dev.moeadvisor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the design guide (shared/architecture.md), checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.moeadvisor");

    static final String[] CORE = {"dev.moeadvisor.shape..", "dev.moeadvisor.law..", "dev.moeadvisor.runs..",
            "dev.moeadvisor.fit..", "dev.moeadvisor.plan..", "dev.moeadvisor.budget..", "dev.moeadvisor.memory..",
            "dev.moeadvisor.numbers..", "dev.moeadvisor.evidence.."};

    @Test
    void coreRoomsImportNoFramework() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..", "io.smallrye..")
                .check(CLASSES);
    }

    @Test
    void onlyFitAndPlanUseHipparchus() {
        noClasses().that().resideOutsideOfPackages("dev.moeadvisor.fit..", "dev.moeadvisor.plan..")
                .should().dependOnClassesThat().resideInAPackage("org.hipparchus..").check(CLASSES);
    }

    @Test
    void webNeverSeesEntitiesAndServiceNeverSeesWeb() {
        noClasses().that().resideInAPackage("dev.moeadvisor.web..").should().dependOnClassesThat()
                .resideInAPackage("dev.moeadvisor.store..").check(CLASSES);
        noClasses().that().resideInAPackage("dev.moeadvisor.service..").should().dependOnClassesThat()
                .resideInAPackage("dev.moeadvisor.web..").check(CLASSES);
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("dev.moeadvisor.store..", "dev.moeadvisor.service..", "dev.moeadvisor.web..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.moeadvisor.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The pages are grouped by feature (web/ui/package-info): shared parts know no feature; features form no cycle. */
    @Test
    void pageFeaturesShareOnlyTheSharedPartsAndFormNoCycle() {
        noClasses().that().resideInAPackage("dev.moeadvisor.web.ui.shared..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.moeadvisor.web.ui.home..", "dev.moeadvisor.web.ui.plan..",
                        "dev.moeadvisor.web.ui.evaluate..", "dev.moeadvisor.web.ui.fits..",
                        "dev.moeadvisor.web.ui.datasets..", "dev.moeadvisor.web.ui.laws..",
                        "dev.moeadvisor.web.ui.config..")
                .check(CLASSES);
        slices().matching("dev.moeadvisor.web.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
