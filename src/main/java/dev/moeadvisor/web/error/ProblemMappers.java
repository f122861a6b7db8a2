package dev.moeadvisor.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.memory.LayoutException;
import dev.moeadvisor.plan.InfeasiblePlanException;
import dev.moeadvisor.plan.PlanAbortedException;
import dev.moeadvisor.plan.PlanTooLargeException;
import dev.moeadvisor.plan.PlanRequestException;
import dev.moeadvisor.runs.RunDataException;
import dev.moeadvisor.service.DatasetInUseException;
import dev.moeadvisor.service.DatasetNameTakenException;
import dev.moeadvisor.service.DefaultFitException;
import dev.moeadvisor.service.FitCapacityException;
import dev.moeadvisor.service.FitTooLargeException;
import dev.moeadvisor.service.InvalidFitRequestException;
import dev.moeadvisor.service.PlanCapacityException;
import dev.moeadvisor.service.UnknownModelException;
import dev.moeadvisor.service.ReadOnlyDatasetException;
import dev.moeadvisor.service.SqlErrors;
import dev.moeadvisor.service.StorageHealth;
import dev.moeadvisor.service.UnknownDatasetException;
import dev.moeadvisor.shape.InvalidShapeException;
import io.quarkus.qute.Template;
import io.quarkus.qute.Location;
import io.vertx.core.http.HttpClosedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one mapping from errors to responses: RFC 9457 {@code application/problem+json} for the API
 * ({@code /api/...}) and the error page for everything else. No stack traces or class names reach a response.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    @Location("error.html")
    Template errorPage;
    @Inject
    StorageHealth storage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalidShape(InvalidShapeException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, FieldErrors.of(e));
    }

    @ServerExceptionMapper
    public Response invalidBudget(BudgetException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, FieldErrors.of(e));
    }

    @ServerExceptionMapper
    public Response invalidLayout(LayoutException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public Response badRunData(RunDataException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(r -> new Problem.FieldError(r.column().isEmpty() ? "runs" : r.column(), r.message(),
                        r.line(), r.column().isEmpty() ? null : r.column()))
                .toList();
        String detail = e.errors().size() + " problem(s) in the run data; nothing was stored. First: " + e.getMessage();
        return respond(uri, headers, new Problem("invalid-run-data", "Invalid run data", 400, detail, path(uri),
                new ArrayList<>(errors)));
    }

    @ServerExceptionMapper
    public Response infeasiblePlan(InfeasiblePlanException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("infeasible-budget", "Infeasible budget", 422, e.getMessage(),
                path(uri), List.of(new Problem.FieldError(e.constraint(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response invalidPlanRequest(PlanRequestException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public Response unknownModel(UnknownModelException e, UriInfo uri, HttpHeaders headers) {
        Problem p = e.notReadyYet()
                ? new Problem("model-not-ready", "Model not ready", 503, e.getMessage(), path(uri), null)
                : new Problem("unknown-model", "Unknown model", 400, e.getMessage(), path(uri),
                List.of(new Problem.FieldError("model", e.getMessage())));
        Response r = respond(uri, headers, p);
        return e.notReadyYet() ? Response.fromResponse(r).header("Retry-After", "5").build() : r;
    }

    @ServerExceptionMapper
    public Response invalidFitRequest(InvalidFitRequestException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response fitCapacity(FitCapacityException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(uri, headers, new Problem("too-many-fits", "Too many fits", 429,
                e.getMessage(), path(uri), null))).header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    public Response planTooLarge(PlanTooLargeException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.narrowings().stream()
                .map(n -> new Problem.FieldError(n.field(), n.message())).toList();
        return respond(uri, headers, new Problem("plan-too-large", "Plan too large", 422, e.getMessage(), path(uri),
                errors.isEmpty() ? List.of(new Problem.FieldError("computeFlops", e.getMessage())) : errors));
    }

    @ServerExceptionMapper
    public Response planAborted(PlanAbortedException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(uri, headers, new Problem("plan-deadline", "Plan stopped", 503,
                e.getMessage() + "; narrow the search bounds, or retry when the advisor is less busy", path(uri),
                null))).header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    public Response planCapacity(PlanCapacityException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(uri, headers, new Problem("too-many-plans", "Too many plans", 429,
                e.getMessage(), path(uri), null))).header("Retry-After", "2").build();
    }

    @ServerExceptionMapper
    public Response unknownDataset(UnknownDatasetException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("not-found", "Not found", 404, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response readOnlyDataset(ReadOnlyDatasetException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("read-only", "Read-only", 409, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response fitTooLarge(FitTooLargeException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("fit-too-large", "Fit too large", 422, e.getMessage(), path(uri),
                e.fields().entrySet().stream().map(f -> new Problem.FieldError(f.getKey(), f.getValue())).toList()));
    }

    @ServerExceptionMapper
    public Response defaultFit(DefaultFitException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("read-only", "Read-only", 409, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response nameTaken(DatasetNameTakenException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("name-taken", "Name taken", 409, e.getMessage(), path(uri),
                List.of(new Problem.FieldError("name", "another data set of this name was stored at the same moment"))));
    }

    @ServerExceptionMapper
    public Response datasetInUse(DatasetInUseException e, UriInfo uri, HttpHeaders headers) {
        return respond(uri, headers, new Problem("dataset-in-use", "Data set in use", 409, e.getMessage(), path(uri),
                List.of(new Problem.FieldError("fit", "fit " + e.runningFits().get(0) + " is running on this data set"))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        return invalid(uri, headers, FieldErrors.of(e.getConstraintViolations(), ProblemMappers::fieldOf));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = "body";
        String message = "is not valid JSON";
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            field = jm.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidFormatException ife) {
                message = "must be " + describe(ife.getTargetType());
            } else {
                message = "has the wrong type or is out of range";
            }
        }
        return invalid(uri, headers, List.of(new Problem.FieldError(field, message)));
    }

    /** More specific than the JSON mapper Quarkus ships for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    /**
     * The framework's own refusals (no such path, method, media type): answered in the advisor's words, never with
     * the framework's message (which names its annotations); the {@code Allow} header of a 405 is kept.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> path(uri).startsWith("/api/")
                    ? "there is nothing at " + dev.moeadvisor.service.Echo.quoted(path(uri))
                    + "; the API is listed at /q/openapi"
                    : "there is no page at " + dev.moeadvisor.service.Echo.quoted(path(uri));
            case 405 -> "this method is not allowed here" + (e.getResponse().getAllowedMethods().isEmpty() ? ""
                    : "; allowed: " + String.join(", ", new java.util.TreeSet<>(e.getResponse().getAllowedMethods())));
            case 406 -> "none of the media types in Accept can be answered here; accept application/json "
                    + "(text/csv where a CSV is offered)";
            case 415 -> "this Content-Type is not taken here; send application/json (or text/csv for a run upload)";
            default -> title;
        };
        Response r = respond(uri, headers, new Problem(title.toLowerCase().replace(' ', '-'), title, status, detail,
                path(uri), null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? r : Response.fromResponse(r).header(HttpHeaders.ALLOW, allow).build();
    }

    /** A type Jackson cannot bind is a defect, not bad input: answered like any unexpected error, as a problem. */
    @ServerExceptionMapper
    public Response jsonDefinition(InvalidDefinitionException e, UriInfo uri, HttpHeaders headers) {
        return unexpected(e, uri, headers);
    }

    /**
     * A database that cannot store: 507 when the storage is full, 503 when it is read-only (both with
     * {@code Retry-After}); recorded, so readiness reports it until a write succeeds again.
     */
    private Response storageFailure(SqlErrors.Kind kind, UriInfo uri, HttpHeaders headers) {
        storage.recorded(kind);
        Problem p = kind == SqlErrors.Kind.STORAGE_FULL
                ? new Problem("storage-full", "Storage full", 507, "the advisor's database has no space left; "
                + "nothing was stored. Reads still work; retry the write once an operator has freed space.", path(uri), null)
                : new Problem("storage-read-only", "Storage read-only", 503, "the advisor's database is read-only; "
                + "nothing was stored. Reads still work; retry later.", path(uri), null);
        return Response.fromResponse(respond(uri, headers, p)).header("Retry-After", "60").build();
    }

    /** Out of memory or another JVM error: a problem (never a stack trace); memory exhaustion answers 503. */
    @ServerExceptionMapper
    public Response error(Error e, UriInfo uri, HttpHeaders headers) {
        LOG.errorf(e, "error on %s", path(uri));
        if (e instanceof OutOfMemoryError) {
            return Response.fromResponse(respond(uri, headers, new Problem("overloaded", "Overloaded", 503,
                    "the advisor ran out of memory answering this request; retry later, or ask for less",
                    path(uri), null))).header("Retry-After", "30").build();
        }
        return respond(uri, headers, new Problem("internal-error", "Internal error", 500,
                "The advisor failed to answer this request; the error has been logged.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (clientLeft(e)) {
            // The client closed the connection before its request body arrived: nobody reads an answer, nothing failed.
            LOG.debugf("client left before its request to %s was read: %s", path(uri), e.getMessage());
            return respond(uri, headers, new Problem("request-incomplete", "Request incomplete", 400,
                    "the connection closed before the request body was complete", path(uri), null));
        }
        var kind = SqlErrors.classify(e);
        if (kind.isPresent() && kind.get() != SqlErrors.Kind.UNIQUE_VIOLATION) {
            LOG.errorf("storage failure on %s: %s", path(uri), kind.get());
            return storageFailure(kind.get(), uri, headers);
        }
        LOG.errorf(e, "unexpected error on %s", path(uri));
        return respond(uri, headers, new Problem("internal-error", "Internal error", 500,
                "The advisor failed to answer this request; the error has been logged.", path(uri), null));
    }

    /**
     * Whether the connection closed under the request: Vert.x's {@link HttpClosedException} or the channel's
     * {@link ClosedChannelException} (which one depends on when the close is seen) anywhere in the cause chain.
     */
    static boolean clientLeft(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Response invalid(UriInfo uri, HttpHeaders headers, List<Problem.FieldError> errors) {
        return respond(uri, headers, new Problem("invalid-request", "Invalid request", 400, FieldErrors.detail(errors),
                path(uri), new ArrayList<>(errors)));
    }

    /** Answers with problem+json on the API and the error page elsewhere. */
    Response respond(UriInfo uri, HttpHeaders headers, Problem p) {
        if (path(uri).startsWith("/api/") || !acceptsHtml(headers)) {
            return Response.status(p.status()).type(PROBLEM_JSON).entity(p).build();
        }
        return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(errorPage.data("problem", p).render()).build();
    }

    private static boolean acceptsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !m.isWildcardType());
    }

    private static String path(UriInfo uri) {
        return uri == null ? "" : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * {@code evaluate.request.shape.topK} → {@code shape.topK}: drop the method and parameter names, and the
     * validator's container-element nodes ({@code filter.kinds[0].<list element>} → {@code filter.kinds[0]}).
     */
    static String fieldOf(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.", 3);
        // a method parameter's path starts with the method and the parameter: the body's field follows them
        return parts.length < 2 ? parts[0] : FieldErrors.bodyField(parts.length == 2 ? "" : parts[2]);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a finite number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "of type " + type.getSimpleName().toLowerCase();
    }
}
