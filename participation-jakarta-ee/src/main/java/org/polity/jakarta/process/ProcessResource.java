package org.polity.jakarta.process;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/**
 * Participatory processes over HTTP: declare one (administrators), list and read them with their
 * phases, the current phase and what it allows, move to another phase (administrators), and whether
 * the current user may perform an action. Each method reads the request, calls one use case of
 * {@link ProcessService} and answers its outcome.
 */
@Path("api/v1/processes")
@RequestScoped
@Tag(name = "Processes")
public class ProcessResource {

  @Inject ProcessService processes;

  /** Creates the resource; CDI calls it. */
  public ProcessResource() {}

  /**
   * Declares a process, or replaces its definition until it starts.
   *
   * @param processId the process
   * @param body the definition (see {@code ProcessDocuments})
   * @param security the administrator
   * @param headers the request headers (language)
   * @return 201 for a new process, 200 for a replaced definition
   */
  @PUT
  @Path("{processId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Declare a process (administrators)")
  public Response declare(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var declared =
        processes.declare(Caller.of(security), ProcessId.of(processId), body).orElseThrow();
    JsonObject json = ProcessViews.process(declared.process(), Languages.of(headers));
    return Response.status(declared.created() ? 201 : 200).entity(json).build();
  }

  /**
   * Every process, with its current phase.
   *
   * @param headers the request headers (language)
   * @return {@code {"processes": [...]}}
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The processes")
  public JsonObject list(@Context HttpHeaders headers) {
    Locale language = Languages.of(headers);
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    processes.list().forEach(loaded -> list.add(ProcessViews.summary(loaded, language)));
    return Jsonp.JSON.createObjectBuilder().add("processes", list).build();
  }

  /**
   * A process: its phases with dates and actions, the current phase and the actions it allows, its
   * rules, budgets and phase history.
   *
   * @param processId the process
   * @param headers the request headers (language)
   * @return the process
   */
  @GET
  @Path("{processId}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "A process, its phases and the current phase")
  public JsonObject get(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @Context HttpHeaders headers) {
    var loaded = processes.read(ProcessId.of(processId)).orElseThrow();
    return ProcessViews.process(loaded, Languages.of(headers));
  }

  /**
   * Opens a later phase, or the next one: {@code {"phase": "vote", "why": {"en": "..."}}} (without
   * {@code phase}: the next phase).
   *
   * @param processId the process
   * @param body the phase and the public reason
   * @param security the administrator
   * @param headers the request headers (language)
   * @return the process after the move; 409 when a guard refuses (reviews pending, empty ballot)
   */
  @POST
  @Path("{processId}/phase-moves")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Open a phase (administrators)")
  public JsonObject move(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var move = ProcessDocuments.phaseMove(body);
    var moved =
        processes.move(Caller.of(security), ProcessId.of(processId), move.phase(), move.why());
    return ProcessViews.process(moved.orElseThrow(), Languages.of(headers));
  }
}
