package dev.moeadvisor.web.ui;

import dev.moeadvisor.law.LawDescription;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The laws page: every published coefficient set the advisor uses, with its fitted ranges and citation. */
@Path("/laws")
@Produces(MediaType.TEXT_HTML)
public class LawsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance laws(List<LawDescription> laws);
    }

    @GET
    public TemplateInstance laws() {
        return Templates.laws(LawDescription.published());
    }
}
