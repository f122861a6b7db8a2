package dev.moeadvisor.web.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document describes the JSON API only: every path under {@code /api/v1} (the HTML pages and
 * {@code /q} are not in it), every schema is one of the advisor's own types (none named after a framework class
 * such as Qute's {@code TemplateInstance}), and the answers are documented with the status codes they have.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonPath document() {
        return JsonPath.from(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void onlyTheJsonApiIsDescribed() {
        Map<String, Object> paths = document().getMap("paths");
        assertTrue(paths.containsKey("/api/v1/plan"), paths.keySet().toString());
        List<String> outside = paths.keySet().stream().filter(p -> !p.startsWith("/api/v1/")).toList();
        assertTrue(outside.isEmpty(), "paths outside /api/v1: " + outside);
    }

    @Test
    void everySchemaIsOneOfTheAdvisorsOwnTypes() {
        Set<String> own = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.moeadvisor").stream().map(JavaClass::getSimpleName).collect(Collectors.toCollection(java.util.HashSet::new));
        Map<String, Object> schemas = document().getMap("components.schemas");
        // java.time's date-time, written as an RFC 3339 string, is the one JDK value type the answers carry.
        own.add("OffsetDateTime");
        List<String> foreign = schemas.keySet().stream().filter(s -> !own.contains(s)).sorted().toList();
        assertTrue(foreign.isEmpty(), "schemas not named after an advisor type: " + foreign);
    }

    @Test
    void answersCarryTheirStatusCodesAndSchemas() {
        JsonPath d = document();
        Map<String, Object> plan = d.getMap("paths.'/api/v1/plan'.post.responses");
        assertTrue(plan.containsKey("201"), "POST /api/v1/plan answers 201: " + plan.keySet());
        assertTrue(!plan.containsKey("200"), "POST /api/v1/plan does not answer 200: " + plan.keySet());
        assertEquals("#/components/schemas/PlanResponse",
                d.getString("paths.'/api/v1/plan'.post.responses.'201'.content.'application/json'.schema.$ref"));
        Map<String, Object> fit = d.getMap("paths.'/api/v1/fits'.post.responses");
        assertTrue(fit.containsKey("201") && fit.containsKey("202"), "POST /api/v1/fits: " + fit.keySet());
        assertEquals("#/components/schemas/FitDto",
                d.getString("paths.'/api/v1/fits'.post.responses.'202'.content.'application/json'.schema.$ref"));
        assertNotNull(d.get("paths.'/api/v1/plan/sweep'.post.responses.'200'.content.'application/json'.schema"),
                "the sweep's rows have a schema");
    }

    @Test
    void knownShapeCountsAreNamedForWhatTheyCount() {
        JsonPath d = document();
        Map<String, Object> computed = d.getMap("components.schemas.ComputedParamCounts.properties");
        assertTrue(computed.keySet().containsAll(List.of("nonEmbeddingTotalParams", "totalParamsWithEmbeddings",
                "totalParamsAsPublished", "nonEmbeddingActiveParams", "activeParamsWithEmbeddings")), computed.keySet().toString());
        assertTrue(!computed.containsKey("totalParams") && !computed.containsKey("activeParams"),
                "no count without its convention: " + computed.keySet());
        Map<String, Object> published = d.getMap("components.schemas.PublishedParamCounts.properties");
        assertTrue(published.containsKey("totalParamsConvention") && published.containsKey("activeParamsConvention"),
                published.keySet().toString());
    }
}
