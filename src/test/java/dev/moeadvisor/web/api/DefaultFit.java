package dev.moeadvisor.web.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Waits for the default fit, which the advisor computes in the background at start-up. */
public final class DefaultFit {
    private DefaultFit() {
    }

    /** The default fit's id, once it is done (fails after ten minutes). */
    public static String awaitId() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));   // generous: a busy machine is slow
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> fits = given().get("/api/v1/fits").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.isDefault == true && it.status == 'DONE' }");
            if (!fits.isEmpty()) {
                return (String) fits.get(0).get("id");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the default fit did not finish within ten minutes");
    }
}
