package org.polity.jakarta.assembly;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.common.Texts;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.DeskAttestationJson;
import org.polity.jakarta.http.ETags;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/**
 * The pool of a process ({@code /api/v1/processes/{processId}/pool}): its declaration (staff write
 * it, anyone reads it), a participant's registration and withdrawal, a desk registration
 * (encoders), and the registrations for staff, as JSON or as the people file of {@code polity
 * sortition} (CSV). Every rule is {@link PoolService}'s.
 */
@Path("api/v1/processes/{processId}/pool")
@RequestScoped
@Tag(name = "Assemblies")
public class PoolResource {

  private static final Texts TEXTS = Texts.of(PoolResource.class);

  @Inject PoolService pools;

  /** Creates the resource; CDI calls it. */
  public PoolResource() {}

  /**
   * The features the pool asks, with their values and labels.
   *
   * @param processId the process
   * @return {@code {"features": [...]}} ({@link PoolJson}) with the declaration's ETag
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The features an assembly's pool asks")
  public Response declaration(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId) {
    PoolService.Declared declared = pools.declaration(ProcessId.of(processId)).orElseThrow();
    return Response.ok(PoolJson.json(declared.declaration()))
        .tag(ETags.of(declared.version()))
        .build();
  }

  /**
   * Declares or replaces the features the pool asks (staff, administrators).
   *
   * @param processId the process
   * @param body {@code {"features": [{"name": "gender", "label": {...}, "values": [{"id": "female",
   *     "label": {...}}, ...]}, ...]}}
   * @param security the staff member
   * @return the declaration with its ETag
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.STAFF, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "Declare the features an assembly's pool asks (staff)")
  public Response declare(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security) {
    PoolService.Declared declared =
        pools
            .declare(Caller.of(security), ProcessId.of(processId), PoolJson.declaration(body))
            .orElseThrow();
    return Response.ok(PoolJson.json(declared.declaration()))
        .tag(ETags.of(declared.version()))
        .build();
  }

  /**
   * Volunteers the signed-in participant to be drawn.
   *
   * @param processId the process
   * @param body {@code {"features": {"gender": "female", ...}}}
   * @param security the participant
   * @param headers the request (language of an eligibility refusal)
   * @param uri the request address
   * @return 201 with the registration
   */
  @POST
  @Path("registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Volunteer to be drawn for an assembly")
  public Response register(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    PoolRegistration registration =
        pools
            .register(
                Caller.of(security),
                ProcessId.of(processId),
                PoolJson.answers(body),
                Languages.of(headers))
            .orElseThrow();
    return created(processId, registration, uri);
  }

  /**
   * The signed-in participant's own registration.
   *
   * @param processId the process
   * @param security the participant
   * @return the registration; 404 {@code not-registered} when they are not in the pool
   */
  @GET
  @Path("registration")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "My registration in an assembly's pool")
  public JsonObject mine(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @Context SecurityContext security) {
    ProcessId process = ProcessId.of(processId);
    return pools
        .registration(Caller.of(security), process)
        .orElseThrow()
        .map(PoolJson::json)
        .orElseThrow(
            () ->
                Refusal.of(
                        Refusal.Kind.NOT_FOUND,
                        "not-registered",
                        TEXTS.text("pool.not-registered", processId))
                    .toException());
  }

  /**
   * Withdraws the signed-in participant from the pool.
   *
   * @param processId the process
   * @param security the participant
   * @return 204
   */
  @DELETE
  @Path("registration")
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Withdraw from an assembly's pool")
  public Response withdraw(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @Context SecurityContext security) {
    pools.withdraw(Caller.of(security), ProcessId.of(processId)).orElseThrow();
    return Response.noContent().build();
  }

  /**
   * Registers a resident served at the desk (encoders), recorded as encoded at the desk by the
   * caller.
   *
   * @param processId the process
   * @param body {@code {"identifier": "...", "attestation": {...}, "features": {...}}}; the
   *     attestation as for a paper ballot ({@link DeskAttestationJson})
   * @param security the encoder
   * @param headers the request (language of an eligibility refusal)
   * @param uri the request address
   * @return 201 with the registration
   */
  @POST
  @Path("desk-registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Register a resident for an assembly's pool at the desk (encoders)")
  public Response encode(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    if (body == null) {
      throw InvalidInputException.of("identifier", TEXTS.text("pool.field.identifier"));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonValue identifier = body.get("identifier");
    if (!(identifier instanceof JsonString id) || id.getString().isBlank()) {
      errors.add(new FieldError("identifier", TEXTS.text("pool.field.identifier")));
    }
    DeskAttestation attested = DeskAttestationJson.read(body.get("attestation"), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    PoolRegistration registration =
        pools
            .encode(
                Caller.of(security),
                ProcessId.of(processId),
                ((JsonString) identifier).getString(),
                attested,
                PoolJson.answers(body),
                Languages.of(headers))
            .orElseThrow();
    return Response.status(Response.Status.CREATED).entity(PoolJson.json(registration)).build();
  }

  /**
   * Everyone in the pool (staff, administrators).
   *
   * @param processId the process
   * @param security the staff member
   * @return {@code {"registrations": [...]}}
   */
  @GET
  @Path("registrations")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.STAFF, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "The registrations of an assembly's pool (staff)")
  public JsonObject registrations(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @Context SecurityContext security) {
    PoolService.Export export =
        pools.pool(Caller.of(security), ProcessId.of(processId)).orElseThrow();
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    export.registrations().forEach(r -> list.add(PoolJson.json(r)));
    return Jsonp.JSON.createObjectBuilder().add("registrations", list).build();
  }

  /**
   * The pool as the people file of {@code polity sortition --people} (staff, administrators).
   *
   * @param processId the process
   * @param security the staff member
   * @return the CSV: {@code id}, one column per feature, {@code channel}, {@code encoded_by}
   */
  @GET
  @Path("registrations.csv")
  @Produces("text/csv")
  @RolesAllowed({PolityRole.Names.STAFF, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "The pool as the people file of polity sortition, CSV (staff)")
  public Response csv(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @Context SecurityContext security) {
    PoolService.Export export =
        pools.pool(Caller.of(security), ProcessId.of(processId)).orElseThrow();
    StreamingOutput csv = export::write;
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + processId + "-pool.csv\"")
        .build();
  }

  private static Response created(String processId, PoolRegistration registration, UriInfo uri) {
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/processes/{p}/pool/registration").build(processId))
        .entity(PoolJson.json(registration))
        .build();
  }
}
