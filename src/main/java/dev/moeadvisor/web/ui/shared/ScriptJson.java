package dev.moeadvisor.web.ui.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;

/** Data for a page script, as the content of a {@code <script type="application/json">} element. */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static RawString of(ObjectMapper mapper, Object data) {
        try {
            // '<', '>' and '&' only occur inside JSON strings, where these escapes mean the same characters.
            String json = mapper.writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            return new RawString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not serializable", e);
        }
    }
}
