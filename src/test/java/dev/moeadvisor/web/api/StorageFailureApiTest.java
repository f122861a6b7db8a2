package dev.moeadvisor.web.api;

import dev.moeadvisor.store.DatasetEntity;
import dev.moeadvisor.store.DatasetRepository;
import dev.moeadvisor.store.StorageProbe;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A database that cannot store, simulated by repositories that fail the way H2 2.x does (an I/O error 90028 caused by
 * the file system's "No space left on device"; 90097 "The database is read only"; wrapped by Hibernate): 507 and 503
 * problems, and readiness.
 */
@QuarkusTest
class StorageFailureApiTest {

    @Inject
    EntityManager em;

    private static final String CSV = "kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
            + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n";

    private static RuntimeException h2(int code, String message) {
        return new GenericJDBCException("could not execute statement",
                new SQLException(message, Integer.toString(code), code));
    }

    private static RuntimeException diskFull() {
        return new GenericJDBCException("could not execute statement", new SQLException(
                "IO Exception: \"/var/lib/moe-advisor/advisor.mv.db\"", "90028", 90028,
                new java.io.IOException("No space left on device")));
    }

    @Test
    void aFullDiskIsA507ProblemAndReadinessReportsItUntilAWriteSucceeds() {
        QuarkusMock.installMockForType(new DatasetRepository() {
            @Override
            public void persist(DatasetEntity entity) {
                throw diskFull();
            }
        }, DatasetRepository.class);
        QuarkusMock.installMockForType(new StorageProbe(em) {
            @Override
            public void write(OffsetDateTime now) {
                throw diskFull();
            }
        }, StorageProbe.class);
        given().contentType("text/csv").queryParam("name", "no room").body(CSV).post("/api/v1/datasets")
                .then().statusCode(507).contentType("application/problem+json").header("Retry-After", "60")
                .body("type", equalTo("storage-full")).body(not(containsString("90028")))
                .body(not(containsString("mv.db")));
        // Reads still work; readiness says the storage is down (name and status only).
        given().get("/api/v1/datasets").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"));
        // Space again: the probe's write succeeds and readiness recovers.
        QuarkusMock.installMockForType(new StorageProbe(em), StorageProbe.class);
        given().contentType("text/csv").queryParam("name", "no room").body(CSV).post("/api/v1/datasets")
                .then().statusCode(507);
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'storage' }.status", equalTo("UP"));
    }

    @Test
    void aReadOnlyDatabaseIsA503Problem() {
        QuarkusMock.installMockForType(new DatasetRepository() {
            @Override
            public void persist(DatasetEntity entity) {
                throw h2(90097, "The database is read only");
            }
        }, DatasetRepository.class);
        given().contentType("text/csv").queryParam("name", "read only").body(CSV).post("/api/v1/datasets")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("storage-read-only")).header("Retry-After", "60");
        given().get("/api/v1/datasets").then().statusCode(200).body("name", not(hasItem("read only")));
    }
}
