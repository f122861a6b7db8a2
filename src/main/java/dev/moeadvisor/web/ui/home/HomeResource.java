package dev.moeadvisor.web.ui.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page: what the advisor does and where its numbers come from. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
