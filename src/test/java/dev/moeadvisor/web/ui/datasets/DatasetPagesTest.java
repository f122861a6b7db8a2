package dev.moeadvisor.web.ui.datasets;

import dev.moeadvisor.web.ui.TestRunFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data set pages over HTTP: listing, uploading (good, bad, too large), one data set, deleting. */
@QuarkusTest
public class DatasetPagesTest {

    private static RequestSpecification html() {
        return given().accept("text/html").redirects().follow(false);
    }

    private static int datasetCount() {
        return given().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static Response upload(String name, String description, String fileName, String content) {
        return html().multiPart("name", name).multiPart("description", description)
                .multiPart("file", fileName, content.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/datasets");
    }

    /** Uploads {@code content} and answers the new data set's id (from the 303's Location). */
    public static String uploaded(String name, String content) {
        String location = upload(name, "", "runs.csv", content).then().statusCode(303)
                .header("Location", containsString("/datasets/")).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void listShowsTheBundledSetFirstReadOnlyWithItsCitationAndAnUploadForm() {
        uploaded("Aardvark runs", TestRunFiles.smallValBpcCsv());
        String body = html().get("/datasets").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("<a href=\"/datasets/equal-resources-2025\">"),
                        containsString("read-only"), containsString("arXiv 2506.12119"),
                        containsString("enctype=\"multipart/form-data\""), containsString("name=\"file\"")))
                .extract().asString();
        int bundled = body.indexOf("id=\"dataset-equal-resources-2025\"");
        int other = body.indexOf("id=\"dataset-aardvark-runs");
        assertTrue(bundled > 0 && other > bundled, "the bundled set comes first");
    }

    @Test
    void aGoodUploadRedirectsToItsPageWhichShowsRunsDownloadAndDelete() {
        String id = uploaded("Sweep to keep", TestRunFiles.smallValBpcCsv());
        html().get("/datasets/" + id).then().statusCode(200)
                .body(allOf(containsString("Sweep to keep"), containsString("id=\"run-count\">14<"),
                        containsString("er-t12-5"), containsString("class=\"sortable\""),
                        containsString("href=\"/api/v1/datasets/" + id + "/runs.csv\""),
                        containsString("href=\"/datasets/" + id + "/delete\""),
                        containsString("id=\"fit-form\""), containsString("<option value=\"val_bpc\" selected>"),
                        // er-t12-5: N_total 6.52e9, A = (6 + 3072/512)/(78 + 6) = 14.3%, value 0.4543
                        containsString("data-sort=\"6.52E9\">6.52B<"), containsString(">14.3%<"),
                        containsString(">0.454<")));
        // The delete link asks to confirm (no fit was computed on it), and the confirmation's form posts the deletion.
        html().get("/datasets/" + id + "/delete").then().statusCode(200)
                .body(allOf(containsString("Delete data set Sweep to keep?"), containsString("its 14 runs (no fit"),
                        containsString("action=\"/datasets/" + id + "/delete\""), containsString("id=\"keep\"")));
        html().post("/datasets/" + id + "/delete").then().statusCode(303).header("Location", endsWith("/datasets"));
        html().get("/datasets/" + id).then().statusCode(404).contentType(startsWith("text/html"));
    }

    @Test
    void aBadUploadComesBackWithEveryProblemsLineAndColumnAndStoresNothing() {
        int before = datasetCount();
        String bad = TestRunFiles.smallValBpcCsv()
                .replace("er-t9-4,9,moe,2.15e+09", "er-t9-4,9,moe,many")
                .replace(",val_bpc,0.4808,", ",val_bpc,-1,");
        html().multiPart("name", "Broken sweep").multiPart("description", "typed by hand")
                .multiPart("file", "broken.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/datasets").then().statusCode(400).contentType(startsWith("text/html"))
                .body(allOf(containsString("nothing was stored"), containsString("id=\"upload-problems\""),
                        containsString("<code>n_total</code>"), containsString("<code>value</code>"),
                        containsString("<td class=\"num\">3</td>"),
                        containsString("name=\"name\" value=\"Broken sweep\""),
                        containsString("value=\"typed by hand\""), not(containsString("Exception"))));
        assertEquals(before, datasetCount(), "nothing stored");
    }

    @Test
    void aMissingNameOrFileIsReportedNextToItsField() {
        int before = datasetCount();
        upload("", "", "runs.csv", TestRunFiles.smallValBpcCsv()).then().statusCode(400)
                .body(containsString("id=\"f-name-error\">give the data set a name<"));
        html().multiPart("name", "no file").multiPart("description", "").post("/datasets").then().statusCode(400)
                .body(allOf(containsString("id=\"upload-file-error\""), containsString("choose a CSV or JSON file"),
                        containsString("value=\"no file\"")));
        assertEquals(before, datasetCount(), "nothing stored");
    }

    @Test
    void aFileOverTheLimitGetsAClearMessage() {
        int before = datasetCount();
        StringBuilder big = new StringBuilder(TestRunFiles.smallValBpcCsv());
        String row = big.substring(big.indexOf("\n") + 1, big.indexOf("\n", big.indexOf("\n") + 1) + 1);
        while (big.length() <= 5_000_000) {
            big.append(row);
        }
        upload("Too big", "", "big.csv", big.toString()).then().statusCode(413).contentType(startsWith("text/html"))
                .body(allOf(containsString("the limit is 5000000 bytes"), containsString("value=\"Too big\"")));
        assertEquals(before, datasetCount(), "nothing stored");
    }

    @Test
    void aJsonFileIsAcceptedToo() {
        String json = """
                {"runs": [
                  {"runId": "d1", "kind": "dense", "nLayers": 28, "dModel": 2176, "nHeads": 17, "dFfn": 8848,
                   "tokens": 1.14e11, "metric": "val_bpc", "value": 0.4808}
                ]}
                """;
        html().multiPart("name", "From JSON").multiPart("description", "")
                .multiPart("file", "runs.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/datasets").then().statusCode(303);
        html().multiPart("name", "Bad JSON").multiPart("description", "")
                .multiPart("file", "runs.json", "[{\"kind\": \"dense\",".getBytes(StandardCharsets.UTF_8),
                        "application/json")
                .post("/datasets").then().statusCode(400).body(containsString("is not valid JSON"));
    }

    @Test
    void theBundledSetHasNoDeleteButtonAndCannotBeDeleted() {
        html().get("/datasets/equal-resources-2025").then().statusCode(200)
                .body(allOf(containsString("id=\"run-count\">120<"), containsString("read-only"),
                        not(containsString("/delete\"")), containsString("id=\"download-csv\""),
                        // the default fit's choices: val_bpc runs of Tables 9–13
                        containsString("name=\"tables\" value=\"9, 10, 11, 12, 13\"")));
        html().post("/datasets/equal-resources-2025/delete").then().statusCode(409)
                .contentType(startsWith("text/html"));
        html().get("/datasets/no-such-set").then().statusCode(404).contentType(startsWith("text/html"));
    }

    @Test
    void userTypedNamesAreShownAsText() {
        String name = "<script>alert(1)</script>";
        String id = uploaded(name, TestRunFiles.smallValBpcCsv());
        html().get("/datasets/" + id).then().statusCode(200)
                .body(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)"))));
        html().get("/datasets").then().statusCode(200)
                .body(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)"))));
        upload(name, "<b>bold</b>", "bad.csv", "not,a,run\n").then().statusCode(400)
                .body(allOf(containsString("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
                        containsString("value=\"&lt;b&gt;bold&lt;/b&gt;\""), not(containsString("<script>alert(1)")),
                        not(containsString("<b>bold"))));
    }
}
