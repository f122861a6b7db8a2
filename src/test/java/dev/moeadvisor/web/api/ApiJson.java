package dev.moeadvisor.web.api;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/** Reads a response body with numbers as doubles (RestAssured's default reads decimals as floats). */
public final class ApiJson {
    private ApiJson() {
    }

    public static JsonPath of(Response response) {
        return JsonPath.from(response.asString())
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
