package dev.moeadvisor.web.ui.config;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import dev.moeadvisor.shape.config.ConfigExporter;
import dev.moeadvisor.shape.config.ImportedShape;
import dev.moeadvisor.shape.config.TrainingSettings;
import dev.moeadvisor.web.api.ConfigImports;
import dev.moeadvisor.web.api.ParamCountsDto;
import dev.moeadvisor.web.api.ShapeExports;
import dev.moeadvisor.web.error.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The evaluate page's {@code config.json} form: {@code POST /evaluate/config} (multipart: pasted text {@code config}
 * or an uploaded {@code file}, optional {@code seqLen}) reads the file with the API's importer and shows the counts
 * under each card convention, the ignored keys, the Megatron-LM arguments and a {@code config.json} download
 * ({@code POST /evaluate/config/export}). A refused file comes back with the message (400, or 422 for an unknown
 * {@code model_type}).
 */
@Path("/evaluate/config")
@Produces(MediaType.TEXT_HTML)
public class ConfigPageResource {

    /** Largest uploaded config.json read (real ones are a few kB). */
    static final long MAX_BYTES = 1 << 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance config(ConfigPage page);
    }

    /** What the page shows. */
    public record ConfigPage(String config, String seqLen, String error, Result result) {}

    /** An imported shape, as the page shows it. */
    public record Result(String modelType, String seqLenSource, ModelShape shape, ShapeMetrics metrics,
                         ParamCountsDto counts, List<String> ignoredKeys, String megatronArgs, String megatronRefusal) {}

    @GET
    public TemplateInstance form() {
        return Templates.config(new ConfigPage("", "", null, null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<TemplateInstance> submit(@RestForm String config, @RestForm FileUpload file,
                                                 @RestForm String seqLen) {
        String text = config == null ? "" : config;
        try {
            if (file != null && file.fileName() != null && !file.fileName().isBlank() && file.size() > 0) {
                if (file.size() > MAX_BYTES) {
                    throw ProblemException.badField("file", "has " + file.size() + " bytes; a config.json is at most "
                            + MAX_BYTES);
                }
                text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            }
            ImportedShape imported = ConfigImports.read(text, seqLen(seqLen));
            return RestResponse.ok(Templates.config(new ConfigPage(text, seqLen == null ? "" : seqLen, null,
                    result(imported))));
        } catch (ProblemException e) {
            return RestResponse.ResponseBuilder.<TemplateInstance>create(e.status())
                    .entity(Templates.config(new ConfigPage(text, seqLen == null ? "" : seqLen, e.getMessage(), null)))
                    .build();
        } catch (IOException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Templates.config(new ConfigPage(text, seqLen, "file: cannot be read", null)));
        }
    }

    /** The imported shape as a download: {@code format} hf (default), megatron or torchtitan. */
    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/toml"})
    public Response export(@RestForm String config, @RestForm String seqLen, @RestForm String format) {
        return ShapeExports.export(ConfigImports.read(config, seqLen(seqLen)).shape(), format, TrainingSettings.NONE,
                "shape");
    }

    private static Integer seqLen(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("seqLen", "must be a whole number");
        }
    }

    private static Result result(ImportedShape i) {
        ShapeMetrics m = ShapeMetrics.of(i.shape());
        String args = null;
        String refusal = null;
        try {
            args = String.join(" \\\n", ConfigExporter.megatronArgs(i.shape(), TrainingSettings.NONE));
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        return new Result(i.modelType(), i.seqLenSource(), i.shape(), m, ParamCountsDto.of(m, i.shape().mtpModules() > 0),
                i.ignoredKeys(), args, refusal);
    }
}
